import { describe, expect, test } from 'vitest';
import { builtinFunctions } from '../functions/builtins';
import { scriptedModel } from '../models/scripted';
import { runGraph } from '../run/runGraph';
import { doc, op, params } from '../run/testing';
import { applyEvents, createGrs, rebuildGrs } from './reduce';

const run = () =>
  runGraph(doc([op('g', 'generate', [], params.generate(2, 'go')), op('i', 'improve', ['g'], params.improve())], { current: '' }), {
    model: scriptedModel({ answer: (_c, i) => `x${i}`, streamChunk: 1 }),
    functions: builtinFunctions(),
  });

describe('applyEvents (a batch through the engine reducer)', () => {
  test('equals the reducer applied event by event, in any batching, and never writes the state it is given', async () => {
    const { events, grs } = await run();
    let state = createGrs();
    for (let i = 0; i < events.length; i += 7) {
      const before = state;
      const snapshot = JSON.stringify(before);
      state = applyEvents(before, events.slice(i, i + 7));
      expect(JSON.stringify(before)).toBe(snapshot);
    }
    expect(state).toEqual(grs);
    expect(state).toEqual(rebuildGrs(events));
  });

  test('copies only the collections the batch writes: a batch of streamed tokens keeps thoughts and operations', async () => {
    const { events } = await run();
    const firstToken = events.findIndex((e) => e.type === 'call.token');
    const before = applyEvents(createGrs(), events.slice(0, firstToken));
    const tokens = events.slice(firstToken).filter((e) => e.type === 'call.token');
    const after = applyEvents(before, tokens);
    expect(after.thoughts).toBe(before.thoughts);
    expect(after.thoughtOrder).toBe(before.thoughtOrder);
    expect(after.operations).toBe(before.operations);
    expect(after.calls).not.toBe(before.calls);
    expect(applyEvents(before, [])).toBe(before);
  });
});
