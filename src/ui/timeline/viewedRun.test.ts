import { describe, expect, test } from 'vitest';
import { builtinFunctions, runGraph, scriptedModel, type RunEvent } from '../../engine/index';
import { syntheticAnswer, syntheticShape } from '../../engine/testing/index';
import { liveRunFromEvents } from '../run/projectEvents';
import { createAppStore } from '../store/createAppStore';
import { viewedState } from './viewedRun';
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
    const scrub = () => {
      const started = performance.now();
      for (let k = 1; k <= 40; k++) {
        store.getState().setTimelineIndex(Math.floor((events.length * k) / 41));
        viewedState(store.getState());
      }
      return (performance.now() - started) / 40;
    };
    scrub();
    liveRunFromEvents(events);
    const rebuildStarted = performance.now();
    liveRunFromEvents(events);
    const rebuild = performance.now() - rebuildStarted;
    // Measured here: about 11 ms a position against about 100 ms for a rebuild of 3,700 events.
    expect(scrub()).toBeLessThan(rebuild / 3);
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
