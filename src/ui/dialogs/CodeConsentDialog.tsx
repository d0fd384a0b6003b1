import { useSyncExternalStore } from 'react';
import { CODE_DECLINED, pendingConsent, subscribeConsent } from '../scripts/codeConsentGate';
import { useAppStoreApi } from '../store/StoreProvider';
import { Modal } from './Modal';

const codeStyle = {
  margin: '4px 0 12px',
  padding: '8px 10px',
  maxHeight: 220,
  overflow: 'auto',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  background: 'var(--panel-2)',
  border: '1px solid var(--border)',
  borderRadius: 6,
} as const;
// The list scrolls by itself so the answers stay on screen at any zoom.
const listStyle = { maxHeight: 'max(120px, calc(100vh - 330px))', overflowY: 'auto' } as const;

/** Before the first run of a graph from outside that carries JavaScript: shows every function and asks. */
export function CodeConsentDialog() {
  const store = useAppStoreApi();
  const pending = useSyncExternalStore(subscribeConsent, pendingConsent);
  if (!pending) return null;
  const { request } = pending;
  const answer = (run: boolean) => {
    pending.answer(run);
    if (!run) store.getState().toast('info', `${CODE_DECLINED.title}. ${CODE_DECLINED.hint}`);
  };
  const n = request.code.length;
  const intro =
    `This graph came from a ${request.via}, not from your own editing, and contains ${n} JavaScript function${n === 1 ? '' : 's'}. ` +
    `${n === 1 ? 'It runs' : 'They run'} sandboxed — no network, no storage, no access to this page or your keys, with time and memory limits — ` +
    'but can still decide scores and verdicts, so read the code first. Your answer is remembered for this document only.';
  return (
    <Modal title="Run this graph’s JavaScript?" onClose={() => answer(false)} testId="code-consent-dialog" wide>
      <p data-testid="code-consent-intro">{intro}</p>
      <div style={listStyle} data-testid="code-consent-list">
        {request.code.map((c, i) => (
          <div key={`${c.opId}:${c.field}:${i}`} data-testid="code-consent-item">
            <div>
              <strong data-testid="code-consent-label">{c.label}</strong> · <code data-testid="code-consent-field">{c.field}</code>
            </div>
            <pre className="mono" style={codeStyle} data-testid="code-consent-source">
              {c.code}
            </pre>
          </div>
        ))}
      </div>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={() => answer(false)} data-testid="code-consent-decline">
          Don’t run
        </button>
        <button type="button" className="btn primary" onClick={() => answer(true)} data-testid="code-consent-accept">
          Run this code
        </button>
      </div>
    </Modal>
  );
}
