import { describe, expect, test } from 'vitest';
import { scriptedModel, type ScriptedCall } from '../models/scripted';
import type { RunResult } from './options';
import { op, params, runOps, seededRandom } from './testing';

const graph = [
  op('g', 'generate', [], params.generate(3, 'start {{current}}')),
  op('split', 'generate', [], params.generate(1, 'split {{current}}', { kind: 'jsonParts' })),
  op('imp', 'improve', ['g', 'split'], params.improve('improve {{current}}')),
  op('rate', 'score', ['imp'], { samples: 2, scorer: { kind: 'llm', prompt: 'rate {{current}}', reader: { kind: 'number' } } }),
  op('best', 'keepBestN', ['rate'], params.keepBest(4)),
  op('merge', 'aggregate', ['best'], params.aggregate(2)),
  op('check', 'validateAndImprove', ['merge', 'best'], { prompt: 'fix {{current}}', tries: 2, validator: { kind: 'llm', prompt: 'ok {{current}}?', reader: { kind: 'yesNo' } } }),
  op('valid', 'keepValid', ['check']),
  op('truth', 'groundTruth', ['valid'], { evaluator: { kind: 'filter', expr: 'len(state.current) > 12' } }),
];

/** Answers depend only on the prompt, the call's seed and the sample index: never on timing. */
function answer(c: ScriptedCall, i: number): string {
  const h = (c.prompt.length * 31 + (c.seed ?? 0) + i * 7) % 10;
  if (c.prompt.startsWith('split')) return '{"a": "left", "b": "right"}';
  if (c.prompt.startsWith('rate')) return `score ${h}`;
  if (c.prompt.startsWith('ok')) return h % 3 === 0 ? 'yes' : 'no';
  return `${c.prompt.slice(0, 12)}~${h}`;
}

/** Everything a run decides, in canonical form (timings and the timing-dependent critical path aside). */
function snapshot(r: RunResult) {
  const thoughts = Object.values(r.grs.thoughts)
    .map((t) => ({ id: t.id, state: t.state, parents: t.parents, score: t.score, valid: t.valid, solved: t.solved, pruned: t.pruned, volume: t.volume, latency: t.latency, origin: t.origin }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const operations = Object.fromEntries(Object.entries(r.grs.operations).map(([id, o]) => [id, { status: o.status, outputs: o.outputs, requests: o.totals.requests }]));
  const calls = Object.values(r.grs.calls)
    .map((c) => ({ id: c.id, inputIds: c.inputIds, messages: c.messages, texts: c.texts }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const { finalThoughtIds, bestScore, solved, requests, completions } = r.summary;
  return { thoughts, operations, calls, summary: { finalThoughtIds, bestScore, solved, requests, completions } };
}

describe('scheduler determinism', () => {
  test('gives identical results, ids and output order under random latencies', async () => {
    const run = (latencySeed: number | null, concurrency: number) => {
      const random = latencySeed === null ? null : seededRandom(latencySeed);
      const model = scriptedModel({ answer, latency: random ? () => Math.floor(random() * 8) : 0 });
      return runOps(graph, { current: 'x' }, model, { seed: 42, concurrency });
    };
    const reference = snapshot(await run(null, 1));
    expect(reference.thoughts.length).toBeGreaterThan(15);
    expect(reference.summary.finalThoughtIds.length).toBeGreaterThan(0);
    for (const [seed, concurrency] of [
      [1, Infinity],
      [2, 3],
      [3, Infinity],
      [4, 2],
    ] as const) {
      expect(snapshot(await run(seed, concurrency))).toEqual(reference);
    }
  });

  test('per-call seeds depend on the run seed and the call position, not on timing', async () => {
    const seedsOf = async (runSeed: number, latencySeed: number) => {
      const random = seededRandom(latencySeed);
      const model = scriptedModel({ answer, latency: () => Math.floor(random() * 5) });
      await runOps(graph.slice(0, 3), { current: 'x' }, model, { seed: runSeed, concurrency: Infinity });
      return model.calls.map((c) => `${c.prompt}#${c.seed}`).sort();
    };
    const a = await seedsOf(7, 1);
    expect(await seedsOf(7, 2)).toEqual(a);
    expect(await seedsOf(8, 1)).not.toEqual(a);
  });
});
