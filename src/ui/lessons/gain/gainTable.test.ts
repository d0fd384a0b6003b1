import { describe, expect, it } from 'vitest';
import { compareSchemes, LIST_SCHEMES, LIST_SIZES, type SampleOutcome } from '../../../engine/index';
import { cellLabel, gainCells, gainReductions, gainSpec, percent } from './gainTable';

const outcome = (scheme: string, sampleIndex: number, score: number, cost = 0.01): SampleOutcome & { scheme: string } => ({
  scheme,
  sampleIndex,
  status: 'completed',
  score,
  solved: score === 0,
  wallMs: 10,
  requests: 1,
  completions: 1,
  cacheHits: 0,
  promptTokens: 10,
  completionTokens: 10,
  cost,
});

describe('the gain lesson’s table', () => {
  it('finds the shipped example of every scheme at every size, for both list tasks', () => {
    for (const task of ['sorting', 'setIntersection'] as const)
      for (const size of LIST_SIZES)
        for (const scheme of LIST_SCHEMES) {
          const spec = gainSpec(task, scheme, size);
          expect([spec.task, spec.scheme, spec.dataset.file.includes(String(size))]).toEqual([task, scheme, true]);
        }
  });

  it('gives each scheme at each size the engine’s own comparison row of its runs', () => {
    const outcomes = [outcome(cellLabel('ToT', 128), 0, 20), outcome(cellLabel('ToT', 128), 1, 30, 0.02), outcome(cellLabel('GoT', 128), 0, 6), outcome(cellLabel('ToT', 64), 0, 5)];
    const cells = gainCells(outcomes);
    expect(cells).toHaveLength(15);
    const tot128 = cells.find((c) => c.scheme === 'ToT' && c.size === 128)!;
    const [own] = compareSchemes([{ scheme: cellLabel('ToT', 128), higherIsBetter: false, outcomes: outcomes.slice(0, 2) }]);
    expect(tot128.row).toEqual(own);
    expect([tot128.row.score?.median, tot128.row.score?.mean, tot128.row.cost, tot128.row.samples]).toEqual([25, 25, 0.03, 2]);
    expect(cells.find((c) => c.scheme === 'IO' && c.size === 32)!.row.samples).toBe(0);
  });

  it('says how much lower GoT’s error is than ToT’s and ToT2’s per size, next to the paper’s figure, once both have runs', () => {
    const outcomes = [outcome(cellLabel('ToT', 128), 0, 20), outcome(cellLabel('ToT', 128), 1, 30), outcome(cellLabel('GoT', 128), 0, 5), outcome(cellLabel('GoT', 128), 1, 15), outcome(cellLabel('ToT2', 64), 0, 4)];
    const r = gainReductions(gainCells(outcomes));
    const at = (size: number, against: string) => r.find((x) => x.size === size && x.against === against)!;
    expect(at(128, 'ToT')).toEqual({ size: 128, against: 'ToT', median: 0.6, mean: 0.6, paper: { figure: 0.62, words: '≈62%' } });
    expect(at(64, 'ToT2')).toMatchObject({ median: null, mean: null, paper: { figure: 0.61 } });
    expect(at(32, 'ToT').paper.words).toBe('negligible');
    expect([percent(at(128, 'ToT').median), percent(null)]).toEqual(['60%', '—']);
  });

  it('shows no reduction over a scheme with no error at all when GoT has some', () => {
    const r = gainReductions(gainCells([outcome(cellLabel('ToT', 32), 0, 0), outcome(cellLabel('GoT', 32), 0, 1)]));
    expect(r.find((x) => x.size === 32 && x.against === 'ToT')!.median).toBeNull();
  });
});
