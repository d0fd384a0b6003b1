import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';

const STROKE_PROPS = ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'fill', 'opacity'] as const;

/**
 * Edge paths get their stroke from stylesheets that a cloned image does not carry: pin the computed
 * values inline while capturing, then put the original inline styles back.
 */
async function withInlineStrokes<T>(root: HTMLElement, capture: () => Promise<T>): Promise<T> {
  const paths = [...root.querySelectorAll<SVGElement>('.react-flow__edge-path')];
  const saved = paths.map((p) => p.getAttribute('style'));
  for (const p of paths) {
    const cs = getComputedStyle(p);
    for (const prop of STROKE_PROPS) p.style.setProperty(prop, cs.getPropertyValue(prop));
  }
  try {
    return await capture();
  } finally {
    paths.forEach((p, i) => (saved[i] === null ? p.removeAttribute('style') : p.setAttribute('style', saved[i]!)));
  }
}

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
  const { toPng, toSvg } = await import('html-to-image');
  return withInlineStrokes(viewport, () => (format === 'png' ? toPng(viewport, options) : toSvg(viewport, options)));
}
