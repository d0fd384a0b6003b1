import { beforeAll, describe, expect, it } from 'vitest';
import { exampleFile, galleryFiles } from '../document/galleryFiles';
import { createAppStore } from '../store/createAppStore';
import { LEGIBLE_LINE_PX, titleLinePx } from '../document/legibility';
import { wrapDocumentForView } from '../document/wrapLayout';
import { drawnGraph, foldsOnOpen, loadFolding } from './drawnGraph';
import { graphBounds, startViewport } from './startView';

const example = exampleFile;
const gallery = galleryFiles();
/** The canvas beside the panels at 1280×720, and with the panels collapsed at 150 % zoom (853×480 CSS px). */
const VIEWS = [
  { width: 676, height: 672 },
  { width: 789, height: 432 },
];

describe('opening a graph on the Operations canvas', () => {
  beforeAll(async () => {
    await loadFolding();
  });

  it('shows every gallery example whole with titles at least 10 px tall at 1280×720 and at 150 % zoom, folding only those that need it', () => {
    for (const view of VIEWS) {
      for (const file of gallery) {
        const doc = wrapDocumentForView(example(file), view);
        const folds = foldsOnOpen(doc, view);
        const drawn = drawnGraph(doc, { kind: 'chosen', collapsed: folds, view, moved: {}, offered: true }).doc;
        const vp = startViewport(drawn, view);
        expect(titleLinePx(vp.zoom), `${file} in ${view.width}×${view.height}`).toBeGreaterThanOrEqual(LEGIBLE_LINE_PX);
        const b = graphBounds(drawn);
        expect(b.x * vp.zoom + vp.x).toBeGreaterThanOrEqual(0);
        expect(b.y * vp.zoom + vp.y).toBeGreaterThanOrEqual(0);
        expect((b.x + b.width) * vp.zoom + vp.x).toBeLessThanOrEqual(view.width);
        expect((b.y + b.height) * vp.zoom + vp.y).toBeLessThanOrEqual(view.height);
        if (titleLinePx(startViewport(doc, view).zoom) >= LEGIBLE_LINE_PX) expect(folds, file).toEqual([]);
      }
    }
  });

  it('keeps folding out of the document, its undo history and its saved form', () => {
    const doc = example('sorting-128-got.got.json');
    const store = createAppStore({ document: doc });
    const s = store.getState;
    s().setFolds(foldsOnOpen(doc, VIEWS[1]!), VIEWS[1]!);
    s().moveFolded({ 'select-1': { x: 900, y: 0 } });
    expect(s().doc).toBe(doc);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(drawnGraph(s().doc, s().folds).doc.operations).toHaveLength(24);
  });

  it('decides the folds afresh for every document loaded', () => {
    const store = createAppStore({ document: example('sorting-128-got.got.json') });
    store.getState().setFolds(['x'], VIEWS[0]!);
    store.getState().loadDocument(example('sorting-032-got.got.json'));
    expect(store.getState().folds).toEqual({ kind: 'auto' });
  });
});
