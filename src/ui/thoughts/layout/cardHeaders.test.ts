import { describe, expect, it } from 'vitest';
import { wholeGraphViewport } from '../useGrsCamera';
import { cardBand, cardColumns, HEAD_TYPE, headLinesFit, titlesFit } from './cardHeaders';
import { HEADER_LINE, isWhole, type HeaderText } from './farHeaders';
import { LANE_HEADER, laneLayout, type LaneItem } from './laneLayout';

const item = (id: string, opId: string | null, parents: string[]): LaneItem => ({ id, opId, parents, pruned: false });
// input → split → solve-1..4 → merge-1, merge-2 (alike, one column) → refine → score.
const items: LaneItem[] = [
  item('in', null, []),
  item('p', 'split', ['in']),
  ...[1, 2, 3, 4].map((n) => item(`s${n}`, `solve-${n}`, ['p'])),
  item('m1', 'merge-1', ['s1', 's2']),
  item('m2', 'merge-2', ['s3', 's4']),
  item('r', 'refine', ['m1', 'm2']),
  item('k', 'keep', ['r']),
];
const order = ['split', 'solve-1', 'solve-2', 'solve-3', 'solve-4', 'merge-1', 'merge-2', 'refine', 'keep'];
const names: Record<string, { label: string; type: string }> = {
  split: { label: 'Split the input into 4 lists', type: 'Generate' },
  'merge-1': { label: 'Merge pair 1 (level 1, 10 tries)', type: 'Aggregate' },
  'merge-2': { label: 'Merge pair 2 (level 1, 10 tries)', type: 'Aggregate' },
  refine: { label: 'Refine the merged list', type: 'Generate' },
  keep: { label: 'Keep the best', type: 'Keep Best N' },
};
const text: HeaderText = { name: (op) => names[op] ?? { label: op === '__input' ? 'Input' : `Solve List ${op.slice(-1)} (5 tries)`, type: op === '__input' ? '' : 'Generate' }, measure: (s) => s.length * 6 };
const layout = laneLayout(items, order, new Set());

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the card level’s header band', () => {
  it('names every lane once, in its column’s header, and tags the lanes of a column whose labels differ by their part', () => {
    const { columns, tags } = cardColumns(layout.lanes, text);
    const named = columns.flatMap((c) => c.entries.flatMap((e) => e.ops));
    expect(named.sort()).toEqual(layout.lanes.map((l) => l.opId).sort());
    expect(columns.find((c) => c.lanes.some((l) => l.id === 'solve-1'))!.entries.map((e) => e.full)).toEqual(['Solve List 1–4 (5 tries) · Generate']);
    expect(['solve-1', 'solve-2', 'solve-3', 'solve-4', 'merge-1', 'merge-2'].map((l) => tags.get(l))).toEqual(['1', '2', '3', '4', '1', '2']);
    expect(tags.has('refine')).toBe(false);
  });

  it('places the headers at the columns’ screen x at any zoom, none over another or over another column’s tick, within the pane', () => {
    const { columns } = cardColumns(layout.lanes, text);
    const pane = { width: 700, height: 400 };
    for (const zoom of [0.25, 0.3, 0.4, 0.5, 0.6, 0.8]) {
      const { headers, band } = cardBand(columns, text, zoom, pane, 8, 8);
      expect(headers.map((h) => h.tick)).toEqual(columns.map((c) => c.x * zoom));
      const lines = headers.flatMap((h) =>
        h.entries.flatMap((e) => e.lines.map((l) => ({ l, e }))).map(({ l, e }, i) => ({ column: h.column, tick: h.tick, x: h.x, y: h.y + i * HEADER_LINE, width: text.measure(l), height: HEADER_LINE, text: l, whole: isWhole(e), full: e.full })),
      );
      for (const l of lines) {
        expect(l.y, `${l.text} in the band`).toBeGreaterThanOrEqual(0);
        expect(l.y + l.height, `${l.text} in the band`).toBeLessThanOrEqual(band);
        // A column that starts in the pane has its header end inside it, however far the graph runs past; those beyond run on with their columns.
        if (8 + l.tick < pane.width - 8) expect(8 + l.x + l.width, `${l.text} inside the pane at zoom ${zoom}`).toBeLessThanOrEqual(pane.width - 8);
        expect(l.whole || l.text.endsWith('…') || l.text.includes('… · '), l.text).toBe(true);
      }
      for (let i = 0; i < lines.length; i += 1) for (let j = i + 1; j < lines.length; j += 1) expect(overlaps(lines[i]!, lines[j]!), `${lines[i]!.text} / ${lines[j]!.text} at ${zoom}`).toBe(false);
      for (const h of headers) for (const o of headers) if (o !== h && o.x < h.tick && o.x + o.width > h.tick) expect(o.y + o.height, `${o.column} over ${h.column}'s tick`).toBeLessThanOrEqual(h.y);
    }
  });

  it('is needed where a lane’s head would cut its title or its type would be under 10 px, not at full size', () => {
    const ops = layout.lanes.map((l) => l.opId);
    expect(titlesFit(ops, text, 1)).toBe(true);
    expect(titlesFit(ops, text, 0.6)).toBe(false);
    expect(titlesFit(['keep'], text, 0.6)).toBe(true);
  });

  it('while presenting, shows lane heads only where their 1.5× type (15.75 px on screen) fits the head, else names the columns in the band', () => {
    const ops = layout.lanes.map((l) => l.opId);
    // The editor's heads fit at 1; presenting's label (19.5 px at least) and type (15.75 px on screen) overflow a 40-px head below 1.
    expect(titlesFit(['keep'], text, 1, HEAD_TYPE.editor)).toBe(true);
    expect(titlesFit(['keep'], text, 0.9, HEAD_TYPE.presenting)).toBe(false);
    expect(titlesFit(['keep'], text, 1.1, HEAD_TYPE.presenting)).toBe(true);
    expect(titlesFit(ops, text, 0.9, HEAD_TYPE.presenting)).toBe(false);
    for (const sizes of [HEAD_TYPE.editor, HEAD_TYPE.presenting]) {
      for (let zoom = 0.3; zoom <= 1.6; zoom += 0.05) {
        const flow = (t: { min: number; screen: number; max: number }) => Math.min(Math.max(t.min, t.screen / zoom), t.max);
        const fits = headLinesFit(zoom, sizes);
        // Both lines inside the head and the type at least its screen size, or the head shows its label alone.
        expect(fits, `at ${zoom.toFixed(2)}`).toBe((flow(sizes.label) + flow(sizes.type)) * 1.15 <= LANE_HEADER + 0.5 && flow(sizes.type) * zoom >= sizes.type.screen - 0.01);
        if (titlesFit(['keep'], text, zoom, sizes)) expect(Math.min(flow(sizes.label), flow(sizes.type)) * zoom).toBeGreaterThanOrEqual(sizes.type.screen - 0.01);
      }
    }
    // The editor's heads keep their two lines from the zoom where cards turn compact (0.6), as before.
    expect(headLinesFit(0.6)).toBe(true);
    expect(headLinesFit(0.55)).toBe(false);
  });

  it('is laid out in band px at a scale (presenting’s 1.5×): the same placement as a pane that much smaller, drawn that much larger', () => {
    const { columns } = cardColumns(layout.lanes, text);
    const pane = { width: 900, height: 480 };
    for (const zoom of [0.3, 0.45, 0.6]) {
      const scaled = cardBand(columns, text, zoom, pane, 12, 8, 1.5);
      const small = cardBand(columns, text, zoom / 1.5, { width: pane.width / 1.5, height: pane.height / 1.5 }, 12 / 1.5, 8 / 1.5);
      expect(scaled).toEqual(small);
      // Its ticks stand at the columns' screen x once scaled.
      expect(scaled.headers.map((h) => h.tick * 1.5)).toEqual(columns.map((c) => expect.closeTo(c.x * zoom, 6)));
    }
  });

  it('takes its room above the cards in a whole-graph fit, at the zoom the fit picks', () => {
    const { columns } = cardColumns(layout.lanes, text);
    // Short for its width: the fit's zoom is set by the height, where the band's room shows.
    const pane = { width: 760, height: 400, top: 40, bottom: 50 };
    const bandAt = (zoom: number, left: number) => cardBand(columns, text, zoom, pane, left, 8).band;
    const fit = wholeGraphViewport(layout, { ...pane, band: bandAt })!;
    const band = bandAt(fit.zoom, fit.x);
    expect(band).toBeGreaterThan(0);
    expect(fit.y).toBeGreaterThanOrEqual(pane.top + band);
    expect(fit.y + layout.height * fit.zoom).toBeLessThanOrEqual(pane.height - pane.bottom + 1e-6);
    expect(fit.zoom).toBeLessThan(wholeGraphViewport(layout, pane)!.zoom);
  });
});
