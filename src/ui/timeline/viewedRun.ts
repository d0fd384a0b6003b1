import { useStore } from 'zustand';
import { eventTimeline, type EventTimeline, type RunEvent } from '../../engine/index';
import type { LiveRun } from '../run/liveTypes';
import { applyRunEvents, emptyLiveRun } from '../run/projectEvents';
import { syncEditorView } from '../run/runSlice';
import type { RunsSlice } from '../store/runsSlice';
import type { AppState } from '../store/types';
import type { AppStore } from '../store/createAppStore';

/** Events between cached snapshots: a scrub reduces at most this many events. */
export const SNAPSHOT_EVERY = 200;

// One timeline per event log; a live run appends to its log in place, which keeps earlier snapshots valid.
const timelines = new WeakMap<RunEvent[], EventTimeline<LiveRun>>();

function timelineOf(events: RunEvent[]): EventTimeline<LiveRun> {
  let t = timelines.get(events);
  if (!t) {
    // applyRunEvents appends to the run's event list: each step gets its own copy so snapshots stay intact.
    t = eventTimeline<LiveRun>(events, { initial: emptyLiveRun, apply: (run, batch) => applyRunEvents({ ...run, events: run.events.slice() }, batch), every: SNAPSHOT_EVERY });
    timelines.set(events, t);
  }
  return t;
}

/** The run on screen as it was after its first `index` events (the app's projection, through the engine's reducer). */
export function liveRunAt(live: LiveRun, index: number): LiveRun {
  return timelineOf(live.events).at(index);
}

const NO_RUNS: RunsSlice['runs'] = { active: false, ops: {}, edges: {} };
let lastAt: { events: RunEvent[]; index: number; live: LiveRun; runs: RunsSlice['runs'] } | null = null;
let lastState: { state: AppState; viewed: AppState } | null = null;

/**
 * The state as the views should show it: unchanged while following the run (`timelineIndex`
 * null), else with `live` (thoughts, calls, operations) and the editor's `runs` (node strips, edge
 * counts) as they were at that index. The same index gives the same objects, so views re-render
 * only when the position moves.
 */
export function viewedState(s: AppState): AppState {
  const index = s.timelineIndex;
  if (index === null || index >= s.live.events.length) return s;
  if (lastState?.state === s) return lastState.viewed;
  if (!lastAt || lastAt.events !== s.live.events || lastAt.index !== index) {
    const live = liveRunAt(s.live, index);
    lastAt = { events: s.live.events, index, live, runs: syncEditorView(null, live, NO_RUNS, live.grs.status === 'running') };
  }
  const viewed: AppState = { ...s, live: lastAt.live, runs: lastAt.runs };
  lastState = { state: s, viewed };
  return viewed;
}

/** Selects from the run as the views show it (at the timeline's position). Views that read run state should use this. */
export function useViewedRun<T>(api: AppStore, selector: (run: LiveRun) => T): T {
  return useStore(api, (s) => selector(viewedState(s).live));
}
