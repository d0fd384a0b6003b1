import { describe, expect, it } from 'vitest';
import { createGrs, type GrsState, type RunSummary, type Thought, type ThoughtId } from '../../engine/index';
import { FIT_MIN_ZOOM, focusIds, followDuration, glideBeforeAnswer, wholeGraphViewport } from './useGrsCamera';

function grsWith(parents: Record<string, string[]>, finals: string[] | null): GrsState {
  const grs = createGrs();
  for (const [id, ps] of Object.entries(parents)) {
    grs.thoughts[id] = { id, parents: ps } as unknown as Thought;
    grs.thoughtOrder.push(id as ThoughtId);
  }
  if (finals) grs.summary = { finalThoughtIds: finals } as unknown as RunSummary;
  return grs;
}

describe('the GRS camera focus', () => {
  it('frames the final thoughts first and their parents as context once the run has ended', () => {
    const grs = grsWith({ in: [], a: ['in'], b: ['in'], m: ['a', 'b'], r: ['m'] }, ['m']);
    expect(focusIds(grs, [])).toEqual({ core: ['m'], context: ['a', 'b'] });
  });

  it('follows the newest thoughts and the calls still streaming while the run goes on', () => {
    const grs = grsWith({ in: [], a: ['in'], b: ['in'], c: ['in'], d: ['in'], e: ['in'] }, null);
    expect(focusIds(grs, ['7'])).toEqual({ core: ['c', 'd', 'e', 'call:7'], context: [] });
  });

  it('fits a whole graph in the pane, centred below the toolbar, or gives up when even the canvas’s least zoom cannot hold it', () => {
    const pane = { width: 940, height: 628 };
    const fit = wholeGraphViewport({ width: 2880, height: 1900 }, pane)!;
    expect(fit.zoom).toBeGreaterThanOrEqual(FIT_MIN_ZOOM);
    expect(fit.x).toBeGreaterThanOrEqual(0);
    expect(fit.x + 2880 * fit.zoom).toBeLessThanOrEqual(pane.width);
    expect(fit.y).toBeGreaterThan(0);
    expect(fit.y + 1900 * fit.zoom).toBeLessThanOrEqual(pane.height);
    expect(wholeGraphViewport({ width: 300, height: 200 }, pane)!.zoom).toBe(1);
    expect(wholeGraphViewport({ width: 3400, height: 32000 }, pane)).toBeNull();
  });
});

describe('a whole-graph fit on the far level', () => {
  it('uses the far level, at a scale where its figures are at least 10 px, when cards would be under the compact cards’ zoom', async () => {
    const { FAR_SCALE, OVERVIEW_ZOOM } = await import('./layout/pillLayout');
    const pane = { width: 513, height: 388, top: 43, bottom: 100 };
    const fit = wholeGraphViewport({ width: 2880, height: 1904 }, pane, { width: 485, height: 245 })!;
    expect(fit.zoom).toBeLessThan(OVERVIEW_ZOOM);
    expect(fit.zoom * FAR_SCALE).toBeCloseTo(1, 9);
    expect(fit.y).toBeGreaterThanOrEqual(43);
    expect(fit.y + 245 * FAR_SCALE * fit.zoom).toBeLessThanOrEqual(388 - 100);
    // Too tall even for the far level at scale 1: no whole fit (the camera folds columns or frames the final thought).
    expect(wholeGraphViewport({ width: 2880, height: 1904 }, pane, { width: 485, height: 600 })).toBeNull();
  });
});

describe('cards or the far level for a whole graph', () => {
  it('prefers the far level, whose headers name every operation, to cards too small for their lane titles, and keeps cards when the far level cannot hold the graph', async () => {
    const { CARD_FIT_ZOOM, fitRoom } = await import('./useGrsCamera');
    const { OVERVIEW_ZOOM } = await import('./layout/pillLayout');
    const pane = { width: 940, height: 628, top: 43, bottom: 84 };
    // Cards would fit at about 0.27: between the compact cards' least zoom and the zoom where titles read.
    const room = fitRoom(pane).width;
    const cards = { width: room / 0.27, height: 1000 };
    const far = wholeGraphViewport(cards, pane, { width: 500, height: 200 })!;
    expect(far.zoom).toBeLessThan(OVERVIEW_ZOOM);
    const asCards = wholeGraphViewport(cards, pane, { width: 500, height: 5000 })!;
    expect(asCards.zoom).toBeCloseTo(0.27, 6);
    expect(asCards.zoom).toBeLessThan(CARD_FIT_ZOOM);
    expect(wholeGraphViewport(cards, pane)!.zoom).toBeCloseTo(0.27, 6);
    // Cards that fit at CARD_FIT_ZOOM or more are shown as cards, far level or not.
    expect(wholeGraphViewport({ width: room / 0.4, height: 1000 }, pane, { width: 500, height: 200 })!.zoom).toBeCloseTo(0.4, 6);
  });
});

describe('framing cards from the layout', () => {
  it('centres the cards at a readable zoom whether or not they are drawn as nodes', async () => {
    const { frame, READABLE_ZOOM } = await import('./useGrsCamera');
    const cards = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 0, y: 5000 }],
    ]);
    const pane = { width: 900, height: 600 };
    const v = frame(['a'], cards, pane);
    expect(v.zoom).toBe(1);
    expect(v.x + 120 * v.zoom).toBeCloseTo(450);
    expect(frame(['a', 'b'], cards, pane).zoom).toBe(READABLE_ZOOM);
  });
});

describe('the camera following a streaming run', () => {
  const pane = { width: 1280, height: 720 };
  it('glides to newest thoughts within a pane of what is shown, and jumps to ones further away or on a large run', () => {
    const here = { x: 0, y: 0, zoom: 1 };
    expect(followDuration(here, { x: -300, y: -400, zoom: 1 }, pane, 50)).toBeGreaterThan(0);
    expect(followDuration(here, { x: 0, y: -5000, zoom: 1 }, pane, 50)).toBe(0);
    expect(followDuration(here, { x: -300, y: -400, zoom: 1 }, pane, 1000)).toBe(0);
  });

  it('ends its glide before the live run\'s next model answer is due, or jumps when too little time is left', () => {
    // No answer expected (no live run, or the first call still out): the glide as it is.
    expect(glideBeforeAnswer(250, null)).toBe(250);
    expect(glideBeforeAnswer(250, 400)).toBe(250);
    expect(glideBeforeAnswer(250, 200)).toBe(160);
    expect(glideBeforeAnswer(250, 100)).toBe(0);
    expect(glideBeforeAnswer(250, 0)).toBe(0);
    expect(glideBeforeAnswer(0, 400)).toBe(0);
  });

  it('jumps from the far level, where a glide would zoom through every card level on the way', () => {
    expect(followDuration({ x: 0, y: 0, zoom: 0.2 }, { x: 0, y: 0, zoom: 0.9 }, pane, 50)).toBe(0);
  });
});
