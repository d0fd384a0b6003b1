import { describe, expect, it } from 'vitest';
import { exampleFile, galleryFiles } from './galleryFiles';
import { startViewport } from '../canvas/startView';
import { graphBounds } from '../canvas/startView';
import { LEGIBLE_LINE_PX, titleLinePx } from './legibility';
import { wrapDocumentForView, wrapIntoRows } from './wrapLayout';

const example = exampleFile;
const chain = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`op-${i}`, { x: i * 300, y: 0 }]));
const LAPTOP = { width: 676, height: 672 };

describe('wrapped layout', () => {
  it('leaves a layout alone when it already reads whole', () => {
    expect(wrapIntoRows(chain(2), { width: 1400, height: 800 })).toBeNull();
  });

  it('cuts a long chain into rows that keep left-to-right order', () => {
    const pos = wrapIntoRows(chain(12), LAPTOP)!;
    expect(pos).not.toBeNull();
    const rows = [...new Set(Object.values(pos).map((p) => p.y))].sort((a, b) => a - b);
    expect(rows.length).toBeGreaterThan(1);
    for (let i = 1; i < 12; i++) {
      const a = pos[`op-${i - 1}`]!;
      const b = pos[`op-${i}`]!;
      expect(b.y > a.y || (b.y === a.y && b.x > a.x)).toBe(true);
    }
  });

  it('keeps the operations of one column together in the same row', () => {
    const pos = wrapIntoRows({ ...chain(10), twin: { x: 300, y: 130 } }, LAPTOP)!;
    expect(pos.twin!.x).toBe(pos['op-1']!.x);
    expect(pos.twin!.y - pos['op-1']!.y).toBe(130);
  });

  it('opens the GoT sorting-32 example whole on a 1280×720 screen with titles at least 10 px tall', () => {
    const doc = wrapDocumentForView(example('sorting-032-got.got.json'), LAPTOP);
    const vp = startViewport(doc, LAPTOP);
    expect(titleLinePx(vp.zoom)).toBeGreaterThanOrEqual(LEGIBLE_LINE_PX);
    const b = graphBounds(doc);
    expect(b.x * vp.zoom + vp.x).toBeGreaterThanOrEqual(0);
    expect(b.y * vp.zoom + vp.y).toBeGreaterThanOrEqual(0);
    expect((b.x + b.width) * vp.zoom + vp.x).toBeLessThanOrEqual(LAPTOP.width);
    expect((b.y + b.height) * vp.zoom + vp.y).toBeLessThanOrEqual(LAPTOP.height);
  });

  it('shows every gallery example of up to 30 operations whole with titles at least 10 px tall, beside the panels at 1280×720 and at 1024×768', () => {
    for (const view of [LAPTOP, { width: 796, height: 720 }]) {
      for (const file of galleryFiles()) {
        const doc = wrapDocumentForView(example(file), view);
        if (doc.operations.length > 30) continue;
        expect(titleLinePx(startViewport(doc, view).zoom), `${file} in ${view.width}`).toBeGreaterThanOrEqual(LEGIBLE_LINE_PX);
      }
    }
  });

  it('keeps a three-operation chain on one row', () => {
    expect(wrapIntoRows(chain(3), LAPTOP)).toBeNull();
  });

  it('never stacks two operations of a wrapped layout on each other', () => {
    const doc = wrapDocumentForView(example('sorting-128-got.got.json'), LAPTOP);
    const boxes = doc.operations.map((o) => ({ ...o.position!, id: o.id }));
    for (const a of boxes) for (const b of boxes) if (a.id < b.id) expect(Math.abs(a.x - b.x) >= 220 || Math.abs(a.y - b.y) >= 96, `${a.id} ${b.id}`).toBe(true);
  });

  it('shows a graph too big for a short pane from its input with readable titles when asked to', () => {
    const pane = { width: 1200, height: 250 };
    const doc = wrapDocumentForView(example('sorting-128-got.got.json'), pane);
    expect(titleLinePx(startViewport(doc, pane).zoom)).toBeLessThan(LEGIBLE_LINE_PX);
    const vp = startViewport(doc, pane, new Map(), undefined, 'readable');
    expect(titleLinePx(vp.zoom)).toBeGreaterThanOrEqual(LEGIBLE_LINE_PX);
    const b = graphBounds(doc);
    expect(b.x * vp.zoom + vp.x).toBeGreaterThanOrEqual(0);
    expect(b.y * vp.zoom + vp.y).toBeGreaterThanOrEqual(0);
  });

  it('fits a small graph whole and never zooms past 100 %', () => {
    const doc = example('sorting-032-io.got.json');
    const vp = startViewport(doc, { width: 2400, height: 1400 });
    expect(vp.zoom).toBe(1);
  });
});
