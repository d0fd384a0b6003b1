import { readFileSync } from 'node:fs';
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
  it('shows from the zoom where its least type (app.css: title, notes, run strip, badges) is 10.5 px on screen', () => {
    // The full face's own rules (not the far face's `.lod-far` ones), as app.css sets them.
    const css = readFileSync(new URL('../app.css', import.meta.url), 'utf8');
    const sizes = [...css.matchAll(/^\.(?:op-|diag-badge|next-badge|stack-badge|stack-fold)[^{]*\{[^}]*?font-size: ([\d.]+)px/gm)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThanOrEqual(8);
    expect(Math.min(...sizes) * FAR_BELOW).toBeGreaterThanOrEqual(LEAST_TYPE_PX - 1e-9);
  });
});
