import { expect, type Locator } from '@playwright/test';
import type { DrawnBlock } from '../../src/ui/thoughts/GrsOverview';

/** A block, header or tag as the far level's canvas says it drew it (its `drawnBlocks()` hook, viewport CSS px). */
export type FarDrawn = DrawnBlock;

export type Rect = { x: number; y: number; width: number; height: number };
/** Whether two boxes share more than half a pixel each way. */
export const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

export const farDrawn = (grs: Locator): Promise<FarDrawn[]> =>
  grs.getByTestId('grs-overview').evaluate((el) => (el as unknown as { drawnBlocks: () => FarDrawn[] }).drawnBlocks());

/**
 * Whether a header entry's name names an operation's label: the label itself, the label repeated
 * ("Refine the merge ×4"), or a range over its part number ("Solve List 1–8" names "Solve List 3").
 */
export function namesOperation(name: string, label: string): boolean {
  if (name === label || name.replace(/ ×\d+$/, '') === label) return true;
  const parts = name.split(/(\d+–\d+)/);
  const ranges = parts.filter((_, i) => i % 2 === 1).map((r) => r.split('–').map(Number) as [number, number]);
  if (!ranges.length) return false;
  const pattern = new RegExp(`^${parts.map((p, i) => (i % 2 === 1 ? '(\\d+)' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`);
  const m = pattern.exec(label);
  return Boolean(m && ranges.every(([lo, hi], i) => Number(m[i + 1]) >= lo && Number(m[i + 1]) <= hi));
}

/**
 * Every pill, summary and stack drawn lies under its column's header, which names each operation that
 * made it (and, where the column's lanes differ, the lane's tag points at its entry and part); every
 * header and tag is ≥ 10 px, each header entry its full line (wrapped onto short lines at its spaces) or
 * that line cut with "…" (the whole on hover), over no other header text, tag or block, and at a fit inside the pane.
 * Returns how many header entries are drawn in full, of how many.
 */
