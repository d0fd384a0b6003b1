import { useMemo } from 'react';
import { availableStateKeys, operationDefinitions, type ThoughtState } from '../../engine/index';
import { opIndex } from '../document/docIndex';
import { diagnosticsOf } from '../diagnostics/diagnosticsOf';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { FieldEditor } from './fields/FieldEditor';
import { InputOrder } from './InputOrder';
import { OperationEstimateView } from './OperationEstimateView';

/** The inspector of one operation: label, inputs in order, and the form generated from its declared fields. */
export function OperationInspector({ opId }: { opId: string }) {
  const store = useAppStoreApi();
  const op = useAppStore((s) => opIndex(s.doc).get(opId));
  const keysText = useAppStore((s) => availableStateKeysSafe(s.doc, opId).join('\n'));
  const input = useAppStore((s) => s.doc.input);
  const keys = useMemo(() => (keysText ? keysText.split('\n') : []), [keysText]);
  const general = useAppStore((s) => (diagnosticsOf(s.doc).byOp.get(opId) ?? []).filter((d) => !d.field || d.field === 'inputs').map((d) => `${d.severity}\u0001${d.message}`).join('\u0002'));
  if (!op) return null;
  const def = operationDefinitions[op.type];
  const basic = def.fields.filter((f) => !f.advanced);
  const advanced = def.fields.filter((f) => f.advanced);
  const state: ThoughtState = input ?? {};
  return (
    <div className="inspector-body" data-testid="operation-inspector">
      <div className="inspector-head">
        <span className="op-icon big">{def.icon}</span>
        <div>
          <div className="inspector-title">{def.label}</div>
          <div className="muted small" data-testid="op-id">{op.id}</div>
        </div>
      </div>
      <p className="inspector-help">{def.help}</p>
      <label className="field-label" htmlFor="op-label">
        Label
      </label>
      <input id="op-label" className="field-input" placeholder={def.label} value={op.label ?? ''} onChange={(e) => store.getState().setLabel(opId, e.target.value)} data-testid="op-label" />
      {general
        ? general.split('\u0002').map((g, i) => {
            const [sev, msg] = g.split('\u0001');
            return (
              <div key={i} className={`field-${sev}`} data-testid="op-diagnostic">
                {msg}
              </div>
            );
          })
        : null}
      <InputOrder opId={opId} />
      <OperationEstimateView opId={opId} />
      <h3 className="section-title">Parameters</h3>
      {basic.length === 0 ? <p className="muted">This operation has no parameters.</p> : null}
      {basic.map((f) => (
        <FieldEditor key={f.key} opId={opId} field={f} keys={keys} state={state} />
      ))}
      {advanced.length ? (
        <details className="advanced">
          <summary>More</summary>
          {advanced.map((f) => (
            <FieldEditor key={f.key} opId={opId} field={f} keys={keys} state={state} />
          ))}
        </details>
      ) : null}
      {keys.length ? (
        <p className="muted small" data-testid="state-keys">
          State keys here: {keys.map((k) => `{{${k}}}`).join(' ')}
        </p>
      ) : null}
    </div>
  );
}

function availableStateKeysSafe(doc: Parameters<typeof availableStateKeys>[0], opId: string): string[] {
  try {
    return availableStateKeys(doc, opId);
  } catch {
    return Object.keys(doc.input ?? {});
  }
}
