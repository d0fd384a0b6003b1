import { describe, expect, it } from 'vitest';
import { builtinFunctions, mergeFunctionRegistries, runGraph, simulatorModel, taskFunctions, type GotDocument } from '../../engine/index';
import { selectOpOrder } from '../run/runSelectors';
import { laneLayout, type LaneItem } from './layout/laneLayout';
import { FAR_SCALE, foldToFit, OVERVIEW_ZOOM } from './layout/pillLayout';
import { INPUT_LANE } from './layout/laneLayout';
import { opLabelOf, opTypeOf } from './opLabels';
import { isWhole, type HeaderText } from './layout/farHeaders';
import { cardBand, cardColumns, titlesFit } from './layout/cardHeaders';
import { COMPACT_ZOOM } from './cards/ThoughtCard';
import { FIT_MIN_ZOOM, fitRoom, wholeGraphViewport, type FitPane } from './useGrsCamera';

const files = import.meta.glob<string>('../../../public/examples/*.json', { query: '?raw', import: 'default', eager: true });
const manifest = JSON.parse(files['../../../public/examples/index.json'] as string) as Array<{ id: string; file: string }>;
const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());

/**
 * The Thoughts pane as measured in Chromium with the right panel open (its default): its size, and the
 * bands the toolbar (top) and the legend, zoom buttons and run timeline (bottom) cover, 6 px kept clear.
 */
const PANES: Record<string, FitPane> = {
  'Thoughts 1280×720': { width: 940, height: 628, top: 43, bottom: 84 },
  'Split 1280×720': { width: 980, height: 388, top: 43, bottom: 84 },
  'Thoughts 1024×768': { width: 684, height: 676, top: 43, bottom: 86 },
  'Split 1024×768': { width: 724, height: 416, top: 43, bottom: 86 },
  'Thoughts 853×480 (150%)': { width: 513, height: 388, top: 43, bottom: 100 },
  'Split 853×480 (150%)': { width: 553, height: 249, top: 43, bottom: 100 },
};

/** The GoT runs with the most operations: at a fit every header names its operations in full (wrapped where narrow), in every pane but Split at 150%. */
const NAMED_IN_FULL = new Set(['sorting-128-got', 'keyword-counting-got8', 'set-intersection-128-got', 'doc-merge-got']);

describe('every gallery example after a run', () => {
  it.each(manifest.map((m) => [m.id, m.file] as const))('%s fits whole and legible in every pane', async (id, file) => {
    const doc = JSON.parse(files[`../../../public/examples/${file}`] as string) as GotDocument;
    const { grs } = await runGraph(doc, { model: simulatorModel({ latency: { baseMs: 0, perTokenMs: 0 } }), functions, concurrency: Infinity });
    const items: LaneItem[] = grs.thoughtOrder.map((id) => {
      const t = grs.thoughts[id]!;
      return { id, opId: t.opId, parents: t.parents, pruned: Boolean(t.pruned) };
    });
    const cards = laneLayout(items, selectOpOrder(grs), new Set());
    // Widths as a 10 px sans-serif draws them, a little wide: Chromium's system-ui here is DejaVu Sans.
    const text: HeaderText = { name: (op) => (op === INPUT_LANE ? { label: 'Input', type: '' } : { label: opLabelOf(doc, op), type: opTypeOf(doc, op) }), measure: (s) => s.length * 6.5 };
    const { columns } = cardColumns(cards.lanes, text);
    const ops = cards.lanes.map((l) => l.opId);
    for (const [name, size] of Object.entries(PANES)) {
      // As the Thoughts view does (not Split): a header band above the cards where their lanes' heads would cut a title.
      const bandAt = (zoom: number, left: number) =>
        name.startsWith('Split') || (zoom >= COMPACT_ZOOM && titlesFit(ops, text, zoom)) ? 0 : cardBand(columns, text, zoom, size, left, 8).band;
      const pane = { ...size, band: bandAt };
      // As the camera does: cards if they fit, else the far level, its header band included, with its tallest columns folded as far as needed.
      const pills = foldToFit(items, selectOpOrder(grs), new Set(), fitRoom(pane), text).layout;
      expect(pills.headers.length, name).toBeGreaterThan(0);
      const fit = wholeGraphViewport(cards, pane, pills);
      expect(fit, name).not.toBeNull();
      const { zoom, x, y } = fit!;
      expect(zoom, name).toBeGreaterThanOrEqual(FIT_MIN_ZOOM);
      // Cards at the compact cards' zoom or more, else the far level at a scale whose figures are ≥ 10 px.
      const [w, h] = zoom >= OVERVIEW_ZOOM ? [cards.width * zoom, cards.height * zoom] : [pills.width * FAR_SCALE * zoom, pills.height * FAR_SCALE * zoom];
      expect(x, name).toBeGreaterThanOrEqual(0);
      expect(x + w, name).toBeLessThanOrEqual(pane.width + 1e-6);
      // Below the header band: the card level's over the pane, the far level's above its graph's origin.
      expect(y, name).toBeGreaterThanOrEqual(pane.top! + (zoom >= OVERVIEW_ZOOM ? bandAt(zoom, x) : pills.band * FAR_SCALE * zoom) - 1e-6);
      expect(y + h, name).toBeLessThanOrEqual(pane.height - pane.bottom! + 1e-6);
      if (NAMED_IN_FULL.has(id) && !name.startsWith('Split 853')) {
        const headers = zoom < OVERVIEW_ZOOM ? pills.headers : bandAt(zoom, x) ? cardBand(columns, text, zoom, size, x, 8).headers : [];
        for (const e of headers.flatMap((hd) => hd.entries)) expect(isWhole(e), `${name}: "${e.lines.join(' / ')}" is "${e.full}"`).toBe(true);
      }
    }
  });
});
