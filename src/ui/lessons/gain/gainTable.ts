import { compareSchemes, exampleSpecs, LIST_SCHEMES, LIST_SIZES, reduction, type ExampleSpec, type SampleOutcome, type SchemeComparison } from '../../../engine/index';

export type GainTask = 'sorting' | 'setIntersection';
export type GainScheme = (typeof LIST_SCHEMES)[number];
export type GainSize = (typeof LIST_SIZES)[number];

/** GoT's error reduction the paper reports (§7.2, sorting with GPT-3.5); null where it quotes no figure. */
export const PAPER_REDUCTION: Record<'ToT' | 'ToT2', Record<GainSize, { figure: number | null; words: string }>> = {
  ToT: { 32: { figure: null, words: 'negligible' }, 64: { figure: null, words: 'not quoted' }, 128: { figure: 0.62, words: '≈62%' } },
  ToT2: { 32: { figure: null, words: 'negligible' }, 64: { figure: 0.61, words: '≈61%' }, 128: { figure: 0.69, words: '≈69%' } },
};

/** One scheme at one size: the label its runs carry in the comparison, e.g. "GoT · 128". */
export const cellLabel = (scheme: GainScheme, size: GainSize): string => `${scheme} · ${size}`;

/** The shipped example of a scheme at a size for the task (the gallery's graphs). */
export function gainSpec(task: GainTask, scheme: GainScheme, size: GainSize): ExampleSpec {
  const spec = exampleSpecs.find((s) => s.task === task && s.scheme === scheme && s.dataset.file.endsWith(`_${String(size).padStart(3, '0')}.csv`));
  if (!spec) throw new Error(`no shipped ${task} example for ${scheme} at ${size}`);
  return spec;
}

/** One cell of the lesson's table: the engine's comparison row of one scheme at one size. */
export interface GainCell {
  scheme: GainScheme;
  size: GainSize;
  row: SchemeComparison;
}

/** Every scheme at every size from the outcomes so far (labelled with cellLabel), through the engine's compareSchemes. */
export function gainCells(outcomes: ReadonlyArray<SampleOutcome & { scheme: string }>): GainCell[] {
  const cells = LIST_SIZES.flatMap((size) => LIST_SCHEMES.map((scheme) => ({ scheme, size, label: cellLabel(scheme, size) })));
  const rows = compareSchemes(cells.map((c) => ({ scheme: c.label, higherIsBetter: false, outcomes: outcomes.filter((o) => o.scheme === c.label) })));
  return cells.map((c, i) => ({ scheme: c.scheme, size: c.size, row: rows[i]! }));
}

/** GoT's error reduction over one other scheme at one size, by median and by mean (null until both have a score). */
export interface GainReduction {
  size: GainSize;
  against: 'ToT' | 'ToT2';
  median: number | null;
  mean: number | null;
  paper: { figure: number | null; words: string };
}

/** GoT's reduction over ToT and ToT2 at each size: 0.62 means GoT's error is 62% lower. */
export function gainReductions(cells: readonly GainCell[]): GainReduction[] {
  const at = (scheme: GainScheme, size: GainSize) => cells.find((c) => c.scheme === scheme && c.size === size)?.row.score ?? null;
  return LIST_SIZES.flatMap((size) =>
    (['ToT', 'ToT2'] as const).map((against) => {
      const got = at('GoT', size);
      const other = at(against, size);
      const both = got !== null && other !== null;
      const finite = (x: number) => (Number.isFinite(x) ? x : null);
      return {
        size,
        against,
        median: both ? finite(reduction(got.median, other.median)) : null,
        mean: both ? finite(reduction(got.mean, other.mean)) : null,
        paper: PAPER_REDUCTION[against][size],
      };
    }),
  );
}

/** A fraction as a whole percentage ("62%"), or a dash. */
export const percent = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)}%`);
