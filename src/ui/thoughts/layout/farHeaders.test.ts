import { describe, expect, it } from 'vitest';
import { columnEntries, fitLine, HEADER_LINE, isWhole, placeHeaders, wrapLine, type FarHeader, type HeaderText } from './farHeaders';

const names: Record<string, { label: string; type: string }> = {
  a: { label: 'Merge pair 1 (level 2, 10 tries)', type: 'Aggregate' },
  b: { label: 'Merge pair 2 (level 2, 10 tries)', type: 'Aggregate' },
  r1: { label: 'Refine the merge', type: 'Generate' },
  r2: { label: 'Refine the merge', type: 'Generate' },
};
const text: HeaderText = { name: (op) => names[op] ?? { label: op, type: 'Generate' }, measure: (s) => s.length * 6 };

describe('the far level’s header lines', () => {
  it('name alike operations once: a range over their part numbers, or "×n" when their labels are the same', () => {
    expect(columnEntries(['a', 'b'], text).map((e) => e.full)).toEqual(['Merge pair 1–2 (level 2, 10 tries) · Aggregate']);
    expect(columnEntries(['r1', 'r2', 'a'], text).map((e) => e.full)).toEqual(['A Refine the merge ×2 · Generate', 'B Merge pair 1 (level 2, 10 tries) · Aggregate']);
  });

  it('cut a line short with "…", keeping the type while enough of the label is left to know it by', () => {
    const [entry] = columnEntries(['a'], text);
    expect(fitLine(entry!, 1000, text.measure)).toBe(entry!.full);
    expect(fitLine(entry!, 150, text.measure)).toBe('Merge pair 1… · Aggregate');
    expect(fitLine(entry!, 60, text.measure)).toBe('Merge pai…');
  });

  it('stack headers from the right so none covers another column’s tick, within the rows it is given', () => {
    const columns = [0, 1, 2, 3].map((c) => ({ column: c, x: c * 55, lanes: [{ id: `op${c}`, ops: [`op${c}`] }], entries: columnEntries([`a long operation name ${c}`], text) }));
    const { headers, band } = placeHeaders(columns, text, 3, 1000);
    expect(band).toBeLessThanOrEqual(3 * HEADER_LINE + 4);
    for (const h of headers) for (const o of headers) if (o.x < h.tick && o.x + o.width > h.tick) expect(o.y + o.height, `${o.column} over ${h.column}'s tick`).toBeLessThanOrEqual(h.y);
    // The last column's header runs right over nothing: it is shown in full.
    expect(headers[3]!.entries[0]!.lines).toEqual([headers[3]!.entries[0]!.full]);
  });

  it('wrap a line at its spaces, never inside a word, the type’s "·" kept with the type', () => {
    expect(wrapLine('Merge pair 1 (level 2, 10 tries) · Aggregate', 110, text.measure)).toEqual(['Merge pair 1', '(level 2, 10', 'tries) · Aggregate']);
    expect(wrapLine('Refine the merge · Generate', 60, text.measure)).toEqual(['Refine the', 'merge', '· Generate']);
    expect(wrapLine('Refine the merge · Generate', 50, text.measure)).toBeNull();
  });

  it('wrap headers that would be cut on one line, each whole, none over another or another column’s tick, all inside the room', () => {
    // Eleven columns 110 px apart: on one line each header runs over the next two ticks, a stair 11 rows high; wrapped, 3 rows hold them.
    const columns = Array.from({ length: 11 }, (_, c) => ({ column: c, x: c * 110, lanes: [{ id: `op${c}`, ops: [`op${c}`] }], entries: columnEntries([`a long operation name ${c}`], text) }));
    const { headers, band } = placeHeaders(columns, text, 3, 1300);
    expect(band).toBeLessThanOrEqual(3 * HEADER_LINE + 4);
    const entries = headers.flatMap((h) => h.entries);
    expect(entries.every(isWhole)).toBe(true);
    expect(entries.some((e) => e.lines.length > 1)).toBe(true);
    // Every column named once, by its own header.
    expect(headers.map((h) => h.entries.flatMap((e) => e.ops))).toEqual(columns.map((c) => c.entries.flatMap((e) => e.ops)));
    const overlaps = (a: FarHeader, b: FarHeader) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const h of headers) {
      expect(h.x).toBeGreaterThanOrEqual(0);
      expect(h.x + h.width).toBeLessThanOrEqual(1300);
      // Its lines are drawn within its box.
      expect(Math.max(...h.entries.flatMap((e) => e.lines).map(text.measure))).toBeLessThanOrEqual(h.width);
      expect(h.height).toBe(h.entries.reduce((n, e) => n + e.lines.length, 0) * HEADER_LINE);
      for (const o of headers) {
        if (o === h) continue;
        expect(overlaps(h, o), `${h.column} / ${o.column}`).toBe(false);
        // A tick runs from its header (or, for a text starting left of it, the text's foot) down to the band's foot.
        const top = h.x < h.tick ? h.y + h.height : h.y;
        if (o.x <= h.tick && o.x + o.width >= h.tick) expect(o.y + o.height, `${o.column} over ${h.column}'s tick`).toBeLessThanOrEqual(top);
      }
    }
  });
});
