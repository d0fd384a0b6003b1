import { describe, expect, test } from 'vitest';
import { FAR_TITLE, NEAR_TITLE_PX } from '../document/legibility';
import {
  frameViewport,
  PRESENT_FAR_BELOW,
  PRESENT_FRAME_ZOOM,
  PRESENT_MIN_ZOOM,
  PRESENT_TYPE_SCALE,
  presentFarTitlePx,
  presentViewport,
} from './presentType';

describe('presented type', () => {
  test('a title is at least 1.5 times the editor’s largest on screen at every zoom from the least presenting zoom up', () => {
    const editorLargest = Math.max(NEAR_TITLE_PX, FAR_TITLE.screen);
    for (const zoom of [PRESENT_MIN_ZOOM, 0.5, 0.8, 1, PRESENT_FAR_BELOW - 0.01]) {
      expect(presentFarTitlePx(zoom) * zoom).toBeGreaterThanOrEqual(editorLargest * PRESENT_TYPE_SCALE - 0.01);
    }
    expect(NEAR_TITLE_PX * PRESENT_FAR_BELOW).toBeCloseTo(editorLargest * PRESENT_TYPE_SCALE);
  });
});

describe('presentViewport', () => {
  const view = { width: 1280, height: 640 };

  test('shows a small graph whole and centred, no larger than 1.5×', () => {
    const v = presentViewport({ x: 0, y: 0, width: 400, height: 200 }, view, null);
    expect(v.zoom).toBe(1.5);
    expect(v.x + 200 * v.zoom).toBeCloseTo(640);
    expect(v.y + 100 * v.zoom).toBeCloseTo(320);
  });

  test('shows a large graph whole when its titles stay at presenting size', () => {
    const v = presentViewport({ x: 0, y: 0, width: 2000, height: 800 }, view, null);
    expect(v.zoom).toBeCloseTo((1280 - 48) / 2000);
    expect(v.zoom).toBeGreaterThanOrEqual(PRESENT_MIN_ZOOM);
  });

  test('a graph too big to read whole is shown at the least presenting zoom around the operation in focus, inside the graph', () => {
    const graph = { x: 0, y: 0, width: 6000, height: 600 };
    const v = presentViewport(graph, view, { x: 3000, y: 200, width: 220, height: 96 });
    expect(v.zoom).toBe(PRESENT_MIN_ZOOM);
    expect(v.x + 3110 * v.zoom).toBeCloseTo(640);
    const start = presentViewport(graph, view, { x: 0, y: 200, width: 220, height: 96 });
    // At the graph's start the view does not scroll into empty space left of it.
    expect(start.x).toBeLessThanOrEqual(24 + 0.01);
    expect(start.x).toBeGreaterThan(0);
  });
});

describe('frameViewport', () => {
  test('frames a few cards centred, no closer than the largest framing zoom', () => {
    const v = frameViewport({ x: 100, y: 100, width: 240, height: 128 }, { width: 1280, height: 400 });
    expect(v.zoom).toBe(PRESENT_FRAME_ZOOM.max);
    expect(v.x + 220 * v.zoom).toBeCloseTo(640);
  });

  test('a tall column of cards is framed from its middle at the least framing zoom, not shrunk further', () => {
    const v = frameViewport({ x: 0, y: 0, width: 240, height: 1400 }, { width: 853, height: 400 });
    expect(v.zoom).toBe(PRESENT_FRAME_ZOOM.min);
    expect(v.y + 700 * v.zoom).toBeCloseTo(200);
  });
});
