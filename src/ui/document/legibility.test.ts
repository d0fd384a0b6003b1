import { describe, expect, it } from 'vitest';
import { PRESENT_TYPE_SCALE } from '../present/presentType';
import { EDGE_LABEL, edgeLabelPx, FAR_BELOW, LEAST_TYPE_PX } from './legibility';

describe('an edge’s labels', () => {
  it('are 11 px near, larger zoomed out so they stay 10.5 px on screen, and not drawn where that would not fit their gap', () => {
    expect(edgeLabelPx(1)).toBe(EDGE_LABEL.flow);
    expect(edgeLabelPx(1.5)).toBe(EDGE_LABEL.flow);
    for (let zoom = 0.2; zoom <= 2; zoom += 0.01) {
      const px = edgeLabelPx(zoom);
      if (px === null) {
        expect(LEAST_TYPE_PX / zoom, `at ${zoom.toFixed(2)}`).toBeGreaterThan(EDGE_LABEL.maxFlow);
        continue;
      }
      expect(px * zoom, `on screen at ${zoom.toFixed(2)}`).toBeGreaterThanOrEqual(LEAST_TYPE_PX - 1e-9);
      expect(px).toBeLessThanOrEqual(EDGE_LABEL.maxFlow);
    }
    // The editor's opening view of the gallery (about 0.42) is too far out to draw them; from 0.75 they show.
    expect(edgeLabelPx(0.42)).toBeNull();
    expect(edgeLabelPx(0.76)).not.toBeNull();
  });

  it('are 1.5× larger on screen while presenting, so they show only nearer', () => {
    const presenting = LEAST_TYPE_PX * PRESENT_TYPE_SCALE;
    expect(edgeLabelPx(1, presenting)).toBeNull();
    expect(edgeLabelPx(1.2, presenting)! * 1.2).toBeGreaterThanOrEqual(presenting - 1e-9);
  });
});

describe('an operation’s full face', () => {
  it('shows from the zoom where its least type (11 px) is 10.5 px on screen', () => {
    expect(11 * FAR_BELOW).toBeCloseTo(LEAST_TYPE_PX, 9);
  });
});
