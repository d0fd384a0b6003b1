import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocumentFile, type GotDocument } from '../../engine/index';
import { startViewport } from '../canvas/startView';
import { READABLE_ZOOM, wrapDocumentForView, wrapIntoRows } from './wrapLayout';

const example = (file: string): GotDocument => {
  const r = parseDocumentFile(readFileSync(`public/examples/${file}`, 'utf8'));
  if (!r.ok) throw new Error(file);
  return r.document;
};
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

  it('opens the GoT sorting-32 example readable on a 1280×720 screen, starting at its input', () => {
    const doc = wrapDocumentForView(example('sorting-032-got.got.json'), LAPTOP);
    const vp = startViewport(doc, LAPTOP);
    expect(vp.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const inputLeft = Math.min(...doc.operations.map((o) => o.position!.x)) - 200;
    expect(inputLeft * vp.zoom + vp.x).toBeGreaterThanOrEqual(0);
    expect(inputLeft * vp.zoom + vp.x).toBeLessThan(60);
  });

  it('shows every gallery example at a readable zoom or larger', () => {
    const index = JSON.parse(readFileSync('public/examples/index.json', 'utf8')) as Array<{ file: string }>;
    for (const view of [LAPTOP, { width: 830, height: 852 }]) {
      for (const e of index) expect(startViewport(wrapDocumentForView(example(e.file), view), view).zoom, e.file).toBeGreaterThanOrEqual(READABLE_ZOOM);
    }
  });

  it('fits a small graph whole and never zooms past 100 %', () => {
    const doc = example('sorting-032-io.got.json');
    const vp = startViewport(doc, { width: 2400, height: 1400 });
    expect(vp.zoom).toBe(1);
  });
});
