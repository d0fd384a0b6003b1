import { playEvents, type RunEvent } from '../../engine/index';
import type { AppStore } from '../store/createAppStore';
import type { OpenRecording } from '../timeline/timelineSlice';

/** The playback running now (one at a time). */
let current: AbortController | null = null;

/** The events of the run a playback would replay: the open recording's run, else the run on screen. */
export function replayableEvents(store: AppStore): { events: readonly RunEvent[]; title: string } {
  const s = store.getState();
  const open = s.openRecording;
  const sample = open?.recording.samples[open.sample];
  if (open && sample) return { events: sample.events, title: open.recording.title };
  const start = s.live.events[0];
  return { events: s.live.events.slice(), title: start?.type === 'run.start' ? start.document.title : 'run' };
}

/** Shows one run of an open recording as it ended (scrub or play it from there). */
export function showRecording(store: AppStore, open: OpenRecording): void {
  const sample = open.recording.samples[open.sample];
  if (!sample) return;
  stopPlayback(store);
  const s = store.getState();
  s.setOpenRecording(open);
  s.setTimelineIndex(null);
  s.showRecordedRun(sample.events, { kind: 'history', id: 'recording', title: `recording “${open.recording.title}”` });
}

/** Stops a playback; what it showed so far stays on screen. */
export function stopPlayback(store: AppStore): void {
  current?.abort();
  current = null;
  if (store.getState().playback) store.getState().setPlayback(null);
}

/**
 * Replays a run from its events at `speed` (1 = real time, Infinity = instantly) into the views,
 * exactly as the live run streamed them: no model, no key, no network. A live run started
 * meanwhile stops the playback.
 */
export async function playRecording(store: AppStore, speed: number): Promise<void> {
  const { events, title } = replayableEvents(store);
  if (events.length === 0) return;
  stopPlayback(store);
  const ctrl = new AbortController();
  current = ctrl;
  const s = store.getState();
  s.clearRun();
  s.setTimelineIndex(null);
  s.patchRunUi({ source: { kind: 'history', id: 'replay', title: `replay of “${title}”` }, phase: 'finished' });
  s.setPlayback({ speed });
  const off = store.subscribe((st) => st.runUi.source?.kind === 'live' && ctrl.abort());
  try {
    await playEvents(events, { speed, signal: ctrl.signal, onEvents: (batch) => store.getState().ingestRunEvents(batch) });
  } catch {
    // Stopped: by the user, or by a live run taking the views over.
  } finally {
    off();
    if (current === ctrl) {
      current = null;
      store.getState().setPlayback(null);
    }
  }
}
