import { expect, type Locator } from '@playwright/test';
import type { DrawnBlock } from '../../src/ui/thoughts/GrsOverview';

/** A block, header or tag as the far level's canvas says it drew it (its `drawnBlocks()` hook, viewport CSS px). */
export type FarDrawn = DrawnBlock;

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
 * header and tag is ≥ 10 px, its text the full line or that line cut with "…" (the whole on hover).
 * Returns how many header lines are drawn in full, of how many.
 */
export async function expectHeadersNameEveryBlock(grs: Locator): Promise<{ full: number; lines: number }> {
  const drawn = await farDrawn(grs);
  const pane = (await grs.boundingBox())!;
  const headers = drawn.filter((d) => d.kind === 'header');
  const blocks = drawn.filter((d) => d.kind === 'thought' || d.kind === 'summary' || d.kind === 'stack');
  expect(headers.length, 'headers drawn').toBeGreaterThan(0);
  let full = 0;
  let lines = 0;
  for (const h of headers) {
    const texts = h.labels.filter((l) => l.role === 'operation');
    expect(texts.length, `${h.id} lines`).toBe(h.entries!.length);
    texts.forEach((t, i) => {
      const entry = h.entries![i]!;
      expect(t.height, `${h.id} "${t.text}" type`).toBeGreaterThanOrEqual(10);
      const cut = t.text.split('…')[0]!;
      expect(t.text === entry.full || (t.text.includes('…') && entry.full.startsWith(cut)), `${h.id}: "${t.text}" is "${entry.full}" or cut from it`).toBe(true);
      lines += 1;
      if (t.text === entry.full) full += 1;
    });
  }
  for (const t of drawn.filter((d) => d.kind === 'tag')) for (const l of t.labels) expect(l.height, `${t.id} type`).toBeGreaterThanOrEqual(10);
  for (const b of blocks) {
    if (b.rect.y + b.rect.height <= pane.y || b.rect.y >= pane.y + pane.height) continue;
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
