import { describe, expect, test, vi } from 'vitest';
import { builtinFunctions, runGraph, scriptedModel, type RunEvent } from '../../engine/index';
import { syntheticAnswer, syntheticShape } from '../../engine/testing/index';
import { liveRunFromEvents } from '../run/projectEvents';
import { createAppStore } from '../store/createAppStore';
import { SNAPSHOT_EVERY, viewedState } from './viewedRun';

// Counts the events the timeline feeds through the reducer, to check it starts from a snapshot.
const applied = vi.hoisted(() => ({ events: 0 }));
vi.mock('../run/projectEvents', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../run/projectEvents')>();
  return { ...actual, applyRunEvents: (...args: Parameters<typeof actual.applyRunEvents>) => ((applied.events += args[1].length), actual.applyRunEvents(...args)) };
});
import { stepTimeline } from './Timeline';

async function storeWithRun() {
  const { events } = await runGraph(syntheticShape(), { model: scriptedModel({ answer: syntheticAnswer }), functions: builtinFunctions(), seed: 1 });
  const store = createAppStore();
  store.getState().ingestRunEvents(events);
  return { store, events: events as RunEvent[] };
}

describe('the run as the views show it', () => {
  test('following the run, the views read the store unchanged', async () => {
    const { store } = await storeWithRun();
    expect(viewedState(store.getState())).toBe(store.getState());
  });

  test('at an index, thoughts, operations and the editor strips are the run after that many events', async () => {
    const { store, events } = await storeWithRun();
    const i = Math.floor(events.length / 3);
    store.getState().setTimelineIndex(i);
    const viewed = viewedState(store.getState());
    const expected = liveRunFromEvents(events.slice(0, i));
    expect(viewed.live.grs.thoughtOrder).toEqual(expected.grs.thoughtOrder);
    expect(viewed.live.grs.thoughts).toEqual(expected.grs.thoughts);
    expect(viewed.live.grs.operations).toEqual(expected.grs.operations);
    expect(Object.values(viewed.runs.ops).some((o) => o?.status === 'running')).toBe(true);
    expect(viewed.live.grs.thoughtOrder.length).toBeLessThan(store.getState().live.grs.thoughtOrder.length);
    // The whole run stays in the store.
    expect(store.getState().live.events).toHaveLength(events.length);
  });

  test('during a live run a scrubbed position stays put while new events arrive', async () => {
    const { events } = await storeWithRun();
    const store = createAppStore();
    const half = Math.floor(events.length / 2);
    store.getState().ingestRunEvents(events.slice(0, half));
    store.getState().setTimelineIndex(half - 10);
    const before = viewedState(store.getState()).live;
    store.getState().ingestRunEvents(events.slice(half));
    const after = viewedState(store.getState()).live;
    expect(after).toBe(before);
    expect(after.grs.thoughtOrder).toEqual(liveRunFromEvents(events.slice(0, half - 10)).grs.thoughtOrder);
  });

  test('the same position gives the same objects, so an unrelated change re-renders no view', async () => {
    const { store, events } = await storeWithRun();
    store.getState().setTimelineIndex(Math.floor(events.length / 2));
    const before = viewedState(store.getState());
    store.getState().patchRunUi({ colorBy: 'latency' });
    const after = viewedState(store.getState());
    expect(after.live).toBe(before.live);
    expect(after.runs).toBe(before.runs);
  });

  test('scrubbing across a run of over a thousand thoughts costs a fraction of rebuilding it (snapshots, not a replay from the start)', async () => {
    const { store, events } = await storeWithRun();
    expect(store.getState().live.grs.thoughtOrder.length).toBeGreaterThan(1000);
    const positions = Array.from({ length: 40 }, (_, k) => Math.floor((events.length * (k + 1)) / 41) + 7);
    const scrub = () => {
      for (const p of positions) {
        store.getState().setTimelineIndex(p);
        viewedState(store.getState());
      }
    };
    scrub();
    // Once the snapshots exist, each position reduces at most the events since the snapshot before it,
    // where a replay from the start would reduce on average half the run (about 1,850 events here).
    applied.events = 0;
    scrub();
    expect(applied.events).toBeGreaterThan(0);
    expect(applied.events).toBeLessThanOrEqual(positions.length * SNAPSHOT_EVERY);
    expect(applied.events).toBeLessThan(positions.reduce((a, p) => a + p, 0) / 10);
  });

  test('stepping by operation and by event moves the position, and past the end follows the run again', async () => {
    const { store, events } = await storeWithRun();
    store.getState().setTimelineIndex(0);
    stepTimeline(store, 1, 'operation');
    const first = store.getState().timelineIndex as number;
    expect(events[first - 1]?.type).toMatch(/^operation\./);
    stepTimeline(store, 1, 'event');
    expect(store.getState().timelineIndex).toBe(first + 1);
    store.getState().setTimelineIndex(events.length - 1);
    stepTimeline(store, 1, 'event');
    expect(store.getState().timelineIndex).toBeNull();
  });
});
