import { useEffect, useMemo, useRef } from 'react';
import { useStore as useFlowStore, useStoreApi } from '@xyflow/react';
import { cardBand, type CardColumn } from '../layout/cardHeaders';
import { HEADER_LINE, isWhole, type FarHeader, type HeaderText } from '../layout/farHeaders';
import { FIT_PADDING } from '../useGrsCamera';

/** Kept clear between the toolbar and the band. */
const TOOLBAR_GAP = 4;
const tickTop = (h: FarHeader) => (h.x < h.tick ? h.y + h.height : h.y + 1);

/**
 * The card level's operation headers, in screen px: they pan sideways with their columns and sit just
 * above the graph, or stay at the pane's top once the graph's top scrolls past it (like a spreadsheet's
 * frozen header row). An entry may wrap onto short lines; one cut short says its whole text on hover.
 */
export function CardHeaderBand({ columns, text, scale = 1 }: { columns: readonly CardColumn[]; text: HeaderText; scale?: number }) {
  const flow = useStoreApi();
  const zoom = useFlowStore((s) => s.transform[2]);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  // Placed for the graph's left edge when the zoom changes (a fit sets both): a pan moves the band, it does not place it again.
  // Laid out in band px; drawn `scale` times larger (presenting), so `band` is its height on screen.
  const { headers, band: bandUnits } = useMemo(
    () => cardBand(columns, text, zoom, { width, height }, flow.getState().transform[0], FIT_PADDING, scale),
    [columns, text, zoom, width, height, flow, scale],
  );
  const band = bandUnits * scale;
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
      if (inner.current) inner.current.style.transform = `translate(${tx}px, ${top}px)${scale === 1 ? '' : ` scale(${scale})`}`;
    };
    place(flow.getState().transform);
    return flow.subscribe((s, prev) => {
      if (s.transform !== prev.transform) place(s.transform);
    });
  }, [flow, band, scale]);
  return (
    <div ref={outer} className="grs-band" data-testid="card-band">
      <div ref={inner}>
        {headers.map((h) => (
          <div key={h.column} data-testid="card-header">
            {/* A text that starts left of its tick has the tick meet it from below. */}
            <span className="grs-band-tick" style={{ left: h.tick, top: tickTop(h), height: bandUnits - tickTop(h) }} data-testid="card-header-tick" />
            {h.entries.map((e, i) => (
              <span
                key={e.full}
                className="grs-band-line"
                style={{ left: h.x, top: h.y + h.entries.slice(0, i).reduce((n, p) => n + p.lines.length, 0) * HEADER_LINE }}
                title={isWhole(e) ? undefined : e.full}
                data-testid="card-header-line"
                data-full={e.full}
              >
                {e.lines.join('\n')}
              </span>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
