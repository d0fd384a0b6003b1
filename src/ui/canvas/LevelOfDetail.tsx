import { useLayoutEffect, type RefObject } from 'react';
import { useStore } from '@xyflow/react';
import { FAR_BELOW, farTitlePx } from '../document/legibility';
import { PRESENT_FAR_BELOW, presentFarTitlePx } from '../present/presentType';
import { useAppStore } from '../store/StoreProvider';

/**
 * Switches the canvas between the nodes' full face and their far face as the zoom changes, by a
 * class and a CSS variable on the canvas element: nodes re-style without re-rendering.
 */
export function LevelOfDetail({ target }: { target: RefObject<HTMLDivElement | null> }) {
  const zoom = useStore((s) => s.transform[2]);
  // Presenting sets titles 1.5× larger on screen.
  const presenting = useAppStore((s) => s.presenting);
  const far = zoom < (presenting ? PRESENT_FAR_BELOW : FAR_BELOW);
  // Rounded so that small zoom steps do not restyle every node.
  const font = far ? Math.round((presenting ? presentFarTitlePx(zoom) : farTitlePx(zoom)) * 2) / 2 : 0;
  useLayoutEffect(() => {
    const el = target.current;
    if (!el) return;
    el.classList.toggle('lod-far', far);
    if (far) el.style.setProperty('--far-title', `${font}px`);
  }, [target, far, font]);
  return null;
}
