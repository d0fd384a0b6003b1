import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStoreApi } from '@xyflow/react';
import { useAppStore } from '../store/StoreProvider';
import { keySpot, type KeyAvoid } from './layout/keySpot';
import { paneBands } from './useGrsCamera';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * Says on the canvas what a selected thought's highlight means: its volume (ancestors) and its latency
 * (longest path). It sits where it covers no operation header and the fewest thoughts (`avoid` gives
 * their boxes in pane px), placed again when the camera stops: the pane's size from React Flow's store,
 * the key's own size and the furniture's bands measured once a selection (and again when the pane resizes).
 */
export function SelectionKey({ avoid }: { avoid: () => KeyAvoid }) {
  const t = useAppStore((s) => (s.runUi.selection?.kind === 'thought' ? s.live.grs.thoughts[s.runUi.selection.id] : undefined));
  const flow = useStoreApi();
  const el = useRef<HTMLDivElement>(null);
  const sized = useRef<{ key: { width: number; height: number }; bands: { top: number; bottom: number } } | null>(null);
  const [spot, setSpot] = useState<{ x: number; y: number } | null>(null);
  const place = useCallback(() => {
    const { width, height } = flow.getState();
    if (!sized.current || !width || !height) return;
    const next = keySpot({ width, height, ...sized.current.bands }, sized.current.key, avoid());
    setSpot((s) => (s && s.x === next.x && s.y === next.y ? s : next));
  }, [avoid, flow]);
  const measure = useCallback(() => {
    const key = el.current;
    const root = key?.parentElement;
    const pane = root?.querySelector('.react-flow')?.getBoundingClientRect();
    if (!key || !root || !pane) return;
    sized.current = { key: { width: key.offsetWidth, height: key.offsetHeight }, bands: paneBands(root, pane, false) };
  }, []);
  // The key's text (its figures) is the selection's: measured again for each thought.
  useLayoutEffect(() => {
    if (!t) return;
    measure();
    place();
  }, [t, measure, place]);
  useEffect(() => {
    if (!t) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = flow.subscribe((s, prev) => {
      if (s.transform === prev.transform && s.width === prev.width && s.height === prev.height) return;
      const resized = s.width !== prev.width || s.height !== prev.height;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (resized) measure();
        place();
      }, 120);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [t, flow, place, measure]);
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
