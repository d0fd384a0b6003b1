import * as Plot from '@observablehq/plot';
import type { CompareResult } from './compareRunner';

// Drawn at the box's own width, so 13 px labels stay 13 px on screen (a wider plot scaled down shrank them to ~7 px).
const style = { fontSize: '13px', background: 'transparent' };

/** Box plots of each scheme's score (the error, for the paper's tasks) over the samples, as in the paper's figures. */
export function errorBoxPlot(result: CompareResult, schemes: readonly string[], higherIsBetter: boolean, width = 640): SVGSVGElement | HTMLElement {
  const data = result.outcomes.filter((o) => o.score !== null);
  return Plot.plot({
    style,
    width,
    marginLeft: 50,
    height: 280,
    x: { domain: [...schemes], label: null, padding: 0.4 },
    y: { grid: true, label: higherIsBetter ? 'score (higher is better)' : 'error (lower is better)', zero: true },
    marks: [Plot.boxY(data, { x: 'scheme', y: 'score', fill: '#9ecae1', stroke: '#08519c' }), Plot.ruleY([0])],
  });
}

/** Total dollars each scheme spent over all samples. */
export function costBarPlot(result: CompareResult, schemes: readonly string[], width = 640): SVGSVGElement | HTMLElement {
  return Plot.plot({
    style,
    width,
    marginLeft: 60,
    height: 240,
    x: { domain: [...schemes], label: null, padding: 0.4 },
    y: { grid: true, label: 'total cost ($)', zero: true },
    marks: [
      Plot.barY(result.rows, { x: 'scheme', y: 'cost', fill: '#fdae6b' }),
      Plot.text(result.rows, { x: 'scheme', y: 'cost', text: (r: { cost: number }) => `$${r.cost.toFixed(4)}`, dy: -8 }),
      Plot.ruleY([0]),
    ],
  });
}

/** Volume against latency of every final thought, one colour per scheme (the paper's trade-off); schemes sharing a point are spread a little sideways. */
export function volumeLatencyPlot(result: CompareResult, schemes: readonly string[], width = 640): SVGSVGElement | HTMLElement {
  const mid = (schemes.length - 1) / 2;
  const spread = (d: { scheme: string; latency: number }) => d.latency + (schemes.indexOf(d.scheme) - mid) * 0.06;
  return Plot.plot({
    style,
    width,
    marginLeft: 50,
    height: 280,
    marginBottom: 44,
    x: { label: 'latency (hops)', labelAnchor: 'center', labelOffset: 36, grid: true, zero: true },
    y: { label: 'volume (thoughts)', grid: true, zero: true },
    color: { domain: [...schemes], legend: true, scheme: 'tableau10' },
    marks: [
      Plot.dot(result.finals, {
        x: spread,
        y: 'volume',
        fill: 'scheme',
        stroke: 'white',
        r: 6,
        title: (d: { scheme: string; latency: number; volume: number }) => `${d.scheme}: latency ${d.latency}, volume ${d.volume}`,
      }),
    ],
  });
}
