import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { GotDocument, Thought } from '../../engine/index';
import type { RunHighlight } from '../run/highlight';
import { useAppStore } from '../store/StoreProvider';
import { colorFor, type ColorDomain } from './colorScale';
import { INPUT_LANE, type LaneItem } from './layout/laneLayout';
import { HEADER_FONT, HEADER_LINE, type FarHeader } from './layout/farHeaders';
import { blockAt, FAR_SCALE, headerAt, PILL_FONT, PILL_LANE_WIDTH, PILL_LINE, type FarBlock, type PillLayout } from './layout/pillLayout';
import { HEADER_TYPE } from './farHeaderText';
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

/** What a text on the canvas says: a block's figure, a stack's count, a column's operation (header) or a lane's tag. */
export type LabelRole = 'score' | 'volume' | 'latency' | 'count' | 'stack' | 'operation' | 'tag';

/** What is drawn: a block, a column's header, or a lane's tag. */
type DrawnKind = FarBlock['kind'] | 'header' | 'tag';

/** A text drawn on the canvas: its block, what it says, its box (in the coordinates it was drawn in) and its type size. */
interface Label {
  block: string;
  kind: DrawnKind;
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
  kind: DrawnKind;
  /** A final thought of the run (drawn with the accent outline). */
  final: boolean;
  /** A block's lane: the operation (or folded column) it stands in. */
  lane?: string;
  /** A block's column (headers too). */
  column?: number;
  /** The labels of the operations whose thoughts a block shows (from the run's document, not from the headers). */
  ops?: string[];
  /** The tag drawn left of a block's lane, when its column's lanes differ. */
  tag?: string;
  /** A stack drawn as a shadow behind its lane's last block (its "+n" sits on that block). */
  shadow?: boolean;
  /** How many thoughts a summary stands for. */
  members?: number;
  /** A header: the x span of its column (viewport px) and each entry's full name, type and letter, and how many lines it is drawn on (its labels in order). */
  span?: { x: number; width: number };
  entries?: Array<{ name: string; type: string; letter: string | null; full: string; lines: number }>;
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
  const text = (b: { id: string; kind: DrawnKind }, role: LabelRole, s: string, x: number, y: number, maxWidth: number, bold: boolean) => {
    ctx.font = `${bold ? '700 ' : ''}${px}px system-ui, sans-serif`;
    const width = Math.min(ctx.measureText(s).width, maxWidth);
    ctx.fillText(s, x, y, maxWidth);
    labels.push({ block: b.id, kind: b.kind, role, text: s, x, y, width, height: px });
  };
  // A shadow's badge sits on its lane's last block: the block drawn right after the shadow.
  const stacks: Array<Extract<FarBlock, { kind: 'stack' }>> = [];
  const badges = new Map<string, { x: number; y: number; width: number; height: number }>();
  pills.blocks.forEach((b, i) => {
    const next = pills.blocks[i + 1];
    if (b.kind !== 'stack' || !b.badge || !next) return;
    stacks.push(b);
    badges.set(next.id, b.badge);
  });
  ctx.textBaseline = 'top';
  drawHeaders(ctx, pills, pal, sx, sy, scale, outside, labels);
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
    // The score gives way to a stack's "+n" badge on this block's first line.
    const badge = badges.get(b.id);
    // The colour of the card's scale as a bar on the left; the figures on the panel colour, so they read on any colour.
    const color = t ? colorFor(t, scene.domain) : null;
    ctx.fillStyle = color ?? pal.border;
    if (b.kind !== 'call') ctx.fillRect(x + 1, y + 1, bar, bh - 2);
    ctx.fillStyle = pal.text;
    const tx0 = x + bar + pad;
    const room = bw - bar - 2 * pad;
    const first = badge ? Math.max(px, sx(badge.x) - tx0 - pad) : room;
    const top = y + (bh - (b.kind === 'summary' ? 4 : 2) * line) / 2 + (line - px) / 2;
    if (b.kind === 'call') {
      text(b, 'score', '…', tx0, top, first, false);
    } else if (b.kind === 'summary') {
      const s = summaryOf(b.members, thoughts, scene.domain.higherIsBetter);
      text(b, 'count', `${b.members.length}×`, tx0, top, first, true);
      text(b, 'score', `best ${s.best === null ? '—' : compact(s.best)}`, tx0, top + line, room, false);
      text(b, 'volume', `V≤${s.volume}`, tx0, top + 2 * line, room, false);
      text(b, 'latency', `L≤${s.latency}`, tx0, top + 3 * line, room, false);
    } else if (t) {
      text(b, 'score', scoreText(t), tx0, top, first, true);
      const v = `V${t.volume}`;
      ctx.font = `${px}px system-ui, sans-serif`;
      const vw = Math.min(ctx.measureText(v).width, room * 0.55);
      text(b, 'volume', v, tx0, top + line, vw, false);
      text(b, 'latency', `L${t.latency}`, tx0 + vw + px * 0.3, top + line, room - vw - px * 0.3, false);
    }
  }
  ctx.globalAlpha = 1;
  // Each shadow's "+n", on top of the block it sits behind: a dashed badge as the stack's own outline is.
  for (const st of stacks) {
    const r = st.badge;
    if (!r || outside(r)) continue;
    const [x, y, bw, bh] = [sx(r.x), sy(r.y), r.width * scale, r.height * scale];
    ctx.fillStyle = pal.card;
    ctx.fillRect(x, y, bw, bh);
    ctx.setLineDash([3, 2]);
    ctx.strokeStyle = pal.border;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, bw - 1, bh - 1);
    ctx.setLineDash([]);
    ctx.fillStyle = pal.text;
    ctx.font = `700 ${px}px system-ui, sans-serif`;
    const s = `+${st.count}`;
    const width = Math.min(ctx.measureText(s).width, bw - 2);
    text(st, 'stack', s, x + (bw - width) / 2, y + (bh - px) / 2, bw - 2, true);
  }
  return labels;
}

