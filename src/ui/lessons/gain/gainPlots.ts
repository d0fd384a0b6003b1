import * as Plot from '@observablehq/plot';
import { LIST_SCHEMES, LIST_SIZES } from '../../../engine/index';
import type { GainCell, GainReduction } from './gainTable';

const style = { fontSize: '13px', background: 'transparent' };

/** Median error of each scheme at each size, one line per scheme: the gap between them widens with the size. */
export function medianErrorPlot(cells: readonly GainCell[], width: number): SVGSVGElement | HTMLElement {
  const data = cells.filter((c) => c.row.score !== null).map((c) => ({ scheme: c.scheme, size: String(c.size), median: c.row.score!.median, runs: c.row.samples }));
  return Plot.plot({
    style,
    width,
    height: 300,
    marginLeft: 50,
    marginBottom: 44,
    x: { domain: LIST_SIZES.map(String), label: 'list size (elements)', labelAnchor: 'center', labelOffset: 36, padding: 0.3 },
    y: { grid: true, label: 'median error (lower is better)', zero: true },
    color: { domain: [...LIST_SCHEMES], legend: true, scheme: 'tableau10' },
    marks: [
      Plot.ruleY([0]),
      Plot.line(data, { x: 'size', y: 'median', stroke: 'scheme', strokeWidth: 2 }),
      Plot.dot(data, { x: 'size', y: 'median', fill: 'scheme', stroke: 'white', r: 5, title: (d: { scheme: string; size: string; median: number; runs: number }) => `${d.scheme} at ${d.size}: median ${d.median} over ${d.runs} rows` }),
    ],
  });
}

/** GoT's median-error reduction over ToT and ToT2 per size, with the paper's figure as a black tick (and bold figure) where it quotes one. */
export function reductionPlot(reductions: readonly GainReduction[], width: number): SVGSVGElement | HTMLElement {
  const measured = reductions.filter((r) => r.median !== null).map((r) => ({ size: String(r.size), against: `vs ${r.against}`, pct: r.median! * 100 }));
  const paper = reductions.filter((r) => r.paper.figure !== null).map((r) => ({ size: String(r.size), against: `vs ${r.against}`, pct: r.paper.figure! * 100 }));
  return Plot.plot({
    style,
    width,
    height: 300,
    marginLeft: 50,
    marginBottom: 30,
    // Sizes under the bars; the colour legend names the bars, so each facet needs no ticks of its own.
    fx: { domain: LIST_SIZES.map(String), axis: 'bottom', label: null, tickFormat: (s: string) => `${s} elements` },
    x: { domain: ['vs ToT', 'vs ToT2'], axis: null, padding: 0.15 },
    y: { grid: true, label: 'error reduction (%)', domain: [Math.min(0, ...measured.map((m) => m.pct)), 100] },
    color: { domain: ['vs ToT', 'vs ToT2'], range: ['#76b7b2', '#edc948'], legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.barY(measured, { fx: 'size', x: 'against', y: 'pct', fill: 'against' }),
      Plot.text(measured, { fx: 'size', x: 'against', y: 'pct', text: (d: { pct: number }) => `${Math.round(d.pct)}%`, dy: -8 }),
      Plot.tickY(paper, { fx: 'size', x: 'against', y: 'pct', stroke: 'black', strokeWidth: 2 }),
      Plot.text(paper, { fx: 'size', x: 'against', y: 'pct', text: (d: { pct: number }) => `${Math.round(d.pct)}%`, dy: 10, fontWeight: 'bold', stroke: 'white', fill: 'black' }),
    ],
  });
}
