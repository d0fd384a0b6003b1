import { describe, expect, test } from 'vitest';
import { scriptedModel } from '../models/scripted';
import type { RunEvent } from './events';
import { op, params, runOps, seededRandom } from './testing';

const wide = [
  op('split', 'generate', [], params.generate(1, 'split', { kind: 'jsonParts' })),
  op('imp', 'improve', ['split'], params.improve('improve {{current}}')),
  op('rate', 'score', ['imp'], { scorer: { kind: 'llm', prompt: 'rate {{current}}', reader: { kind: 'number' } } }),
];
const parts = JSON.stringify(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i}`, `v${i}`])));

function wideModel(seed: number) {
  const random = seededRandom(seed);
  return scriptedModel({ answer: (c) => (c.prompt === 'split' ? parts : c.prompt.startsWith('rate') ? '5' : `${c.prompt}!`), latency: () => 1 + Math.floor(random() * 6) });
}

describe('scheduler concurrency', () => {
  test.each([1, 3, 8])('never has more than %i calls in flight, and uses all of them', async (limit) => {
    const model = wideModel(limit);
    const r = await runOps(wide, {}, model, { concurrency: limit });
    expect(r.summary.requests).toBe(41);
    expect(model.maxInFlight).toBe(limit);
  });

  test('with no limit every independent call runs at once', async () => {
    const model = scriptedModel({ answer: (c) => (c.prompt === 'split' ? parts : '5'), latency: 5 });
    await runOps(wide.slice(0, 2), {}, model, { concurrency: Infinity });
    expect(model.maxInFlight).toBe(20);
  });

  test('a streaming operation works on a thought before its predecessor has finished', async () => {
    const events: RunEvent[] = [];
    const model = scriptedModel({ answer: (c) => `${c.prompt}.`, latency: (c) => (c.prompt === 'slow' ? 40 : 1) });
    await runOps(
      [op('fast', 'generate', [], params.generate(1, 'fast')), op('slow', 'generate', [], params.generate(1, 'slow')), op('imp', 'improve', ['slow', 'fast'], params.improve())],
      {},
      model,
      { onEvent: (e) => events.push(e) },
    );
    const improveStart = events.findIndex((e) => e.type === 'call.start' && e.opId === 'imp');
    const slowDone = events.findIndex((e) => e.type === 'operation.done' && e.opId === 'slow');
    expect(improveStart).toBeGreaterThan(-1);
    expect(improveStart).toBeLessThan(slowDone);
  });

  test('a barrier operation (Keep Best N) starts only when all its inputs are in', async () => {
    const events: RunEvent[] = [];
    const model = scriptedModel({ answer: (_c, i) => String(i), latency: (c) => (c.prompt === 'b' ? 20 : 1) });
    await runOps(
      [
        op('a', 'generate', [], params.generate(2, 'a')),
        op('b', 'generate', [], params.generate(2, 'b')),
        op('s', 'score', ['a', 'b'], params.scoreExpr('number(state.current)')),
        op('k', 'keepBestN', ['s'], params.keepBest(1)),
      ],
      {},
      model,
      { onEvent: (e) => events.push(e) },
    );
    const scoreDone = events.findIndex((e) => e.type === 'operation.done' && e.opId === 's');
    const keepStart = events.findIndex((e) => e.type === 'operation.start' && e.opId === 'k');
    expect(keepStart).toBeGreaterThan(scoreDone);
  });
});
