import { describe, expect, test } from 'vitest';
import { rebuildGrs } from '../grs/reduce';
import { scriptedModel } from '../models/scripted';
import { op, params, runOps } from '../run/testing';
import type { RunEvent } from '../run/events';
import { playEvents } from './player';
import { grsTimeline, stepIndex } from './timeline';

const graph = [op('g', 'generate', [], params.generate(4, 'go {{current}}')), op('i', 'improve', ['g'], params.improve()), op('j', 'improve', ['i'], params.improve('again {{current}}'))];
const run = () => runOps(graph, { current: 'x' }, scriptedModel({ answer: (c, i) => `${c.seed}-${i}`, latency: 1, streamChunk: 3 }), { seed: 2 });

describe('the timeline of a run', () => {
  test('the state at any index, from snapshots, equals the reducer over that prefix', async () => {
    const { events } = await run();
    const timeline = grsTimeline(events, 5);
    for (const i of [0, 1, 4, 5, 6, 17, Math.floor(events.length / 2), events.length - 1, events.length]) {
      expect(timeline.at(i)).toEqual(rebuildGrs(events.slice(0, i)));
    }
    // Going back does not disturb the snapshots it came from.
    expect(timeline.at(3)).toEqual(rebuildGrs(events.slice(0, 3)));
  });

  test('mid-run, thoughts not yet made are absent and running operations show as running', async () => {
    const { events } = await run();
    const firstDone = events.findIndex((e) => e.type === 'operation.done');
    const at = grsTimeline(events).at(firstDone);
    const finishing = (events[firstDone] as Extract<RunEvent, { type: 'operation.done' }>).opId;
    expect(at.operations[finishing]?.status).toBe('running');
    expect(grsTimeline(events).at(1).operations.j?.status).toBe('waiting');
    expect(at.thoughtOrder.length).toBeLessThan(rebuildGrs(events).thoughtOrder.length);
  });

  test('a step by operation lands just after the next or previous operation start or finish', async () => {
    const { events } = await run();
    const edges = events.flatMap((e, i) => (e.type === 'operation.start' || e.type === 'operation.done' ? [i + 1] : []));
    expect(stepIndex(events, 0, 1, 'operation')).toBe(edges[0]);
    expect(stepIndex(events, edges[0]!, 1, 'operation')).toBe(edges[1]);
    expect(stepIndex(events, edges[1]!, -1, 'operation')).toBe(edges[0]);
    expect(stepIndex(events, edges[0]!, -1, 'operation')).toBe(0);
    expect(stepIndex(events, events.length, 1, 'operation')).toBe(events.length);
    expect(stepIndex(events, 4, 1, 'event')).toBe(5);
    expect(stepIndex(events, 0, -1, 'event')).toBe(0);
  });
});

describe('playing a recorded log back', () => {
  const log = (ats: number[]) => ats.map((at) => ({ type: 'log', at, level: 'info', message: String(at) }) as RunEvent);

  test('each event is handed over at its recorded time divided by the speed', async () => {
    let now = 0;
    const seen: Array<[number, number]> = [];
    await playEvents(log([0, 100, 100, 400]), {
      speed: 2,
      clock: () => now,
      sleep: async (ms) => void (now += ms),
      onEvents: (batch) => batch.forEach((e) => seen.push([e.at, now])),
    });
    expect(seen).toEqual([[0, 0], [100, 50], [100, 50], [400, 200]]);
  });

  test('instantly: every event, in order, without waiting', async () => {
    const events = log(Array.from({ length: 5000 }, (_, i) => i * 1000));
    const got: RunEvent[] = [];
    const started = performance.now();
    await playEvents(events, { speed: Number.POSITIVE_INFINITY, onEvents: (b) => got.push(...b) });
    expect(got).toEqual(events);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('a stop ends the playback', async () => {
    const ctrl = new AbortController();
    const got: RunEvent[] = [];
    const playing = playEvents(log([0, 10_000]), { speed: 1, signal: ctrl.signal, onEvents: (b) => got.push(...b) });
    ctrl.abort();
    await expect(playing).rejects.toThrow();
    expect(got).toHaveLength(1);
  });
});
