import { useAppStore } from '../store/StoreProvider';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Says on the canvas what a selected thought's highlight means: its volume (ancestors) and its latency (longest path). */
export function SelectionKey() {
  const t = useAppStore((s) => (s.runUi.selection?.kind === 'thought' ? s.live.grs.thoughts[s.runUi.selection.id] : undefined));
  if (!t) return null;
  return (
    <div className="grs-key" data-testid="selection-key" role="note">
      <div className="grs-key-row" data-testid="key-volume">
        <span className="grs-key-swatch is-ancestor" aria-hidden="true" />
        <span>
          <b>volume {t.volume}</b> — the {t.volume} {plural(t.volume, 'thought', 'thoughts')} that could have influenced it (dashed blue
          outline)
        </span>
      </div>
      <div className="grs-key-row" data-testid="key-latency">
        <span className="grs-key-swatch is-path" aria-hidden="true" />
        <span>
          <b>latency {t.latency}</b> — the longest chain of model calls from the input ({t.latency} {plural(t.latency, 'call', 'calls')}, orange
          outline and edges)
        </span>
      </div>
    </div>
  );
}
