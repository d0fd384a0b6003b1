import { useEffect, useMemo, useRef } from 'react';
import { useStore as useFlowStore, useStoreApi } from '@xyflow/react';
import { cardBand, type CardColumn } from '../layout/cardHeaders';
import { HEADER_LINE, type HeaderText } from '../layout/farHeaders';
import { FIT_PADDING } from '../useGrsCamera';

/** Kept clear between the toolbar and the band. */
const TOOLBAR_GAP = 4;

/**
 * The card level's operation headers, in screen px: they pan sideways with their columns and sit just
 * above the graph, or stay at the pane's top once the graph's top scrolls past it (like a spreadsheet's
 * frozen header row). A line cut short says its whole text on hover.
 */
export function CardHeaderBand({ columns, text }: { columns: readonly CardColumn[]; text: HeaderText }) {
  const flow = useStoreApi();
  const zoom = useFlowStore((s) => s.transform[2]);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  // Placed for the graph's left edge when the zoom changes (a fit sets both): a pan moves the band, it does not place it again.
  const { headers, band } = useMemo(
    () => cardBand(columns, text, zoom, { width, height }, flow.getState().transform[0], FIT_PADDING),
    [columns, text, zoom, width, height, flow],
  );
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Never above the toolbar's bottom (the pane's top when there is none).
    const toolbar = outer.current?.parentElement?.querySelector<HTMLElement>('.grs-toolbar');
    const least = toolbar ? toolbar.offsetTop + toolbar.offsetHeight + TOOLBAR_GAP : 0;
    // Its background runs up to the pane's top, so cards scrolled past the band do not show above it.
    const place = ([tx, ty]: readonly [number, number, number]) => {
      const top = Math.max(least, ty - band);
      if (outer.current) outer.current.style.height = `${top + band}px`;
      if (inner.current) inner.current.style.transform = `translate(${tx}px, ${top}px)`;
    };
    place(flow.getState().transform);
    return flow.subscribe((s, prev) => {
      if (s.transform !== prev.transform) place(s.transform);
    });
  }, [flow, band]);
  return (
    <div ref={outer} className="grs-band" data-testid="card-band">
      <div ref={inner}>
        {headers.map((h) => (
          <div key={h.column} data-testid="card-header">
            <span className="grs-band-tick" style={{ left: h.tick, top: h.y + 1, height: band - h.y - 1 }} data-testid="card-header-tick" />
            {h.entries.map((e, i) => (
              <span
                key={e.full}
                className="grs-band-line"
                style={{ left: h.x, top: h.y + i * HEADER_LINE }}
                title={e.text === e.full ? undefined : e.full}
                data-testid="card-header-line"
                data-full={e.full}
              >
                {e.text}
              </span>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
