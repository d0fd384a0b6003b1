import { describe, expect, test } from 'vitest';
import { builtinFunctions, recordingOfRun, runGraph, scriptedModel } from '../../engine/index';
import { syntheticAnswer, syntheticShape } from '../../engine/testing/index';
import { createAppStore } from '../store/createAppStore';
import { playRecording, showRecording } from './recordingPlayer';

async function openedRecording() {
  const run = await runGraph(syntheticShape(), { model: scriptedModel({ answer: syntheticAnswer, latency: 1 }), functions: builtinFunctions(), seed: 4 });
  const store = createAppStore();
  showRecording(store, { recording: recordingOfRun(run.events, 'synthetic')!, sample: 0 });
  return { store, run };
}

describe('replaying in the app', () => {
  test('an opened recording shows its run as it ended', async () => {
    const { store, run } = await openedRecording();
    expect(store.getState().live.grs.thoughts).toEqual(run.grs.thoughts);
    expect(store.getState().live.grs.summary).toEqual(run.summary);
  });

  test('replaying instantly streams the events into the views and ends on the same GRS', async () => {
    const { store, run } = await openedRecording();
    const seen: number[] = [];
    const off = store.subscribe((s) => seen.push(s.live.grs.thoughtOrder.length));
    await playRecording(store, Number.POSITIVE_INFINITY);
    off();
    expect(seen.some((n) => n > 0 && n < run.grs.thoughtOrder.length)).toBe(true);
    expect(store.getState().live.grs.thoughts).toEqual(run.grs.thoughts);
    expect(store.getState().live.grs.summary).toEqual(run.summary);
    expect(store.getState().playback).toBeNull();
  });

  test('a live run taking the views over stops the playback', async () => {
    const { store } = await openedRecording();
    const playing = playRecording(store, 1);
    store.getState().patchRunUi({ source: { kind: 'live' } });
    await playing;
    expect(store.getState().playback).toBeNull();
    expect(store.getState().live.grs.summary).toBeNull();
  });
});
