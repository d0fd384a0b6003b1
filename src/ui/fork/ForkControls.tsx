import { useState } from 'react';
import { operationId, type Thought, type ThoughtState } from '../../engine/index';
import { useRunController } from '../run/useRunController';
import { useAppStore } from '../store/StoreProvider';
import { stateJson } from '../thoughts/thoughtText';
import { CompareWithOriginal } from './CompareWithOriginal';
import './fork.css';

/** Forks start from a finished run only: a live one is still changing. */
const useCanFork = (): boolean => useAppStore((s) => s.runUi.phase !== 'running' && s.live.grs.status !== 'running' && s.live.events.length > 0);

/** Parses the edited state: a JSON object, or plain text as the thought's `current`. */
function parseState(text: string, before: ThoughtState): ThoughtState | string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return { ...before, current: text };
  try {
    const value: unknown = JSON.parse(trimmed);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as ThoughtState) : 'The state must be a JSON object.';
  } catch (err) {
    return `Not valid JSON: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** "Edit & re-run from here": a new state for the thought, then a fork that runs only what depends on it. */
export function ThoughtForkControls({ t }: { t: Thought }) {
  const controller = useRunController();
  const canFork = useCanFork();
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const rerun = () => {
    const state = parseState(draft ?? '', t.state);
    if (typeof state === 'string') return setProblem(state);
    setProblem(null);
    setDraft(null);
    void controller.fork({ kind: 'edit-thought', thoughtId: t.id, state });
  };
  return (
    <div className="fork-controls" data-testid="fork-thought">
      {t.carried ? (
        <p className="muted" data-testid="fork-carried">
          {t.carried.edited ? 'Edited by you; ' : ''}kept from run <code>{t.carried.fromRunId}</code> (not requested again).
        </p>
      ) : null}
      <CompareWithOriginal />
      {draft === null ? (
        <button type="button" className="btn" disabled={!canFork} onClick={() => setDraft(stateJson(t.state))} data-testid="fork-edit">
          Edit &amp; re-run from here
        </button>
      ) : (
        <>
          <label className="fork-label" htmlFor={`fork-state-${t.id}`}>
            New state (JSON, or plain text for its text)
          </label>
          <textarea id={`fork-state-${t.id}`} className="fork-state" rows={6} value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="fork-state" />
          {problem ? (
            <p className="detail-error" data-testid="fork-problem">
              {problem}
            </p>
          ) : null}
          <div className="fork-buttons">
            <button type="button" className="btn" disabled={!canFork} onClick={rerun} data-testid="fork-rerun">
              Re-run
            </button>
            <button type="button" className="btn" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
          <p className="muted">Runs only the operations after the one that made it, as a new run; this run stays in History.</p>
        </>
      )}
    </div>
  );
}

/** Whether the graph in the editor is not the one the shown run ran (e.g. a parameter was edited since). */
const useGraphEdited = (): boolean =>
  useAppStore((s) => {
    const ran = s.live.grs.document;
    return ran !== null && JSON.stringify(ran.operations) !== JSON.stringify(s.doc.operations);
  });

/** "Re-run from this operation" (everything upstream kept), and, after graph edits, "Re-run what changed". */
export function OperationForkControls({ opId }: { opId: string }) {
  const controller = useRunController();
  const canFork = useCanFork();
  const edited = useGraphEdited();
  const doc = useAppStore((s) => s.doc);
  return (
    <div className="fork-controls">
      <CompareWithOriginal />
      <button type="button" className="btn" disabled={!canFork} onClick={() => void controller.fork({ kind: 'rerun-from', opId: operationId(opId) })} data-testid="fork-rerun-op">
        Re-run from this operation
      </button>
      {edited ? (
        <button type="button" className="btn" disabled={!canFork} onClick={() => void controller.fork({ kind: 'edit-document', document: doc })} data-testid="fork-rerun-edited">
          Re-run what the graph edits changed
        </button>
      ) : null}
    </div>
  );
}
