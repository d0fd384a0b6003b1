/** Reading the data out of the Studio's own prompts: labelled lists, tagged blocks, JSON. */

/** The numbers of the last line `Label: [..]` (the examples come first, the real data last). */
export function lastLabeledList(text: string, label: string): number[] | null {
  const re = new RegExp(`^${label}:[ \\t]*\\[([^\\]\\n]*)\\]`, 'gm');
  let last: string | undefined;
  for (const m of text.matchAll(re)) last = m[1];
  if (last === undefined) return null;
  const items = last.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const numbers = items.map(Number);
  return numbers.every(Number.isFinite) ? numbers : null;
}

/** Every `List n: [..]` line, keeping the last occurrence of each n, in order of n. */
export function numberedLists(text: string, label: string): number[][] {
  const byIndex = new Map<number, number[]>();
  const re = new RegExp(`^${label} (\\d+):[ \\t]*\\[([^\\]\\n]*)\\]`, 'gm');
  for (const m of text.matchAll(re)) {
    const items = (m[2] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
    if (items.every(Number.isFinite)) byIndex.set(Number(m[1]), items);
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** The content of the last `<Tag>…</Tag>` block, trimmed. */
export function lastTagged(text: string, tag: string): string | null {
  const re = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g');
  let last: string | undefined;
  for (const m of text.matchAll(re)) last = m[1];
  return last === undefined ? null : last.trim();
}

/** Every `<TagN>…</TagN>` block (N = 1, 2, …), last occurrence of each, in order of N. */
export function numberedTagged(text: string, tag: string): string[] {
  const byIndex = new Map<number, string>();
  for (const m of text.matchAll(new RegExp(`<${tag}(\\d+)>([\\s\\S]*?)</${tag}\\1>`, 'g'))) byIndex.set(Number(m[1]), (m[2] ?? '').trim());
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** A JSON value following the last `Label:` (up to the end of that line), or null. */
export function lastLabeledJson(text: string, label: string): unknown {
  const re = new RegExp(`^${label}:[ \\t]*(.+)$`, 'gm');
  let last: string | undefined;
  for (const m of text.matchAll(re)) last = m[1];
  if (last === undefined) return null;
  try {
    return JSON.parse(last);
  } catch {
    return null;
  }
}

/** A count-per-name object, or null. */
export function asCounts(value: unknown): Record<string, number> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'number') return null;
    out[k] = v;
  }
  return out;
}

export const formatList = (xs: readonly number[]): string => `[${xs.join(', ')}]`;