export async function expectHeadersNameEveryBlock(grs: Locator, fit = false): Promise<{ full: number; lines: number }> {
  const drawn = await farDrawn(grs);
  const pane = (await grs.boundingBox())!;
  const headers = drawn.filter((d) => d.kind === 'header');
  const blocks = drawn.filter((d) => d.kind === 'thought' || d.kind === 'summary' || d.kind === 'stack');
  expect(headers.length, 'headers drawn').toBeGreaterThan(0);
  let full = 0;
  let lines = 0;
  for (const h of headers) {
    const texts = h.labels.filter((l) => l.role === 'operation');
    expect(texts.length, `${h.id} lines`).toBe(h.entries!.reduce((n, e) => n + e.lines, 0));
    let next = 0;
    for (const entry of h.entries!) {
      // An entry wraps onto one or more lines (its words in order), or is one line cut with "…".
      const own = texts.slice(next, (next += entry.lines));
      for (const t of own) {
        expect(t.height, `${h.id} "${t.text}" type`).toBeGreaterThanOrEqual(10);
        if (fit) expect(t.x >= pane.x - 0.5 && t.x + t.width <= pane.x + pane.width + 0.5 && t.y >= pane.y - 0.5, `${h.id} "${t.text}" inside the pane`).toBe(true);
      }
      const text = own.map((t) => t.text).join(' ');
      const cut = text.split('…')[0]!;
      expect(text === entry.full || (own.length === 1 && text.includes('…') && entry.full.startsWith(cut)), `${h.id}: "${text}" is "${entry.full}" or cut from it`).toBe(true);
      lines += 1;
      if (text === entry.full) full += 1;
    }
  }
  // No header line over another, over a tag or over a block.
  const texts = headers.flatMap((h) => h.labels.filter((l) => l.role === 'operation').map((l) => ({ ...l, id: h.id })));
  for (let i = 0; i < texts.length; i += 1) for (let j = i + 1; j < texts.length; j += 1) expect(overlap(texts[i]!, texts[j]!), `"${texts[i]!.text}" / "${texts[j]!.text}"`).toBe(false);
  for (const t of texts) for (const b of [...blocks, ...drawn.filter((d) => d.kind === 'tag')]) expect(overlap(t, b.rect), `"${t.text}" over ${b.id}`).toBe(false);
  for (const t of drawn.filter((d) => d.kind === 'tag')) for (const l of t.labels) expect(l.height, `${t.id} type`).toBeGreaterThanOrEqual(10);
  for (const b of blocks) {
    // Blocks mostly off the pane (panned past its side) have their header off it too.
    const cx = b.rect.x + b.rect.width / 2;
    if (b.rect.y + b.rect.height <= pane.y || b.rect.y >= pane.y + pane.height || cx < pane.x || cx > pane.x + pane.width) continue;
    const h = headers.find((x) => x.column === b.column);
    expect(h, `${b.id} has its column's header on screen`).toBeTruthy();
    expect(b.rect.x, `${b.id} under ${h!.id}`).toBeGreaterThanOrEqual(h!.span!.x - 0.5);
    expect(b.rect.x, `${b.id} under ${h!.id}`).toBeLessThanOrEqual(h!.span!.x + h!.span!.width);
    expect(h!.rect.y + h!.rect.height, `${h!.id} above ${b.id}`).toBeLessThanOrEqual(b.rect.y + 0.5);
    for (const op of b.ops ?? []) {
      const entry = h!.entries!.find((e) => namesOperation(e.name, op));
      expect(entry, `${h!.id} [${h!.entries!.map((e) => e.name).join(' / ')}] names "${op}" of ${b.id}`).toBeTruthy();
      if (b.tag) {
        // "B2": the entry lettered B, its part 2; "3": part 3 of the column's one entry.
        const [, letter, part] = /^([A-Z]?)(\d*)$/.exec(b.tag) ?? [];
        if (letter) expect(entry!.letter, `${b.id} tag ${b.tag}`).toBe(letter);
        if (part) expect(op.split(/(\d+)/).includes(part), `${b.id} tag ${b.tag} is a part of "${op}"`).toBe(true);
      }
    }
  }
  return { full, lines };
}

