/** Plain-text tables and number formats for terminal reports (pure). */

export type Align = 'left' | 'right';

/** Lays out rows under headers with two spaces between columns; numbers-like columns align right. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => ((align?.[c] ?? 'left') === 'right' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** A number with at most `digits` decimals, trailing zeros dropped; `—` for null/NaN. */
export function num(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return String(Number(value.toFixed(digits)));
}

/** Dollars: `$0.0123`, more decimals for tiny amounts. */
export function dollars(value: number): string {
  if (value === 0) return '$0';
  return `$${value < 0.01 ? value.toFixed(5) : value.toFixed(4)}`;
}

/** Milliseconds as `850 ms` or `12.3 s`. */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Thousands separated integer (`9,129`). Not toLocaleString: its first call loads ICU's locale data, ~17 ms of a CLI command. */
export function count(value: number): string {
  const rounded = Math.round(value);
  if (!Number.isFinite(rounded)) return String(rounded);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${digits}` : digits;
}

/** `yes`, `no` or `—`. */
export function yesNo(value: boolean | null): string {
  return value === null ? '—' : value ? 'yes' : 'no';
}

/** One CSV field, quoted when needed (RFC 4180). */
export function csvField(value: string | number | boolean | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
