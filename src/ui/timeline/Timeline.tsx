import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { stepIndex, type StepUnit } from '../../engine/index';
import { playRecording, stopPlayback } from '../recording/recordingPlayer';
import { useAppStoreApi } from '../store/StoreProvider';
import type { AppStore } from '../store/createAppStore';
import { duration } from '../thoughts/thoughtText';
import { useTimelineDock } from './timelineDock';
import { useViewedRun } from './viewedRun';
import './timeline.css';

const SPEEDS: Array<[number, string]> = [
  [1, '1×'],
  [2, '2×'],
  [10, '10×'],
  [Number.POSITIVE_INFINITY, 'instant'],
];

/** Moves the timeline one event or one operation; at the end it follows the run again. */
export function stepTimeline(store: AppStore, direction: 1 | -1, unit: StepUnit): void {
  const s = store.getState();
  const events = s.live.events;
  const next = stepIndex(events, s.timelineIndex ?? events.length, direction, unit);
  s.setTimelineIndex(next >= events.length ? null : next);
}

const isTyping = (t: EventTarget | null): boolean => {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable) && !el.classList.contains('timeline-scrubber');
};

/** `,` / `.` step one event, `<` / `>` one operation (as video players step frames), anywhere but in a text field; `[` `]` belong to the panels. */
function useTimelineKeys(store: AppStore) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || store.getState().live.events.length === 0) return;
      const step = e.key === ',' ? ([-1, 'event'] as const) : e.key === '.' ? ([1, 'event'] as const) : e.key === '<' ? ([-1, 'operation'] as const) : e.key === '>' ? ([1, 'operation'] as const) : null;
      if (!step) return;
      e.preventDefault();
      stepTimeline(store, step[0], step[1]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

/** A new run on screen (live, reopened, replayed) starts followed, not at the old run's position. */
function useResetOnNewRun(store: AppStore) {
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.live.events === prev.live.events) return;
        if (s.timelineIndex !== null) s.setTimelineIndex(null);
        // Another run took the views (live, or from History): Replay then replays that one, not the recording.
        const src = s.runUi.source;
        const ours = src?.kind === 'history' && (src.id === 'recording' || src.id === 'replay');
        if (s.openRecording && src && !ours) s.setOpenRecording(null);
      }),
    [store],
  );
}

/**
 * The run's timeline under the canvas: drag to any moment and both views (operations and
 * thoughts) show the run as it was then; step one event or one operation; replay the run at 1×,
 * 2×, 10× or instantly.
 */
export function Timeline() {
  const api = useAppStoreApi();
  useTimelineKeys(api);
  useResetOnNewRun(api);
  // The whole log, not the viewed one: the scrubber spans the run as it is now.
  const total = useStore(api, (s) => s.live.eventCount);
  const endAt = useStore(api, (s) => s.live.events[s.live.eventCount - 1]?.at ?? 0);
  const index = useStore(api, (s) => s.timelineIndex);
  const playback = useStore(api, (s) => s.playback);
  const view = useStore(api, (s) => s.runUi.view);
  const busy = useStore(api, (s) => s.runUi.phase === 'running' || s.runUi.phase === 'paused');
  const at = useStore(api, (s) => (s.timelineIndex === null ? null : (s.live.events[s.timelineIndex - 1]?.at ?? 0)));
  const thoughts = useViewedRun(api, (r) => r.grs.thoughtOrder.length);
  const running = useViewedRun(api, (r) => Object.values(r.grs.operations).filter((o) => o.status === 'running').length);
  const dock = useTimelineDock();
  if (total === 0 || view === 'compare') return null;
  const position = index ?? total;
  const set = (i: number) => api.getState().setTimelineIndex(i >= total ? null : i);
  const strip = (
    <div className="timeline" data-testid="timeline" role="group" aria-label="Run timeline">
      <div className="timeline-row">
        <button type="button" className="tl-btn" onClick={() => stepTimeline(api, -1, 'operation')} title="Back one operation (<)" aria-label="Back one operation" data-testid="tl-op-back">
          ◀ op
        </button>
        <button type="button" className="tl-btn" onClick={() => stepTimeline(api, -1, 'event')} title="Back one event (,)" aria-label="Back one event" data-testid="tl-back">
          ◀
        </button>
        <input
          type="range"
          className="timeline-scrubber"
          min={0}
          max={total}
          step={1}
          value={position}
          onChange={(e) => set(Number(e.target.value))}
          aria-label="Run position (events)"
          aria-valuetext={`event ${position} of ${total}`}
          data-testid="timeline-scrubber"
        />
        <button type="button" className="tl-btn" onClick={() => stepTimeline(api, 1, 'event')} title="Forward one event (.)" aria-label="Forward one event" data-testid="tl-forward">
          ▶
        </button>
        <button type="button" className="tl-btn" onClick={() => stepTimeline(api, 1, 'operation')} title="Forward one operation (>)" aria-label="Forward one operation" data-testid="tl-op-forward">
          op ▶
        </button>
        <button type="button" className={`tl-btn tl-live${index === null ? ' is-on' : ''}`} onClick={() => set(total)} title="Follow the run (the latest event)" data-testid="tl-live">
          {busy || playback ? 'Live' : 'End'}
        </button>
      </div>
      <div className="timeline-row timeline-info">
        <span data-testid="timeline-position">
          event {position}/{total} · {duration(at ?? endAt)} of {duration(endAt)} · {thoughts} thoughts{running ? ` · ${running} running` : ''}
        </span>
        <span className="tl-replay">
          {playback ? (
            <button type="button" className="tl-btn" onClick={() => stopPlayback(api)} data-testid="replay-stop">
              ■ Stop
            </button>
          ) : (
            <span className="muted">Replay</span>
          )}
          {SPEEDS.map(([speed, label]) => (
            <button
              key={label}
              type="button"
              className={`tl-btn${playback?.speed === speed ? ' is-on' : ''}`}
              disabled={busy}
              onClick={() => void playRecording(api, speed)}
              title={`Replay the run from its events at ${label} (no model needed)`}
              data-testid={`replay-${label}`}
            >
              {label}
            </button>
          ))}
        </span>
      </div>
    </div>
  );
  return dock ? createPortal(strip, dock) : strip;
}
