import { useEffect, useRef, useState } from 'react';
import { toPng, toSvg } from 'html-to-image';

function download(url: string, name: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
}

/** Shows an Observable Plot chart and offers it as PNG or SVG. */
export function PlotBox({
  title,
  make,
  fileName,
  testId,
}: {
  title: string;
  /** Draws the chart `width` pixels wide. */
  make: (width: number) => SVGSVGElement | HTMLElement;
  fileName: string;
  testId: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let chart: SVGSVGElement | HTMLElement | null = null;
    let drawnWidth = 0;
    const draw = () => {
      const width = Math.max(260, Math.floor(el.clientWidth));
      if (width === drawnWidth) return;
      drawnWidth = width;
      try {
        chart?.remove();
        chart = make(width);
        el.replaceChildren(chart);
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    };
    draw();
    // Redrawn when the box changes width (window resize, view switch).
    const observer = new ResizeObserver(draw);
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart?.remove();
    };
  }, [make]);
  const save = async (kind: 'png' | 'svg') => {
    const el = host.current;
    if (!el) return;
    const bg = getComputedStyle(document.body).backgroundColor || '#fff';
    const url = kind === 'png' ? await toPng(el, { backgroundColor: bg, pixelRatio: 2 }) : await toSvg(el, { backgroundColor: bg });
    download(url, `${fileName}.${kind}`);
  };
  return (
    <figure className="plot-box" data-testid={testId}>
      <figcaption>
        <span>{title}</span>
        <span className="plot-actions">
          <button type="button" className="btn small" onClick={() => void save('png')} data-testid={`${testId}-png`}>
            PNG
          </button>
          <button type="button" className="btn small" onClick={() => void save('svg')} data-testid={`${testId}-svg`}>
            SVG
          </button>
        </span>
      </figcaption>
      {error ? <p className="detail-error">{error}</p> : null}
      <div ref={host} className="plot-host" />
    </figure>
  );
}