/** What the card level shows of its operations' names: its header band (when drawn), the lanes' heads and the cards, in viewport px. */
const cardLevelNames = (grs: Locator) =>
  grs.evaluate((root) => {
    const rect = (el: Element) => el.getBoundingClientRect().toJSON() as Rect;
    const zoom = new DOMMatrix(getComputedStyle(root.querySelector('.react-flow__viewport') as HTMLElement).transform).a;
    const band = root.querySelector('[data-testid="card-band"]');
    const headers = [...root.querySelectorAll<HTMLElement>('[data-testid="card-header"]')].map((h) => ({
      tick: rect(h.querySelector('[data-testid="card-header-tick"]') as Element).x,
      lines: [...h.querySelectorAll<HTMLElement>('[data-testid="card-header-line"]')].map((l) => {
        // A line reads "[letter ]name[ · type]" (farHeaders.ts's columnEntries).
        const full = l.dataset.full ?? '';
        const [, letter = '', name = '', type = ''] = /^(?:([A-Z]) )?(.*?)(?: · ([^·]+))?$/.exec(full) ?? [];
        // An entry wrapped onto several lines reads as its words in order.
        return { text: (l.textContent ?? '').replace(/\n/g, ' '), lines: (l.textContent ?? '').split('\n').length, title: l.title, full, name, type, letter, rect: rect(l) };
      }),
    }));
    const shown = (el: Element | null) => Boolean(el?.checkVisibility());
    // Whether what an element shows (its text, or its box where the text overflows it and ends in an ellipsis) runs past
    // an ancestor that clips what it paints (overflow, or paint containment, which cuts mid-word without an ellipsis):
    // the DOM then says "whole" while the screen shows it cut.
    const paintedPast = (el: HTMLElement): boolean => {
      const text = document.createRange();
      text.selectNodeContents(el);
      const right = el.scrollWidth > el.clientWidth + 1 ? el.getBoundingClientRect().right : text.getBoundingClientRect().right;
      for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if ((cs.overflowX !== 'visible' || /paint|strict|content/.test(cs.contain)) && right > a.getBoundingClientRect().right + 0.5) return true;
      }
      return false;
    };
    const lanes = [...root.querySelectorAll<HTMLElement>('.grs-lane')].map((el) => {
      const label = el.querySelector('.grs-lane-label') as HTMLElement;
      const clipped = shown(label) && paintedPast(label);
      const type = el.querySelector('.grs-lane-type') as HTMLElement;
      const tag = el.querySelector('.grs-lane-tag');
      return {
        id: el.dataset.testid ?? '',
        title: (el.querySelector('.grs-lane-head') as HTMLElement).title,
        rect: rect(el),
        label: shown(label)
          ? { rect: rect(label), cut: label.scrollWidth > label.clientWidth + 1 || clipped, clipped, text: label.textContent ?? '', px: parseFloat(getComputedStyle(label).fontSize) * zoom }
          : null,
        type: shown(type) ? { px: parseFloat(getComputedStyle(type).fontSize) * zoom } : null,
        tag: tag && shown(tag) ? { text: tag.textContent ?? '', rect: rect(tag) } : null,
      };
    });
    const cards = [...root.querySelectorAll('.react-flow__node-thought')].map((el) => ({ id: el.getAttribute('data-id') ?? '', rect: rect(el) }));
    const furniture = [...root.querySelectorAll('.grs-toolbar, .grs-key, .grs-legend, .react-flow__controls')].map(rect);
    return { pane: rect(root.querySelector('.react-flow') as Element), band: band ? rect(band) : null, headers, lanes, cards, furniture };
  });

/**
 * Every lane's head on screen shows its label ≥ 10 px, whole or cut with an ellipsis in its own box: never clipped
 * mid-word by what its node paints (the Split view, whose Operations view names the operations, lets a head cut a
 * long label where the pane is short).
 */
export async function expectLaneHeadsUncut(grs: Locator, where: string): Promise<number> {
  const { pane, lanes } = await cardLevelNames(grs);
  const onScreen = lanes.filter((l) => l.label && overlap(l.label.rect, pane));
  for (const l of onScreen) {
    expect(l.label!.clipped, `${where}: ${l.id}'s label "${l.label!.text}" ends on screen with its text or an ellipsis`).toBe(false);
    expect(l.label!.px, `${where}: ${l.id}'s label ≥ 10 px`).toBeGreaterThanOrEqual(10);
  }
  return onScreen.filter((l) => !l.label!.cut).length;
}

/**
 * Every card on screen (below the header band) can be named without hovering: its lane's head shows its
 * label and type whole (≥ 10 px), or a header of the band above, on its column's tick, names its
 * operation (the full line, or cut with "…" and the whole on hover) with its tag in the lane's head where
 * the column's lanes differ. Header lines are ≥ 10 px tall, overlap neither one another nor the canvas's
 * furniture, and at a whole-graph fit lie inside the pane; a column starting on screen has its header end
 * inside the pane. Returns how many entries of those columns show in full (wrapped or not), of how many.
 */
