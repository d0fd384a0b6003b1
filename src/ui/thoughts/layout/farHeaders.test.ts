import { describe, expect, it } from 'vitest';
import { columnEntries, fitLine, HEADER_LINE, placeHeaders, type HeaderText } from './farHeaders';

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
    expect(headers[3]!.entries[0]!.text).toBe(headers[3]!.entries[0]!.full);
  });
});
