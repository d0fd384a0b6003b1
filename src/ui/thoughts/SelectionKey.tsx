import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStoreApi } from '@xyflow/react';
import { useAppStore } from '../store/StoreProvider';
import { keySpot, type Box } from './layout/keySpot';
import { paneBands } from './useGrsCamera';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * Says on the canvas what a selected thought's highlight means: its volume (ancestors) and its latency
 * (longest path). It sits in the corner where it covers no operation header (`avoid` gives their boxes and
 * those of the thoughts it describes, in pane px), placed again when the camera stops.
 */
export function SelectionKey({ avoid }: { avoid: () => { headers: Box[]; described: Box[] } }) {
  const t = useAppStore((s) => (s.runUi.selection?.kind === 'thought' ? s.live.grs.thoughts[s.runUi.selection.id] : undefined));
  const flow = useStoreApi();
  const el = useRef<HTMLDivElement>(null);
  const [spot, setSpot] = useState<{ x: number; y: number } | null>(null);
  const place = useCallback(() => {
    const key = el.current;
    const pane = key?.parentElement?.querySelector('.react-flow')?.getBoundingClientRect();
    if (!key || !pane) return;
    const { headers, described } = avoid();
    const next = keySpot({ width: pane.width, height: pane.height, ...paneBands(key.parentElement as Element, pane, false) }, { width: key.offsetWidth, height: key.offsetHeight }, headers, described);
    setSpot((s) => (s && s.x === next.x && s.y === next.y ? s : next));
  }, [avoid]);
  useLayoutEffect(() => {
    if (t) place();
  }, [t, place]);
  useEffect(() => {
    if (!t) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = flow.subscribe((s, prev) => {
      if (s.transform === prev.transform && s.width === prev.width && s.height === prev.height) return;
      clearTimeout(timer);
      timer = setTimeout(place, 120);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [t, flow, place]);
  if (!t) return null;
  return (
    <div ref={el} className="grs-key" data-testid="selection-key" role="note" style={spot ? { left: spot.x, top: spot.y, right: 'auto' } : undefined}>
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