export async function expectCardsNamed(grs: Locator, where: string, fit = false): Promise<{ full: number; lines: number }> {
  const { pane, band, headers, lanes, cards, furniture } = await cardLevelNames(grs);
  const visible = cards.filter((c) => overlap(c.rect, pane) && (!band || c.rect.y + c.rect.height > band.y + band.height));
  expect(visible.length, `${where}: cards on screen`).toBeGreaterThan(0);
  const lines = headers.flatMap((h) => h.lines);
  // The headers of the columns that start on screen: each ends inside the pane, whether the graph runs past it or not.
  const shown = headers.filter((h) => h.tick >= pane.x - 0.5 && h.tick < pane.x + pane.width).flatMap((h) => h.lines);
  for (const l of shown) expect(l.rect.x + l.rect.width, `${where}: "${l.text}" ends inside the pane`).toBeLessThanOrEqual(pane.x + pane.width + 0.5);
  for (const l of lines) {
    expect(l.rect.height, `${where}: "${l.text}" box`).toBeGreaterThanOrEqual(10 * l.lines);
    const cut = l.text.split('…')[0]!;
    expect(l.text === l.full || (l.lines === 1 && l.text.includes('…') && l.full.startsWith(cut) && l.title === l.full), `${where}: "${l.text}" is "${l.full}" or cut from it`).toBe(true);
    if (fit) expect(l.rect.x >= pane.x - 0.5 && l.rect.x + l.rect.width <= pane.x + pane.width + 0.5 && l.rect.y >= pane.y, `${where}: "${l.text}" inside the pane`).toBe(true);
    for (const f of furniture) expect(overlap(l.rect, f), `${where}: "${l.text}" clear of the canvas's furniture`).toBe(false);
  }
  for (let i = 0; i < lines.length; i += 1)
    for (let j = i + 1; j < lines.length; j += 1) expect(overlap(lines[i]!.rect, lines[j]!.rect), `${where}: "${lines[i]!.text}" / "${lines[j]!.text}"`).toBe(false);
  for (const c of visible) {
    const cx = c.rect.x + c.rect.width / 2;
    const cy = c.rect.y + c.rect.height / 2;
    const lane = lanes.find((l) => cx >= l.rect.x && cx <= l.rect.x + l.rect.width && cy >= l.rect.y && cy <= l.rect.y + l.rect.height);
    expect(lane, `${where}: ${c.id} in a lane`).toBeTruthy();
    const [, label, type] = /^(.*) \(([^()]*)\)$/.exec(lane!.title) ?? [];
    if (!band) {
      expect(lane!.label && !lane!.label.cut && lane!.label.rect.height >= 10 && lane!.label.px >= 10, `${where}: ${lane!.id}'s label "${label}" whole and ≥ 10 px`).toBe(true);
      if (lane!.title !== 'Input (the run’s input)') expect(lane!.type?.px ?? 0, `${where}: ${lane!.id}'s type ≥ 10 px`).toBeGreaterThanOrEqual(10);
      continue;
    }
    const header = headers.find((h) => Math.abs(h.tick - lane!.rect.x) <= 1.5);
    expect(header, `${where}: ${c.id}'s column (${lane!.id}) has a header on its tick`).toBeTruthy();
    const line = header!.lines.find((l) => (label === 'Input' ? l.name === 'Input' : namesOperation(l.name, label!) && l.type === type));
    expect(line, `${where}: [${header!.lines.map((l) => l.full).join(' / ')}] names "${label}" (${type}) of ${c.id}`).toBeTruthy();
    expect(line!.rect.y + line!.rect.height, `${where}: "${line!.text}" above ${c.id}`).toBeLessThanOrEqual(c.rect.y + c.rect.height);
    if (lane!.tag) {
      expect(lane!.tag.rect.height, `${where}: ${lane!.id}'s tag`).toBeGreaterThanOrEqual(10);
      const [, letter, part] = /^([A-Z]?)(\d*)$/.exec(lane!.tag.text) ?? [];
      if (letter) expect(line!.letter, `${where}: ${lane!.id} tag ${lane!.tag.text}`).toBe(letter);
      if (part) expect(label!.split(/(\d+)/).includes(part), `${where}: ${lane!.id} tag ${lane!.tag.text} is a part of "${label}"`).toBe(true);
    } else {
      // Without a tag the line names this operation alone: no range over parts, no letter among several lines.
      expect(/\d–\d/.test(line!.name) || line!.letter !== '', `${where}: ${lane!.id} needs no tag to be told from "${line!.full}"`).toBe(false);
    }
  }
  return { full: shown.filter((l) => l.text === l.full).length, lines: shown.length };
}
