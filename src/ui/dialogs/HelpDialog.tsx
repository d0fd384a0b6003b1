import { SHORTCUTS } from '../canvas/shortcuts';
import { useAppStoreApi } from '../store/StoreProvider';
import { Modal } from './Modal';

// The timeline's own keys (Timeline.tsx listens for them while a run is on screen).
const TIMELINE_KEYS: ReadonlyArray<readonly [string, string]> = [
  [', / .', 'Back or forward one event'],
  ['< / >', 'Back or forward one operation'],
];

/** Every keyboard shortcut, grouped. */
export function HelpDialog() {
  const store = useAppStoreApi();
  const groups = [...new Set(SHORTCUTS.map((s) => s.group))];
  return (
    <Modal title="Keyboard shortcuts" onClose={() => store.getState().closeDialog()} testId="help-dialog">
      <div className="help-grid">
        {groups.map((g) => (
          <section key={g}>
            <h3 className="section-title">{g}</h3>
            <table>
              <tbody>
                {SHORTCUTS.filter((s) => s.group === g).map((s) => (
                  <tr key={s.id}>
                    <td>
                      <kbd>{s.keys}</kbd>
                    </td>
                    <td>{s.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <section>
          <h3 className="section-title">Timeline (after a run)</h3>
          <table>
            <tbody>
              {TIMELINE_KEYS.map(([keys, label]) => (
                <tr key={keys}>
                  <td>
                    <kbd>{keys}</kbd>
                  </td>
                  <td>{label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <p className="muted small">Connect operations by dragging from an output handle (right) to an input handle (left). Shift-drag selects an area; Ctrl-click adds to the selection; drag an edge’s end to reconnect it; right-click for a menu. Drag the empty canvas (or hold Space) to pan, scroll to zoom; undo, redo and the zoom buttons sit at the canvas’ bottom left.</p>
    </Modal>
  );
}
