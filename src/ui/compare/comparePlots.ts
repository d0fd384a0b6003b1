import * as Plot from '@observablehq/plot';
import type { SampleOutcome, SchemeComparison } from '../../engine/index';
import type { FinalPoint } from './compareRunner';

// Drawn at the box's own width, so 13 px labels stay 13 px on screen (a wider plot scaled down shrank them to ~7 px).
const style = { fontSize: '13px', background: 'transparent' };

// Room under the x axis for a tick of up to three lines ("GoT", "(this graph)", "7/20").
const TICK_ROOM = 56;

/** A scheme's tick: its name, any bracketed note on its own line, then how many of its runs are in ("7/20"). */
export const schemeTick = (scheme: string, runs: number, of: number): string => `${scheme.replace(' (', '\n(')}\n${runs}/${of}`;

/** What the plots draw: every scheme (even before its first result), and how each is labelled ("GoT 7/20" while running). */
export interface PlotFrame {
  schemes: readonly string[];
  tick: (scheme: string) => string;
}

/** Box plots of each scheme's score (the error, for the paper's tasks) over the samples, as in the paper's figures. */
export function errorBoxPlot(outcomes: ReadonlyArray<SampleOutcome & { scheme: string }>, frame: PlotFrame, higherIsBetter: boolean, width = 640): SVGSVGElement | HTMLElement {
  const data = outcomes.filter((o) => o.score !== null);
  return Plot.plot({
    style,
    width,
    marginLeft: 50,
    marginBottom: TICK_ROOM,
    height: 280 + TICK_ROOM,
    x: { domain: [...frame.schemes], label: null, padding: 0.4, tickFormat: frame.tick },
    y: { grid: true, label: higherIsBetter ? 'score (higher is better)' : 'error (lower is better)', zero: true },
    marks: [Plot.boxY(data, { x: 'scheme', y: 'score', fill: '#9ecae1', stroke: '#08519c' }), Plot.ruleY([0])],
  });
}

/** Total dollars each scheme spent over its samples so far. */
export function costBarPlot(rows: readonly SchemeComparison[], frame: PlotFrame, width = 640): SVGSVGElement | HTMLElement {
  const data = rows.filter((r) => r.samples > 0);
  return Plot.plot({
    style,
    width,
    marginLeft: 60,
    marginBottom: TICK_ROOM,
    height: 240 + TICK_ROOM,
    x: { domain: [...frame.schemes], label: null, padding: 0.4, tickFormat: frame.tick },
    y: { grid: true, label: 'total cost ($)', zero: true },
    marks: [
      Plot.barY(data, { x: 'scheme', y: 'cost', fill: '#fdae6b' }),
      Plot.text(data, { x: 'scheme', y: 'cost', text: (r: { cost: number }) => `$${r.cost.toFixed(4)}`, dy: -8 }),
      Plot.ruleY([0]),
    ],
  });
}

/** Volume against latency of every final thought, one colour per scheme (the paper's trade-off); schemes sharing a point are spread a little sideways. */
export function volumeLatencyPlot(finals: readonly FinalPoint[], schemes: readonly string[], width = 640): SVGSVGElement | HTMLElement {
  const mid = (schemes.length - 1) / 2;
  const spread = (d: { scheme: string; latency: number }) => d.latency + (schemes.indexOf(d.scheme) - mid) * 0.06;
  return Plot.plot({
    style,
    width,
    marginLeft: 50,
    height: 280,
    marginBottom: 44,
    x: { label: 'latency (hops)', labelAnchor: 'center', labelOffset: 36, grid: true, zero: true },
    // At least 0–1: a domain of [0, 0] (only IO and CoT in yet) would label its one tick "0.00000".
    y: { label: 'volume (thoughts)', grid: true, domain: [0, Math.max(1, ...finals.map((f) => f.volume))], nice: true },
    color: { domain: [...schemes], legend: true, scheme: 'tableau10' },
    marks: [
      Plot.dot(finals, {
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
