import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { Thought } from '../../engine/index';
import type { RunHighlight } from '../run/highlight';
import { useAppStore } from '../store/StoreProvider';
import { colorFor, type ColorDomain } from './colorScale';
import { CARD_HEIGHT, CARD_WIDTH, type LaneItem, type LaneLayout } from './layout/laneLayout';
import { compact } from './thoughtText';

/** Below this card width on screen a block has no room for its figures at 10 px. */
const TEXT_MIN_WIDTH = 46;

export interface OverviewScene {
  layout: LaneLayout;
  items: readonly LaneItem[];
  domain: ColorDomain;
  finalPath: ReadonlySet<string>;
  thoughts: Readonly<Record<string, Thought>>;
}

interface Palette {
  card: string;
  text: string;
  border: string;
  edge: string;
}

/** The size (CSS px) of the figures a block carries at this zoom: ≥ 10, or 0 when a block is too small to hold them. */
export const figurePx = (zoom: number): number => (CARD_WIDTH * zoom >= TEXT_MIN_WIDTH ? Math.max(10, Math.min(16, (CARD_HEIGHT * zoom) / 3)) : 0);

function paletteOf(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { card: v('--panel', '#fff'), text: v('--text', '#1d2430'), border: v('--border', '#d9dde3'), edge: v('--muted', '#5d6776') };
}

