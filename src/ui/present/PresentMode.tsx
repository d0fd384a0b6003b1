import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { OperationId } from '../../engine/index';
import { useAppStore, useAppStoreApi, useAppStoreShallow } from '../store/StoreProvider';
import { captionFor } from './presentCaption';
import { showPresentedOperations } from './presentCamera';
import { presentFocus } from './presentSteps';
import { usePresentKeys } from './usePresentKeys';
import './present.css';

const STATE_WORD = { running: 'Running', done: 'Done', next: 'Next' } as const;
// The layout changes when presenting starts or ends: the canvases take their new size first.
const SETTLE_MS = 80;

/** Presentation mode over the canvas: the caption line, the key hint, and the keyboard. */
export function PresentMode() {
  const api = useAppStoreApi();
  const flow = useReactFlow();
  usePresentKeys(api, flow);
  useEnterAndLeave();
  const focus = useAppStore(
    (s) => presentFocus(s.live.events, s.timelineIndex === null ? s.runUi.heldOp : null, s.timelineIndex !== null).current?.opId ?? null,
  );
  useFollow(focus);
  const caption = useAppStoreShallow((s) =>
    captionFor(s.doc, s.live, s.timelineIndex === null ? s.runUi.heldOp : null, s.timelineIndex !== null),
  );
  return (
    <footer className="present-caption" data-testid="present-caption" aria-live="polite">
      {caption ? (
        <>
          <p className="present-sentence">
            <span className={`present-state state-${caption.state}`} data-testid="present-state">
              {STATE_WORD[caption.state]}
            </span>
            <strong data-testid="present-op">{caption.label}</strong> <span data-testid="present-what">{caption.sentence}</span>
          </p>
          <div className="present-bar">
            <p className="present-status" data-testid="present-status">
              {caption.status}
            </p>
            <PresentHint />
          </div>
        </>
      ) : (
        <div className="present-bar">
          <p className="present-sentence">Add operations to the graph to present it.</p>
          <PresentHint />
        </div>
      )}
    </footer>
  );
}

/** The keys, small and out of the way, beside the run's position. */
function PresentHint() {
  const api = useAppStoreApi();
  return (
    <div className="present-hint" data-testid="present-hint" aria-label="Presentation keys">
      <span>
        <kbd>Space</kbd> step
      </span>
      <span>
        <kbd>P</kbd> play/pause
      </span>
      <span>
        <kbd>←</kbd>
        <kbd>→</kbd> operations
      </span>
      <span className="present-hint-extra">
        <kbd>F</kbd> fit
      </span>
      <span className="present-hint-extra">
        <kbd>1</kbd>
        <kbd>2</kbd>
        <kbd>3</kbd> view
      </span>
      <button
        type="button"
        className="present-exit"
        onClick={() => api.getState().setPresenting(false)}
        data-testid="present-exit"
        title="Leave presentation (Esc)"
      >
        <kbd>Esc</kbd> leave
      </button>
    </div>
  );
}

/** Entering fits the canvas to the screen; leaving gives back the view, the selection, the timeline's position and the editor's viewport as they were. */
function useEnterAndLeave() {
  const api = useAppStoreApi();
  const flow = useReactFlow();
  useEffect(() => {
    const viewport = flow.getViewport();
    const { selection, view } = api.getState().runUi;
    const { timelineIndex, live } = api.getState();
    (document.activeElement as HTMLElement | null)?.blur?.();
    // Compare is a chart, not a run to step through: present the run beside its graph instead.
    if (view === 'compare') api.getState().patchRunUi({ view: 'split' });
    const id = setTimeout(() => showPresentedOperations(flow, null), SETTLE_MS);
    return () => {
      clearTimeout(id);
      const s = api.getState();
      s.selectInRun(selection);
      s.patchRunUi({ view });
      // The timeline goes back to where it stood, unless another run took the views meanwhile.
      if (s.live.events === live.events) s.setTimelineIndex(timelineIndex);
      setTimeout(() => void flow.setViewport(viewport), SETTLE_MS);
    };
  }, [api, flow]);
}

/** The operation in focus lights up with the thoughts it made (the thoughts canvas frames them), and the Operations canvas keeps it in view. */
function useFollow(focus: OperationId | null) {
  const api = useAppStoreApi();
  const flow = useReactFlow();
  const first = useRef(true);
  useEffect(() => {
    const s = api.getState();
    s.selectInRun(focus ? { kind: 'operation', id: focus } : null);
    if (first.current) {
      first.current = false;
      return;
    }
    if (s.runUi.view !== 'thoughts') showPresentedOperations(flow, focus, 250);
  }, [api, flow, focus]);
}
