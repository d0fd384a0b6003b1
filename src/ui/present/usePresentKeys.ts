import { useEffect } from 'react';
import type { useReactFlow } from '@xyflow/react';
import { matchShortcut } from '../canvas/shortcuts';
import { controllerFor } from '../run/appController';
import type { AppStore } from '../store/createAppStore';
import { fitPresented } from './presentCamera';
import { stepOperation } from './presentSteps';

// Shortcuts that still work while presenting; every other editor shortcut would edit or re-arrange what is hidden.
const PASS = new Set(['help', 'save', 'saveAs', 'open']);

/** Space steps (forward through an ended run when looking back), P plays or pauses, F fits, ← → move between operations of a finished run, 1 2 3 pick the view, Esc (or Shift+P) leaves. */
export function usePresentKeys(store: AppStore, flow: ReturnType<typeof useReactFlow>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      if (!s.presenting || s.dialog !== null) return;
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
      const act = plain ? action(e) : null;
      if (!act) {
        const id = matchShortcut(e);
        if (!id || PASS.has(id)) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        return;
      }
      // Ahead of the editor's, the timeline's and React Flow's own handlers: in presentation these keys mean only this.
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.repeat && act !== 'back' && act !== 'forward') return;
      const run = controllerFor(store);
      const busy = s.runUi.phase === 'running' || s.runUi.phase === 'paused';
      switch (act) {
        case 'leave':
          return s.setPresenting(false);
        case 'fit':
          return fitPresented(store, flow);
        case 'step':
          // Looking back at an ended run, Space walks forward through it; only at its end does it start a new run.
          if (s.timelineIndex !== null && s.live.events.length > 0 && s.live.grs.status !== 'running') {
            return s.setTimelineIndex(stepOperation(s.live.events, s.timelineIndex, 1));
          }
          s.setTimelineIndex(null);
          return run.step();
        case 'play':
          s.setTimelineIndex(null);
          if (!busy) return void run.run();
          return s.runUi.phase === 'paused' || s.runUi.stepping ? run.resume() : run.pause();
        case 'operations':
        case 'split':
        case 'thoughts':
          s.patchRunUi({ view: act });
          return void setTimeout(() => fitPresented(store, flow), 120);
        case 'back':
        case 'forward':
          // As soon as the run has ended (its last events are in), not only once the app has filed it in History.
          if (s.live.events.length === 0 || s.live.grs.status === 'running') return;
          return s.setTimelineIndex(stepOperation(s.live.events, s.timelineIndex, act === 'back' ? -1 : 1));
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [store, flow]);
}

type Action = 'leave' | 'fit' | 'step' | 'play' | 'back' | 'forward' | 'operations' | 'split' | 'thoughts';

function action(e: KeyboardEvent): Action | null {
  if (e.key === 'Escape' || (e.shiftKey && e.code === 'KeyP')) return 'leave';
  if (e.shiftKey) return null;
  if (e.key === ' ' || e.code === 'Space') return 'step';
  if (e.code === 'KeyP') return 'play';
  if (e.code === 'KeyF') return 'fit';
  if (e.key === 'ArrowLeft') return 'back';
  if (e.key === 'ArrowRight') return 'forward';
  if (e.key === '1') return 'operations';
  if (e.key === '2') return 'split';
  if (e.key === '3') return 'thoughts';
  return null;
}
