import { applyEvents, createGrs, type RunEvent } from '../../engine/index';
import type { LiveRun } from './liveTypes';

/** An empty run: nothing on screen yet. */
export function emptyLiveRun(): LiveRun {
  return { grs: createGrs(), events: [], eventCount: 0 };
}

/**
 * Applies a batch of events (one animation frame's worth) with the engine's own reducer: each GRS
 * collection the batch writes is copied once, the rest keep their identity (so a frame of streamed
 * tokens leaves the thoughts, and every layout derived from them, untouched). What the views show
 * beyond the GRS is derived by the selectors in runSelectors.ts.
 */
export function applyRunEvents(prev: LiveRun, batch: readonly RunEvent[]): LiveRun {
  if (batch.length === 0) return prev;
  // A new run starts over: its log begins at its run.start.
  let from = 0;
  for (let i = batch.length - 1; i >= 0; i -= 1) {
    if (batch[i]?.type === 'run.start') {
      from = i;
      break;
    }
  }
  const restart = batch[from]?.type === 'run.start';
  const events = restart ? [] : prev.events;
  for (let i = from; i < batch.length; i += 1) events.push(batch[i] as RunEvent);
  const grs = applyEvents(restart ? createGrs() : prev.grs, restart ? batch.slice(from) : batch);
  return { grs, events, eventCount: events.length };
}

/** The same projection rebuilt from a whole event log (a run reopened from history). */
export function liveRunFromEvents(events: readonly RunEvent[]): LiveRun {
  return applyRunEvents(emptyLiveRun(), events);
}
