import { builtinFunctions, mergeFunctionRegistries } from '../../functions/builtins';
import { simulatorModel } from '../../models/simulator/simulatorModel';
import type { ModelPrice } from '../../models/types';
import { quantileSorted } from '../../report/stats';
import { runGraph } from '../../run/runGraph';
import { taskFunctions } from '../functions';
import { loadDatasetRow } from '../loaders';
import type { DatasetRow } from '../shared/dataset';
import { exampleSpecs } from './index';
import { LIST_SCHEMES, LIST_SIZES, type ListScheme, type ListSize } from './shapes';

/** The two list tasks the paper studies across sizes (§7.2, Fig. 5). */
export type ScaleTask = 'sorting' | 'setIntersection';

/** One scheme at one size over the sampled rows: the final error per row and what the runs cost. */
export interface ScaleCell {
  task: ScaleTask;
  size: ListSize;
  scheme: ListScheme;
  errors: number[];
  median: number;
  mean: number;
  /** Dollars per row, on average, at `price`. */
  cost: number;
  /** Prompt and completion tokens per row, on average. */
  promptTokens: number;
  completionTokens: number;
}

/** How much lower GoT's error is than another scheme's, as a fraction (0.62 = 62% lower; negative: higher). */
export const reduction = (got: number, other: number): number => (other === 0 ? (got === 0 ? 0 : -Infinity) : 1 - got / other);

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const idOf = (task: ScaleTask, size: ListSize, scheme: ListScheme): string => `${task === 'sorting' ? 'sorting' : 'set-intersection'}-${String(size).padStart(3, '0')}-${scheme.toLowerCase()}`;

/**
 * Runs the gallery's IO, CoT, ToT, ToT2 and GoT examples of the list tasks on the offline
 * simulator (in-process, no latency, no cache, seed 0) over dataset `rows`, as the paper's Fig. 5
 * does with a real model. An unfinished run counts as the unparseable-answer error 300.
 */
export async function scaleStudy(o: {
  rows: readonly number[];
  rowsOf: (file: string) => readonly DatasetRow[];
  tasks?: readonly ScaleTask[];
  sizes?: readonly ListSize[];
  schemes?: readonly ListScheme[];
  /** Prices per million tokens (default: gpt-3.5-turbo's, the paper's model). */
  price?: ModelPrice;
}): Promise<ScaleCell[]> {
  const price = o.price ?? { input: 0.5, output: 1.5 };
  const model = simulatorModel({ latency: { baseMs: 0, perTokenMs: 0 } });
  const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
  const cells: ScaleCell[] = [];
  for (const task of o.tasks ?? ['sorting', 'setIntersection']) {
    for (const size of o.sizes ?? LIST_SIZES) {
      for (const scheme of o.schemes ?? LIST_SCHEMES) {
        const spec = exampleSpecs.find((s) => s.id === idOf(task, size, scheme));
        if (!spec) throw new Error(`no example ${idOf(task, size, scheme)}`);
        const rows = o.rowsOf(spec.dataset.file);
        const errors: number[] = [];
        const costs: number[] = [];
        const tokens = { prompt: 0, completion: 0 };
        for (const row of o.rows) {
          const input = loadDatasetRow(spec.dataset.loader, rows[row] ?? {}, row);
          const { summary } = await runGraph(spec.build(input), { model, functions, input, seed: 0, sampleIndex: row, concurrency: Infinity, cache: false });
          errors.push(summary.status === 'completed' ? (summary.bestScore ?? 300) : 300);
          tokens.prompt += summary.promptTokens / o.rows.length;
          tokens.completion += summary.completionTokens / o.rows.length;
          costs.push((summary.promptTokens * price.input + summary.completionTokens * price.output) / 1e6);
        }
        cells.push({ task, size, scheme, errors, median: quantileSorted([...errors].sort((a, b) => a - b), 0.5), mean: mean(errors), cost: mean(costs), promptTokens: tokens.prompt, completionTokens: tokens.completion });
      }
    }
  }
  return cells;
}