/** The header band (each column's operations, a tick down to its column) and the lanes' tags; their texts are added to `labels`. */
function drawHeaders(
  ctx: CanvasRenderingContext2D,
  pills: PillLayout,
  pal: Palette,
  sx: (x: number) => number,
  sy: (y: number) => number,
  scale: number,
  outside: (b: { x: number; y: number; width: number; height: number }) => boolean,
  labels: Label[],
): void {
  const px = HEADER_FONT * scale;
  const put = (block: string, kind: DrawnKind, role: LabelRole, s: string, x: number, y: number) => {
    const width = ctx.measureText(s).width;
    ctx.fillText(s, x, y);
    labels.push({ block, kind, role, text: s, x, y, width, height: px });
  };
  ctx.font = HEADER_TYPE(px);
  ctx.lineWidth = 1;
  for (const h of pills.headers) {
    if (outside({ x: Math.min(h.x, h.tick), y: h.y, width: h.x + h.width - Math.min(h.x, h.tick), height: -h.y })) continue;
    ctx.strokeStyle = pal.border;
    const tx = Math.round(sx(h.tick)) + 0.5;
    ctx.beginPath();
    // A text that starts left of its tick has the tick meet it from below.
    ctx.moveTo(tx, sy(h.x < h.tick ? h.y + h.height : h.y + 1));
    ctx.lineTo(tx, sy(0));
    ctx.stroke();
    ctx.fillStyle = pal.text;
    h.entries.flatMap((e) => e.lines).forEach((l, i) => put(headerId(h), 'header', 'operation', l, sx(h.x), sy(h.y + i * HEADER_LINE + (HEADER_LINE - HEADER_FONT) / 2)));
  }
  for (const t of pills.tags) {
    if (outside(t)) continue;
    ctx.fillStyle = pal.card;
    ctx.fillRect(sx(t.x) - 1, sy(t.y) - 1, t.width * scale + 2, px + 2);
    ctx.fillStyle = pal.text;
    put(`tag:${t.lane}`, 'tag', 'tag', t.text, sx(t.x), sy(t.y));
  }
}

