import { useMemo } from 'react';
import { operationDefinitions } from '../../engine/index';
import { useEditorCommands } from '../canvas/editorCommands';
import { opIndex } from '../document/docIndex';
import { diagnosticsOf } from '../diagnostics/diagnosticsOf';
import { useAppStore } from '../store/StoreProvider';

const LIMIT = 30;

/** Every operation's diagnostics as one checklist; a click selects the operation and shows it. */
export function ProblemList() {
  const commands = useEditorCommands();
  // Derived from the document alone: run events do not recompute it.
  const doc = useAppStore((s) => s.doc);
  const rows = useMemo(() => {
    const ops = opIndex(doc);
    return [...diagnosticsOf(doc).byOp.entries()]
      .flatMap(([id, list]) =>
        list.map((d) => {
          const op = ops.get(id);
          return [id, op ? op.label || operationDefinitions[op.type].label : id, d.severity, d.message].join('\u0001');
        }),
      )
      .join('\u0002');
  }, [doc]);
  if (!rows) return null;
  const list = rows.split('\u0002').map((r) => r.split('\u0001') as [string, string, string, string]);
  return (
    <ul className="problem-checklist" data-testid="problem-list">
      {list.slice(0, LIMIT).map(([id, name, severity, message], i) => (
        <li key={i} className={`problem-${severity}`}>
          <button type="button" className="link" onClick={() => commands.focusOperation(id)} title={message}>
            <strong>{name}</strong> <span>{message}</span>
          </button>
        </li>
      ))}
      {list.length > LIMIT ? <li className="muted">…and {list.length - LIMIT} more</li> : null}
    </ul>
  );
}
