import { useLayoutEffect, type RefObject } from 'react';
import { useStore } from '@xyflow/react';
import { edgeLabelPx, FAR_BELOW, farTitlePx, LEAST_TYPE_PX } from '../document/legibility';
import { PRESENT_FAR_BELOW, PRESENT_TYPE_SCALE, presentFarTitlePx } from '../present/presentType';
import { useAppStore } from '../store/StoreProvider';

/**
 * Switches the canvas between the nodes' full face and their far face as the zoom changes, and sizes
 * or hides the edges' labels, by classes and CSS variables on the canvas element: nodes and edges
 * re-style without re-rendering.
 */
export function LevelOfDetail({ target }: { target: RefObject<HTMLDivElement | null> }) {
  const zoom = useStore((s) => s.transform[2]);
  // Presenting sets titles 1.5× larger on screen.
  const presenting = useAppStore((s) => s.presenting);
  const far = zoom < (presenting ? PRESENT_FAR_BELOW : FAR_BELOW);
  // Rounded so that small zoom steps do not restyle every node.
  const font = far ? Math.round((presenting ? presentFarTitlePx(zoom) : farTitlePx(zoom)) * 2) / 2 : 0;
  // A far node's badges (a fold, a diagnostic, "Next step") at least 10.5 px on screen (1.5× presenting), never over its title.
  const leastPx = (presenting ? PRESENT_TYPE_SCALE : 1) * LEAST_TYPE_PX;
  const least = far ? Math.min(font, Math.ceil((leastPx * 2) / zoom) / 2) : 0;
  // Edge labels: legible (1.5× while presenting) or not drawn.
  const edgePx = edgeLabelPx(zoom, leastPx);
  const edge = edgePx === null ? 0 : Math.ceil(edgePx * 2) / 2;
  useLayoutEffect(() => {
    const el = target.current;
    if (!el) return;
    el.classList.toggle('lod-far', far);
    if (far) el.style.setProperty('--far-title', `${font}px`);
    if (far) el.style.setProperty('--far-least', `${least}px`);
    el.classList.toggle('edge-labels-off', edge === 0);
    if (edge > 0) el.style.setProperty('--edge-label', `${edge}px`);
  }, [target, far, font, least, edge]);
  return null;
}