const headerId = (h: FarHeader) => `header:${h.column}`;

/** The whole scene drawn once at one scale, so a pan only copies it (kept while scene, highlight, scale and colours stay). */
interface Picture {
  scene: OverviewScene;
  highlight: RunHighlight;
  scale: number;
  dpr: number;
  palette: string;
  bitmap: HTMLCanvasElement;
  labels: Label[];
  /** How far above the graph's origin the picture starts (the header band, CSS px). */
  band: number;
}

/** Larger pictures are not kept: the scene is drawn straight onto the pane instead (culled), every frame. */
const MAX_PICTURE_PIXELS = 4096 * 4096;
/** Room around the graph in the picture, for the final path's 2 px outline. */
const MARGIN = 4;

function pictureOf(prev: Picture | null, scene: OverviewScene, highlight: RunHighlight, scale: number, dpr: number, pal: Palette): Picture | null {
  const palette = JSON.stringify(pal);
  if (prev && prev.scene === scene && prev.highlight === highlight && prev.scale === scale && prev.dpr === dpr && prev.palette === palette) return prev;
  const w = Math.ceil(scene.pills.width * scale + 2 * MARGIN);
  // The header band above the graph's origin is in the picture too.
  const band = scene.pills.band * scale;
  const h = Math.ceil(scene.pills.height * scale + band + 2 * MARGIN);
  if (w * h * dpr * dpr > MAX_PICTURE_PIXELS) return null;
  const bitmap = prev?.bitmap ?? document.createElement('canvas');
  bitmap.width = Math.ceil(w * dpr);
  bitmap.height = Math.ceil(h * dpr);
  const ctx = bitmap.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const labels = drawScene(ctx, scene, highlight, pal, [MARGIN, MARGIN + band, scale], w, h);
  return { scene, highlight, scale, dpr, palette, bitmap, labels, band };
}