/** Draws the scene at `zoom` with the graph's origin at (tx, ty), skipping what lies outside a w × h pane. */
function drawScene(ctx: CanvasRenderingContext2D, scene: OverviewScene, highlight: RunHighlight, pal: Palette, [tx, ty, zoom]: readonly [number, number, number], w: number, h: number): void {
  const { thoughts } = scene;
  const cw = CARD_WIDTH * zoom;
  const ch = CARD_HEIGHT * zoom;
  const { cards } = scene.layout;
  const screen = (id: string) => {
    const p = cards.get(id);
    return p ? { x: p.x * zoom + tx, y: p.y * zoom + ty } : null;
  };
  // Edges first, one path per style, culled to the pane.
  const plain = new Path2D();
  const lit = new Path2D();
  for (const item of scene.items) {
    const to = screen(item.id);
    if (!to) continue;
    for (const p of item.parents) {
      const from = screen(p);
      if (!from) continue;
      const x1 = from.x + cw;
      const y1 = from.y + ch / 2;
      const x2 = to.x;
      const y2 = to.y + ch / 2;
      if ((x1 < 0 && x2 < 0) || (x1 > w && x2 > w) || (y1 < 0 && y2 < 0) || (y1 > h && y2 > h)) continue;
      const path = highlight.pathEdges[`${p}>${item.id}`] || (scene.finalPath.has(p) && scene.finalPath.has(item.id)) ? lit : plain;
      path.moveTo(x1, y1);
      path.lineTo(x2, y2);
    }
  }
  ctx.globalAlpha = highlight.active ? 0.25 : 0.5;
  ctx.strokeStyle = pal.edge;
  ctx.lineWidth = 1;
  ctx.stroke(plain);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = highlight.active ? '#f59e0b' : pal.text;
  ctx.lineWidth = 2;
  ctx.stroke(lit);
  const fontPx = figurePx(zoom);
  const withText = fontPx > 0;
  ctx.font = `600 ${fontPx}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  for (const [id, p] of cards) {
    const x = p.x * zoom + tx;
    const y = p.y * zoom + ty;
    if (x + cw < 0 || x > w || y + ch < 0 || y > h) continue;
    const t = thoughts[id];
    const mark = highlight.thoughts[id];
    ctx.globalAlpha = highlight.active && !mark ? 0.35 : 1;
    ctx.fillStyle = (t && colorFor(t, scene.domain)) ?? pal.border;
    ctx.fillRect(x, y, cw, ch);
    if (mark || scene.finalPath.has(id)) {
      ctx.strokeStyle = mark === 'path' || mark === 'selected' ? '#f59e0b' : mark ? '#2563eb' : pal.text;
      ctx.lineWidth = 2;
      ctx.strokeRect(x, y, cw, ch);
    }
    if (withText && t) {
      // Figures on a light plate, so they read on every colour of the scale.
      ctx.fillStyle = pal.card;
      ctx.fillRect(x + 2, y + 2, cw - 4, Math.min(ch - 4, fontPx * 2 + 6));
      ctx.fillStyle = pal.text;
      ctx.fillText(t.scored && t.score !== null ? compact(t.score) : t.kind === 'input' ? 'input' : '—', x + 4, y + 4, cw - 8);
      ctx.fillText(`V ${t.volume} L ${t.latency}`, x + 4, y + 4 + fontPx + 1, cw - 8);
    }
  }
  ctx.globalAlpha = 1;
}

/** The whole scene drawn once at one zoom, so a pan only copies it (kept while scene, highlight, zoom and colours stay). */
interface Picture {
  scene: OverviewScene;
  highlight: RunHighlight;
  zoom: number;
  dpr: number;
  palette: string;
  bitmap: HTMLCanvasElement;
}

/** Larger pictures are not kept: the scene is drawn straight onto the pane instead (culled), every frame. */
const MAX_PICTURE_PIXELS = 4096 * 4096;
/** Room around the graph in the picture, for the final path's 2 px outline. */
const MARGIN = 4;

function pictureOf(prev: Picture | null, scene: OverviewScene, highlight: RunHighlight, zoom: number, dpr: number, pal: Palette): Picture | null {
  const palette = JSON.stringify(pal);
  if (prev && prev.scene === scene && prev.highlight === highlight && prev.zoom === zoom && prev.dpr === dpr && prev.palette === palette) return prev;
  const w = Math.ceil(scene.layout.width * zoom + 2 * MARGIN);
  const h = Math.ceil(scene.layout.height * zoom + 2 * MARGIN);
  if (w * h * dpr * dpr > MAX_PICTURE_PIXELS) return null;
  const bitmap = prev?.bitmap ?? document.createElement('canvas');
  bitmap.width = Math.ceil(w * dpr);
  bitmap.height = Math.ceil(h * dpr);
  const ctx = bitmap.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawScene(ctx, scene, highlight, pal, [MARGIN, MARGIN, zoom], w, h);
  return { scene, highlight, zoom, dpr, palette, bitmap };
}

function draw(canvas: HTMLCanvasElement, prev: Picture | null, scene: OverviewScene, highlight: RunHighlight, transform: readonly [number, number, number]): Picture | null {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return prev;
  const pal = paletteOf(canvas);
  const [tx, ty, zoom] = transform;
  // For tests and tools: the size of the figures drawn on screen, 0 when blocks carry none.
  canvas.dataset.figurePx = String(figurePx(zoom));
  const picture = pictureOf(prev, scene, highlight, zoom, dpr, pal);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (picture) {
    // Whole device pixels: a fractional offset would blur every card and numeral.
    ctx.drawImage(picture.bitmap, Math.round((tx - MARGIN) * dpr), Math.round((ty - MARGIN) * dpr));
    return picture;
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawScene(ctx, scene, highlight, pal, transform, w, h);
  return null;
}

/**
 * The far-zoom level of the Thoughts view: every card as a block (with its figures when a block is
 * big enough) and every edge, drawn on one canvas instead of thousands of DOM cards. The scene is
 * drawn once per zoom into a picture that a pan only copies, so panning 2,000 thoughts costs one image copy a frame.
 */
export function GrsOverview({ scene }: { scene: OverviewScene }) {
  const flow = useStoreApi();
  const highlight = useAppStore((s) => s.highlight);
  const canvas = useRef<HTMLCanvasElement>(null);
  const picture = useRef<Picture | null>(null);
  useEffect(() => {
    let frame = 0;
    const redraw = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const el = canvas.current;
        if (!el) return;
        picture.current = draw(el, picture.current, scene, highlight, flow.getState().transform);
      });
    };
    redraw();
    const unsubscribe = flow.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) redraw();
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [flow, scene, highlight]);
  return <canvas ref={canvas} className="grs-overview" data-testid="grs-overview" />;
}
