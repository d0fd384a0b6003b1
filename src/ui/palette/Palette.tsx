import { useState } from 'react';
import { OPERATION_TYPES, operationDefinitions, type OperationType } from '../../engine/index';
import { PALETTE_MIME } from '../canvas/Canvas';
import { useEditorCommands } from '../canvas/editorCommands';
import { PanelToggle } from '../shell/PanelToggle';

const GROUPS: Array<{ title: string; category: 'llm' | 'annotate' | 'filter' }> = [
  { title: 'Make thoughts', category: 'llm' },
  { title: 'Annotate', category: 'annotate' },
  { title: 'Filter', category: 'filter' },
];

/** The operations to drag onto the canvas (or click to add next to the selected operation), grouped by what they do. */
export function Palette() {
  const commands = useEditorCommands();
  const [filter, setFilter] = useState('');
  const q = filter.trim().toLowerCase();
  const visible = (t: OperationType) => !q || operationDefinitions[t].label.toLowerCase().includes(q) || operationDefinitions[t].help.toLowerCase().includes(q);
  return (
    <nav className="palette" aria-label="Operations" data-testid="palette">
      <div className="palette-head">
        <input className="field-input palette-search" placeholder="Filter operations" aria-label="Filter operations" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <PanelToggle side="left" />
      </div>
      {GROUPS.map((g) => {
        const types = OPERATION_TYPES.filter((t) => operationDefinitions[t].category === g.category && visible(t));
        if (!types.length) return null;
        return (
          <section key={g.category}>
            <h3 className="section-title">{g.title}</h3>
            {types.map((t) => {
              const d = operationDefinitions[t];
              return (
                <button
                  key={t}
                  type="button"
                  className={`palette-item cat-${d.category}`}
                  draggable
                  data-testid={`palette-${t}`}
                  title={`${d.help}\nDrag onto the canvas, or click to add it after the selected operation.`}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(PALETTE_MIME, t);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => commands.addOperation(t)}
                >
                  <span className="op-icon">{d.icon}</span>
                  <span className="palette-label">{d.label}</span>
                </button>
              );
            })}
          </section>
        );
      })}
      <section>
        <h3 className="section-title">Canvas</h3>
        <button type="button" className="palette-item" onClick={() => commands.addComment()} data-testid="palette-comment">
          <span className="op-icon">✎</span>
          <span className="palette-label">Comment</span>
        </button>
      </section>
    </nav>
  );
}