/** What the canvas shows now: its labels and where their coordinates put (0, 0) on the canvas, and where the layout's origin is and its scale, in CSS px. */
interface Shown {
  labels: Label[];
  origin: { x: number; y: number };
  layout: { left: number; top: number; scale: number };
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
  const ctx = canvas.getContext('2d');
  if (!ctx) return { picture: prev, shown: { labels: [], origin: { x: 0, y: 0 }, layout: { left: tx, top: ty, scale } } };
  const pal = paletteOf(canvas);
  const picture = pictureOf(prev, scene, highlight, scale, dpr, pal);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (picture) {
    // Whole device pixels: a fractional offset would blur every pill and numeral.
    const ox = Math.round((tx - MARGIN) * dpr);
    const oy = Math.round((ty - MARGIN - picture.band) * dpr);
    ctx.drawImage(picture.bitmap, ox, oy);
    const origin = { x: ox / dpr, y: oy / dpr };
    return { picture, shown: { labels: picture.labels, origin, layout: { left: origin.x + MARGIN, top: origin.y + MARGIN + picture.band, scale } } };
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const labels = drawScene(ctx, scene, highlight, pal, [tx, ty, scale], w, h);
  return { picture: null, shown: { labels, origin: { x: 0, y: 0 }, layout: { left: tx, top: ty, scale } } };
}

/**
 * The blocks, headers and tags visible on the canvas with their labels, in viewport CSS px (a test hook:
 * measured from what was drawn); each block says which operations made it, from the run's document.
 */
function drawnBlocks(canvas: HTMLCanvasElement, shown: Shown, scene: OverviewScene, opLabel: (opId: string | null) => string): DrawnBlock[] {
  const r = canvas.getBoundingClientRect();
  const { left, top, scale } = shown.layout;
  const box = (b: { x: number; y: number; width: number; height: number }) => ({ x: r.x + left + b.x * scale, y: r.y + top + b.y * scale, width: b.width * scale, height: b.height * scale });
  const visible = (b: { x: number; y: number; width: number; height: number }) => b.x + b.width > r.x && b.y + b.height > r.y && b.x < r.right && b.y < r.bottom;
  const byBlock = new Map<string, Label[]>();
  for (const l of shown.labels) {
    const list = byBlock.get(l.block) ?? [];
    byBlock.set(l.block, list);
    list.push(l);
  }
  const labelsOf = (id: string) => (byBlock.get(id) ?? []).map((l) => ({ role: l.role, text: l.text, x: r.x + shown.origin.x + l.x, y: r.y + shown.origin.y + l.y, width: l.width, height: l.height }));
  const { pills, thoughts } = scene;
  const columnOf = new Map(pills.lanes.map((l) => [l.opId, l.column]));
  const tags = new Map(pills.tags.map((t) => [t.lane, t.text]));
  const opsOf = (b: FarBlock): string[] => {
    const ids = b.kind === 'summary' ? b.members : b.kind === 'thought' ? [b.id] : [];
    const lanes = ids.length ? ids.map((id) => thoughts[id]?.opId ?? null) : b.lane.startsWith('column:') ? [] : [b.lane === INPUT_LANE ? null : b.lane];
    return [...new Set(lanes.map((op) => (op === null ? 'Input' : opLabel(op))))];
  };
  const out: DrawnBlock[] = [];
  for (const b of pills.blocks) {
    const rect = box(b);
    if (!visible(rect)) continue;
    const tag = tags.get(b.lane);
    out.push({
      id: b.id,
      kind: b.kind,
      final: b.kind === 'thought' && Boolean(scene.finals?.has(b.id)),
      lane: b.lane,
      column: columnOf.get(b.lane),
      ops: opsOf(b),
      ...(tag ? { tag } : {}),
      ...(b.kind === 'stack' ? { shadow: b.shadow } : b.kind === 'summary' ? { members: b.members.length } : {}),
      rect,
      labels: labelsOf(b.id),
    });
  }
  for (const h of pills.headers) {
    const rect = box(h);
    if (!visible(rect)) continue;
    const span = box({ x: h.tick, y: 0, width: PILL_LANE_WIDTH, height: 0 });
    const entries = h.entries.map((e) => ({ name: e.name, type: e.type, letter: e.letter, full: e.full, lines: e.lines.length }));
    out.push({ id: headerId(h), kind: 'header', final: false, column: h.column, rect, span: { x: span.x, width: span.width }, entries, labels: labelsOf(headerId(h)) });
  }
  for (const t of pills.tags) {
    const rect = box(t);
    if (visible(rect)) out.push({ id: `tag:${t.lane}`, kind: 'tag', final: false, lane: t.lane, tag: t.text, rect, labels: labelsOf(`tag:${t.lane}`) });
  }
  return out;
}

/** What hovering a block says: the operation that made it (as its column's header does) and its figures in words. */
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
 * of many as one summary block, a folded stack as a shadow with its "+n"), every edge, and each column's
 * operations named in a header band above (lanes that differ tagged on their left), drawn on one canvas instead of
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
        Object.assign(el, { drawnBlocks: () => drawnBlocks(el, drawn.shown, scene, (op) => opLabelOf(doc, op)) });
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
  }, [flow, scene, highlight, theme, doc]);
  // Hovering a block names its operation (a tooltip on the pane under the canvas, which takes no pointer events).
  useEffect(() => {
    const pane = canvas.current?.parentElement;
    if (!pane) return;
    const onMove = (e: MouseEvent) => {
      const [tx, ty, zoom] = flow.getState().transform;
      const r = pane.getBoundingClientRect();
      const p = { x: (e.clientX - r.left - tx) / zoom, y: (e.clientY - r.top - ty) / zoom };
      const b = blockAt(scene.pills, p);
      const h = b ? null : headerAt(scene.pills, p);
      // A header cut short to its room says its whole lines on hover.
      const title = b ? blockTitle(b, doc, scene.thoughts) : h ? h.entries.map((x) => x.full).join('\n') : '';
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
