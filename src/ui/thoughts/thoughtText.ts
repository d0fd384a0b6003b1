import type { JsonValue, ThoughtState } from '../../engine/index';

/** Keys shown first when a card summarises a state: what the tasks' answers are kept under. */
const PREFERRED = ['current', 'answer', 'merged', 'document', 'value', 'result'];

function render(v: JsonValue): string {
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** The line a card shows for a state: its answer key if it has one, else the first value. */
export function thoughtText(state: ThoughtState): string {
  for (const k of PREFERRED) {
    const v = state[k];
    if (v !== undefined && v !== null && v !== '') return render(v);
  }
  const first = Object.entries(state).find(([, v]) => v !== null && v !== '');
  return first ? `${first[0]}: ${render(first[1])}` : '(empty state)';
}

/** Compact numbers for cards: 1234 → 1.2k. */
export function compact(n: number): string {
  if (Math.abs(n) >= 10_000) return `${Math.round(n / 1000)}k`;
  if (Math.abs(n) >= 1000) return `${(n / 1000).toFixed(1)}k`;
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** Milliseconds as a short duration. */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Dollars with enough digits for fractions of a cent. */
export function dollars(v: number): string {
  if (v === 0) return '$0';
  if (v < 0.01) return `$${v.toFixed(5)}`;
  return `$${v.toFixed(v < 1 ? 4 : 2)}`;
}

/** Token counts as whole tokens: a thought's share of a call can be fractional, but nobody reads "20.9 in". */
export function tokens(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A state as JSON with one key per line and each value on one line (lists stay readable). */
export function stateJson(state: Record<string, unknown>): string {
  const lines = Object.entries(state).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return lines.length ? `{\n${lines.join(',\n')}\n}` : '{}';
}
