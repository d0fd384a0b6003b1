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
  make: () => SVGSVGElement | HTMLElement;
  fileName: string;
  testId: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    try {
      const chart = make();
      el.replaceChildren(chart);
      setError(null);
      return () => chart.remove();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
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
