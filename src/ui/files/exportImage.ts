import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

/** Renders the whole graph (not just the visible part) to a PNG or SVG data URL for slides. */
export async function exportCanvasImage(nodes: Node[], format: 'png' | 'svg', background: string): Promise<string> {
  const viewport = document.querySelector<HTMLElement>('[data-testid="canvas"] .react-flow__viewport');
  if (!viewport) throw new Error('The canvas is not on screen.');
  const bounds = getNodesBounds(nodes);
  const width = Math.min(4096, Math.max(640, Math.ceil(bounds.width + 160)));
  const height = Math.min(4096, Math.max(360, Math.ceil(bounds.height + 160)));
  const vp = getViewportForBounds(bounds, width, height, 0.1, 2, 0.08);
  const options = {
    backgroundColor: background,
    width,
    height,
    pixelRatio: 2,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
    filter: (el: HTMLElement) => !el.classList?.contains('react-flow__minimap') && !el.classList?.contains('react-flow__controls'),
  };
  return format === 'png' ? toPng(viewport, options) : toSvg(viewport, options);
}
