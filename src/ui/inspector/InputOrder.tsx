import { operationDefinitions } from '../../engine/index';
import { opIndex } from '../document/docIndex';
import { useEditorCommands } from '../canvas/editorCommands';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';

/** The operation's inputs in order, with controls to reorder or disconnect them. */
export function InputOrder({ opId }: { opId: string }) {
  const store = useAppStoreApi();
  const commands = useEditorCommands();
  const inputs = useAppStore((s) => opIndex(s.doc).get(opId)?.inputs.join('\n') ?? '');
  const names = useAppStore((s) => {
    const idx = opIndex(s.doc);
    return (idx.get(opId)?.inputs ?? []).map((i) => {
      const o = idx.get(i);
      return o ? o.label || operationDefinitions[o.type].label : i;
    }).join('\n');
  });
  const list = inputs ? inputs.split('\n') : [];
  const labels = names.split('\n');
  return (
    <div className="input-order" data-testid="input-order">
      <h3 className="section-title">Inputs {list.length > 1 ? <span className="muted small">(order decides ties and aggregation order)</span> : null}</h3>
      {list.length === 0 ? <p className="muted small">None: this operation starts from the run's input.</p> : null}
      <ol>
        {list.map((id, i) => (
          <li key={id} data-testid={`input-${i + 1}`}>
            <span className="order-badge">{i + 1}</span>
            <button type="button" className="link" onClick={() => commands.focusOperation(id)} title={id}>
              {labels[i]} <span className="muted small">{id}</span>
            </button>
            <span className="spacer" />
            <button type="button" className="icon-btn" disabled={i === 0} aria-label={`Move ${id} up`} onClick={() => store.getState().reorderInput(opId, i, i - 1)}>
              ↑
            </button>
            <button type="button" className="icon-btn" disabled={i === list.length - 1} aria-label={`Move ${id} down`} onClick={() => store.getState().reorderInput(opId, i, i + 1)}>
              ↓
            </button>
            <button type="button" className="icon-btn" aria-label={`Disconnect ${id}`} onClick={() => store.getState().disconnect(id, opId)}>
              ✕
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
