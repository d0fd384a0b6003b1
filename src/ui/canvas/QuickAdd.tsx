import { useMemo, useState } from 'react';
import { OPERATION_TYPES, operationDefinitions, type OperationType } from '../../engine/index';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';

/** Operation types matching a search, best first (name prefix, then name or help contains). */
export function searchOperations(query: string): OperationType[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...OPERATION_TYPES];
  const score = (t: OperationType) => {
    const d = operationDefinitions[t];
    const label = d.label.toLowerCase();
    if (label.startsWith(q) || t.toLowerCase().startsWith(q)) return 0;
    if (label.includes(q)) return 1;
    if (d.help.toLowerCase().includes(q)) return 2;
    return 3;
  };
  return OPERATION_TYPES.filter((t) => score(t) < 3).sort((a, b) => score(a) - score(b));
}

/** The searchable quick-add box: Enter adds the highlighted operation, connected when opened from an edge. */
export function QuickAdd() {
  const quick = useAppStore((s) => s.quickAdd);
  if (!quick) return null;
  return <QuickAddBox key={`${quick.screen.x},${quick.screen.y}`} />;
}

function QuickAddBox() {
  const store = useAppStoreApi();
  const quick = useAppStore((s) => s.quickAdd)!;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => searchOperations(query), [query]);
  const close = () => store.getState().openQuickAdd(null);
  const choose = (type: OperationType) => {
    const s = store.getState();
    const id = s.addOperation(type, { x: quick.flow.x, y: quick.flow.y - 40 });
    const r = quick.connectFrom ? s.connect(quick.connectFrom, id) : quick.connectTo ? s.connect(id, quick.connectTo) : { ok: true as const };
    if (!r.ok) s.toast('error', r.reason);
    close();
  };
  const left = Math.min(quick.screen.x, window.innerWidth - 330);
  const top = Math.min(quick.screen.y, window.innerHeight - 360);
  return (
    <div className="quick-add-backdrop" onMouseDown={close}>
      <div className="quick-add" style={{ left, top }} onMouseDown={(e) => e.stopPropagation()} role="dialog" aria-label="Add operation" data-testid="quick-add">
        <input
          autoFocus
          className="quick-add-input"
          placeholder="Add operation…"
          aria-label="Search operations"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter' && results[active]) choose(results[active]);
            else if (e.key === 'Escape') close();
            else return;
            e.preventDefault();
          }}
        />
        <ul className="quick-add-list" role="listbox">
          {results.map((t, i) => {
            const d = operationDefinitions[t];
            return (
              <li key={t} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseEnter={() => setActive(i)} onClick={() => choose(t)} data-testid={`quick-add-${t}`}>
                <span className="op-icon">{d.icon}</span>
                <span className="qa-label">{d.label}</span>
                <span className="qa-help">{d.help}</span>
              </li>
            );
          })}
          {!results.length ? <li className="muted">No operation matches “{query}”.</li> : null}
        </ul>
      </div>
    </div>
  );
}
