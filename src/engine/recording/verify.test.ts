import { describe, expect, test } from 'vitest';
import { builtinFunctions } from '../functions/builtins';
import { scriptedModel } from '../models/scripted';
import { op, params, runOps, seededRandom } from '../run/testing';
import { recordingOfRun } from './create';
import { verifyRecordingSample } from './verify';

const graph = [
  op('g', 'generate', [], params.generate(3, 'go {{current}}')),
  op('s', 'score', ['g'], { scorer: { kind: 'llm', prompt: 'rate {{current}}', reader: { kind: 'number' } } }),
  op('k', 'keepBestN', ['s'], params.keepBest(1)),
  op('i', 'improve', ['k'], params.improve()),
];

describe('verifying a recording through the engine', () => {
  test('the engine re-running the graph on the recorded answers makes the same thoughts, scores, volume, latency, tokens and cost', async () => {
    const random = seededRandom(5);
    const model = scriptedModel({ answer: (c, i) => (c.prompt.startsWith('rate') ? String((c.seed ?? 0) % 10) : `${c.seed}-${i}`), latency: () => Math.floor(random() * 5) });
    const run = await runOps(graph, { current: 'x' }, model, { seed: 9, cost: (u) => u.promptTokens * 1e-6 + u.completionTokens * 3e-6 });
    const rec = recordingOfRun(run.events, 'r')!;
    expect(await verifyRecordingSample(rec, 0, { functions: builtinFunctions() })).toEqual([]);
  });

  test('a recording whose answers were edited no longer matches what it claims', async () => {
    const run = await runOps(graph, { current: 'x' }, scriptedModel({ answer: (c) => (c.prompt.startsWith('rate') ? '7' : 'a') }), { seed: 1 });
    const rec = recordingOfRun(run.events, 'r')!;
    const events = rec.samples[0]!.events;
    const created = events.findIndex((e) => e.type === 'thought.created');
    const e = events[created]!;
    if (e.type === 'thought.created') events[created] = { ...e, thought: { ...e.thought, state: { current: 'forged' } } };
    const diffs = await verifyRecordingSample(rec, 0, { functions: builtinFunctions() });
    expect(diffs.join('\n')).toMatch(/forged/);
  });
});
