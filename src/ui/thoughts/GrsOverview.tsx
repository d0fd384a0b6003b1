import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { GotDocument, Thought } from '../../engine/index';
import type { RunHighlight } from '../run/highlight';
import { useAppStore } from '../store/StoreProvider';
import { colorFor, type ColorDomain } from './colorScale';
import { INPUT_LANE, type LaneItem } from './layout/laneLayout';
import { blockAt, FAR_SCALE, PILL_FONT, PILL_LINE, type FarBlock, type PillLayout } from './layout/pillLayout';
import { opLabelOf, opTypeOf } from './opLabels';
import { compact } from './thoughtText';

export interface OverviewScene {
  pills: PillLayout;
  /** The run's final thoughts (outlined in the accent colour, as their cards are). */
  finals?: ReadonlySet<string>;
  items: readonly LaneItem[];
  domain: ColorDomain;
  finalPath: ReadonlySet<string>;
  thoughts: Readonly<Record<string, Thought>>;
}

interface Palette {
  accent: string;
  card: string;
  lane: string;
  text: string;
  border: string;
  edge: string;
}

/** What a figure on a block says. */
export type LabelRole = 'score' | 'volume' | 'latency' | 'count' | 'stack';

/** A text drawn on the canvas: its block, what it says, its box (in the coordinates it was drawn in) and its type size. */
interface Label {
  block: string;
  kind: FarBlock['kind'];
  role: LabelRole;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A block as drawn, with its labels, in viewport CSS px: what `drawnBlocks()` on the canvas element gives tests and tools. */
export interface DrawnBlock {
  id: string;
  kind: FarBlock['kind'];
  /** A final thought of the run (drawn with the accent outline). */
  final: boolean;
  rect: { x: number; y: number; width: number; height: number };
  labels: Array<{ role: LabelRole; text: string; x: number; y: number; width: number; height: number }>;
}

function paletteOf(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { accent: v('--accent', '#3b5bdb'), card: v('--panel', '#fff'), lane: v('--panel-2', '#f0f2f5'), text: v('--text', '#1d2430'), border: v('--muted', '#5d6776'), edge: v('--muted', '#5d6776') };
}

/** A summary block's figures: how many thoughts, the best score, the most volume and latency among them. */
function summaryOf(members: readonly string[], thoughts: Readonly<Record<string, Thought>>, higherIsBetter: boolean) {
  let best: number | null = null;
  let volume = 0;
  let latency = 0;
  for (const id of members) {
    const t = thoughts[id];
    if (!t) continue;
    volume = Math.max(volume, t.volume);
    latency = Math.max(latency, t.latency);
    if (t.scored && t.score !== null && (best === null || (higherIsBetter ? t.score > best : t.score < best))) best = t.score;
  }
  return { best, volume, latency };
}

const scoreText = (t: Thought) => (t.scored && t.score !== null ? compact(t.score) : t.kind === 'input' ? 'input' : '—');

/**
 * Draws the far level with the layout's origin at (tx, ty) and `scale` screen px per far unit, skipping
 * blocks outside a w × h area; returns the labels drawn.
 */
function drawScene(ctx: CanvasRenderingContext2D, scene: OverviewScene, highlight: RunHighlight, pal: Palette, [tx, ty, scale]: readonly [number, number, number], w: number, h: number): Label[] {
  const { thoughts, pills } = scene;
  const labels: Label[] = [];
  const sx = (x: number) => x * scale + tx;
  const sy = (y: number) => y * scale + ty;
  const outside = (b: { x: number; y: number; width: number; height: number }) => sx(b.x + b.width) < 0 || sx(b.x) > w || sy(b.y + b.height) < 0 || sy(b.y) > h;
  // Lanes: a faint band behind each operation's pills.
  ctx.fillStyle = pal.lane;
  for (const lane of pills.lanes) if (!outside(lane)) ctx.fillRect(sx(lane.x), sy(lane.y), lane.width * scale, lane.height * scale);
  // Edges, one path per style, between blocks (a summary stands for all its members; each pair once).
  const plain = new Path2D();
  const lit = new Path2D();
  const seen = new Set<string>();
  for (const item of scene.items) {
    const to = pills.at.get(item.id);
    if (!to) continue;
    for (const p of item.parents) {
      const from = pills.at.get(p);
      if (!from || from === to) continue;
      const onPath = Boolean(highlight.pathEdges[`${p}>${item.id}`]) || (scene.finalPath.has(p) && scene.finalPath.has(item.id));
      const key = `${from.id}>${to.id}>${onPath}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const x1 = sx(from.x + from.width);
      const y1 = sy(from.y + from.height / 2);
      const x2 = sx(to.x);
      const y2 = sy(to.y + to.height / 2);
      if ((x1 < 0 && x2 < 0) || (x1 > w && x2 > w) || (y1 < 0 && y2 < 0) || (y1 > h && y2 > h)) continue;
      const path = onPath ? lit : plain;
      path.moveTo(x1, y1);
      path.lineTo(x2, y2);
    }
  }
  ctx.globalAlpha = highlight.active ? 0.3 : 0.6;
  ctx.strokeStyle = pal.edge;
  ctx.lineWidth = 1;
  ctx.stroke(plain);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = highlight.active ? '#f59e0b' : pal.text;
  ctx.lineWidth = 2;
  ctx.stroke(lit);

  const px = PILL_FONT * scale;
  const line = PILL_LINE * scale;
  const pad = 2 * scale;
  const bar = 4 * scale;
  const text = (b: FarBlock, role: LabelRole, s: string, x: number, y: number, maxWidth: number, bold: boolean) => {
    ctx.font = `${bold ? '700 ' : ''}${px}px system-ui, sans-serif`;
    const width = Math.min(ctx.measureText(s).width, maxWidth);
    ctx.fillText(s, x, y, maxWidth);
    labels.push({ block: b.id, kind: b.kind, role, text: s, x, y, width, height: px });
  };
  ctx.textBaseline = 'top';
  for (const b of pills.blocks) {
    if (outside(b)) continue;
    const x = sx(b.x);
    const y = sy(b.y);
    const bw = b.width * scale;
    const bh = b.height * scale;
    const t = b.kind === 'thought' ? thoughts[b.id] : undefined;
    const mark = b.kind === 'thought' ? highlight.thoughts[b.id] : b.kind === 'summary' ? b.members.map((m) => highlight.thoughts[m]).find(Boolean) : undefined;
    ctx.globalAlpha = highlight.active && !mark ? 0.45 : 1;
    ctx.fillStyle = pal.card;
    ctx.fillRect(x, y, bw, bh);
    // Pruned thoughts, calls, stacks and (as the selection key says) a selection's ancestors: a dashed outline; kept thoughts a solid one, heavier on the final path.
    const dashed = b.kind === 'stack' || b.kind === 'call' || Boolean(t?.pruned) || mark === 'ancestor';
    ctx.setLineDash(dashed ? [3, 2] : []);
    const onFinal = b.kind === 'thought' && scene.finalPath.has(b.id);
    const isFinal = b.kind === 'thought' && Boolean(scene.finals?.has(b.id));
    ctx.strokeStyle = mark === 'path' || mark === 'selected' ? '#f59e0b' : mark ? '#2563eb' : isFinal ? pal.accent : onFinal ? pal.text : pal.border;
    ctx.lineWidth = isFinal && !mark ? 3 : mark || onFinal ? 2 : 1;
    ctx.strokeRect(x + 0.5, y + 0.5, bw - 1, bh - 1);
    ctx.setLineDash([]);
    if (b.kind === 'stack') {
      if (!b.shadow) {
        ctx.fillStyle = pal.text;
        text(b, 'stack', `+${b.count}`, x + pad, y + pad, bw - 2 * pad, true);
      }
      continue;
    }
    // The colour of the card's scale as a bar on the left; the figures on the panel colour, so they read on any colour.
    const color = t ? colorFor(t, scene.domain) : null;
    ctx.fillStyle = color ?? pal.border;
    if (b.kind !== 'call') ctx.fillRect(x + 1, y + 1, bar, bh - 2);
    ctx.fillStyle = pal.text;
    const tx0 = x + bar + pad;
    const room = bw - bar - 2 * pad;
    const top = y + (bh - (b.kind === 'summary' ? 4 : 2) * line) / 2 + (line - px) / 2;
    if (b.kind === 'call') {
      text(b, 'score', '…', tx0, top, room, false);
    } else if (b.kind === 'summary') {
      const s = summaryOf(b.members, thoughts, scene.domain.higherIsBetter);
      text(b, 'count', `${b.members.length}×`, tx0, top, room, true);
      text(b, 'score', `best ${s.best === null ? '—' : compact(s.best)}`, tx0, top + line, room, false);
      text(b, 'volume', `V≤${s.volume}`, tx0, top + 2 * line, room, false);
      text(b, 'latency', `L≤${s.latency}`, tx0, top + 3 * line, room, false);
    } else if (t) {
      text(b, 'score', scoreText(t), tx0, top, room, true);
      const v = `V${t.volume}`;
      ctx.font = `${px}px system-ui, sans-serif`;
      const vw = Math.min(ctx.measureText(v).width, room * 0.55);
      text(b, 'volume', v, tx0, top + line, vw, false);
      text(b, 'latency', `L${t.latency}`, tx0 + vw + px * 0.3, top + line, room - vw - px * 0.3, false);
    }
  }
  ctx.globalAlpha = 1;
  return labels;
}

/** The whole scene drawn once at one scale, so a pan only copies it (kept while scene, highlight, scale and colours stay). */
interface Picture {
  scene: OverviewScene;
  highlight: RunHighlight;
  scale: number;
  dpr: number;
  palette: string;
  bitmap: HTMLCanvasElement;
  labels: Label[];
}

/** Larger pictures are not kept: the scene is drawn straight onto the pane instead (culled), every frame. */
const MAX_PICTURE_PIXELS = 4096 * 4096;
/** Room around the graph in the picture, for the final path's 2 px outline. */
const MARGIN = 4;

function pictureOf(prev: Picture | null, scene: OverviewScene, highlight: RunHighlight, scale: number, dpr: number, pal: Palette): Picture | null {
  const palette = JSON.stringify(pal);
  if (prev && prev.scene === scene && prev.highlight === highlight && prev.scale === scale && prev.dpr === dpr && prev.palette === palette) return prev;
  const w = Math.ceil(scene.pills.width * scale + 2 * MARGIN);
  const h = Math.ceil(scene.pills.height * scale + 2 * MARGIN);
  if (w * h * dpr * dpr > MAX_PICTURE_PIXELS) return null;
  const bitmap = prev?.bitmap ?? document.createElement('canvas');
  bitmap.width = Math.ceil(w * dpr);
  bitmap.height = Math.ceil(h * dpr);
  const ctx = bitmap.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const labels = drawScene(ctx, scene, highlight, pal, [MARGIN, MARGIN, scale], w, h);
  return { scene, highlight, scale, dpr, palette, bitmap, labels };
}

/** What the canvas shows now: its labels and where their coordinates put (0, 0) on the canvas, in CSS px. */
interface Shown {
  labels: Label[];
  origin: { x: number; y: number };
  blocks: () => Array<{ b: FarBlock; x: number; y: number; width: number; height: number }>;
}

function draw(canvas: HTMLCanvasElement, prev: Picture | null, scene: OverviewScene, highlight: RunHighlight, transform: readonly [number, number, number]): { picture: Picture | null; shown: Shown } {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  const [tx, ty, zoom] = transform;
  // Rounded: the least zoom is 1 / FAR_SCALE, which must give scale 1 and 10 px figures, not 9.999….
  const scale = Math.round(zoom * FAR_SCALE * 1e6) / 1e6;
  // For tests and tools: the size of the figures drawn on screen.
  canvas.dataset.figurePx = String(PILL_FONT * scale);
  const blocks = (left: number, top: number) => () =>
    scene.pills.blocks.map((b) => ({ b, x: left + b.x * scale, y: top + b.y * scale, width: b.width * scale, height: b.height * scale }));
  const ctx = canvas.getContext('2d');
  if (!ctx) return { picture: prev, shown: { labels: [], origin: { x: 0, y: 0 }, blocks: blocks(tx, ty) } };
  const pal = paletteOf(canvas);
  const picture = pictureOf(prev, scene, highlight, scale, dpr, pal);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (picture) {
    // Whole device pixels: a fractional offset would blur every pill and numeral.
    const ox = Math.round((tx - MARGIN) * dpr);
    const oy = Math.round((ty - MARGIN) * dpr);
    ctx.drawImage(picture.bitmap, ox, oy);
    const origin = { x: ox / dpr, y: oy / dpr };
    return { picture, shown: { labels: picture.labels, origin, blocks: blocks(origin.x + MARGIN, origin.y + MARGIN) } };
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const labels = drawScene(ctx, scene, highlight, pal, [tx, ty, scale], w, h);
  return { picture: null, shown: { labels, origin: { x: 0, y: 0 }, blocks: blocks(tx, ty) } };
}

/** The blocks visible on the canvas with their labels, in viewport CSS px (a test hook: measured from what was drawn). */
function drawnBlocks(canvas: HTMLCanvasElement, shown: Shown, finals: ReadonlySet<string> | undefined): DrawnBlock[] {
  const r = canvas.getBoundingClientRect();
  const byBlock = new Map<string, Label[]>();
  for (const l of shown.labels) {
    const list = byBlock.get(l.block) ?? [];
    byBlock.set(l.block, list);
    list.push(l);
  }
  const out: DrawnBlock[] = [];
  for (const { b, x, y, width, height } of shown.blocks()) {
    if (x + width <= 0 || y + height <= 0 || x >= r.width || y >= r.height) continue;
    out.push({
      id: b.id,
      kind: b.kind,
      final: b.kind === 'thought' && Boolean(finals?.has(b.id)),
      rect: { x: r.x + x, y: r.y + y, width, height },
      labels: (byBlock.get(b.id) ?? []).map((l) => ({ role: l.role, text: l.text, x: r.x + shown.origin.x + l.x, y: r.y + shown.origin.y + l.y, width: l.width, height: l.height })),
    });
  }
  return out;
}

/** What hovering a block says: the operation that made it (the far level has no room for lane headers) and its figures in words. */
export function blockTitle(b: FarBlock, doc: GotDocument | null, thoughts: Readonly<Record<string, Thought>>): string {
  const op = (lane: string) => (lane === INPUT_LANE ? 'Input' : `${opLabelOf(doc, lane)} (${opTypeOf(doc, lane)})`);
  const ops = (ids: readonly string[]) => [...new Set(ids.map((id) => thoughts[id]?.opId ?? INPUT_LANE))].map(op).join(', ');
  if (b.kind === 'stack') return `${b.lane.startsWith('column:') ? 'These operations' : op(b.lane)}: ${b.count} not kept — zoom in or click to see why`;
  if (b.kind === 'summary') return `${ops(b.members)}: ${b.members.length} thoughts — click to zoom in`;
  if (b.kind === 'call') return `${op(b.lane)}: a call still running`;
  const t = thoughts[b.id];
  return t ? `${op(t.opId ?? INPUT_LANE)}: score ${t.scored && t.score !== null ? compact(t.score) : '—'} · volume ${t.volume} · latency ${t.latency}` : '';
}

/**
 * The far level of the Thoughts view: every thought as a pill with its score, volume and latency (a lane
 * of many as one summary block, a folded stack as a shadow) and every edge, drawn on one canvas instead of
 * thousands of DOM cards, at a scale where the figures are never under 10 px. The scene is drawn once per
 * zoom into a picture that a pan only copies, so panning 2,000 thoughts costs one image copy a frame.
 */
export function GrsOverview({ scene }: { scene: OverviewScene }) {
  const flow = useStoreApi();
  const highlight = useAppStore((s) => s.highlight);
  // The colours come from the theme's variables: a new theme draws the picture again.
  const theme = useAppStore((s) => s.theme);
  const doc = useAppStore((s) => s.live.grs.document);
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
        const drawn = draw(el, picture.current, scene, highlight, flow.getState().transform);
        picture.current = drawn.picture;
        // Read by the e2e tests: what is drawn where, computed only when asked.
        Object.assign(el, { drawnBlocks: () => drawnBlocks(el, drawn.shown, scene.finals) });
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
  }, [flow, scene, highlight, theme]);
  // Hovering a block names its operation (a tooltip on the pane under the canvas, which takes no pointer events).
  useEffect(() => {
    const pane = canvas.current?.parentElement;
    if (!pane) return;
    const onMove = (e: MouseEvent) => {
      const [tx, ty, zoom] = flow.getState().transform;
      const r = pane.getBoundingClientRect();
      const b = blockAt(scene.pills, { x: (e.clientX - r.left - tx) / zoom, y: (e.clientY - r.top - ty) / zoom });
      const title = b ? blockTitle(b, doc, scene.thoughts) : '';
      if (pane.title !== title) pane.title = title;
    };
    pane.addEventListener('mousemove', onMove);
    return () => {
      pane.removeEventListener('mousemove', onMove);
      pane.title = '';
    };
  }, [flow, scene, doc]);
  return <canvas ref={canvas} className="grs-overview" data-testid="grs-overview" />;
}
