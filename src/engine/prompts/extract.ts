import type { JsonValue } from '../graph/specs';

/**
 * Low-level pieces for reading model answers: balanced `{…}`/`[…]` spans, the last number, and
 * lenient list items (models write `['a', 'b']` or `[1, 2, 3,]` as often as strict JSON).
 */

/** Balanced top-level spans opened by `open` and closed by `close`, in text order. Quoted strings are skipped. */
export function balancedSpans(text: string, open: '{' | '[', close: '}' | ']'): string[] {
  const spans: string[] = [];
  let depth = 0;
  let start = -1;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    // Only double quotes delimit strings here: apostrophes in prose would unbalance everything.
    if (ch === '"' && depth > 0) quote = ch;
    else if (ch === open) {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === close && depth > 0) {
      depth--;
      if (depth === 0) spans.push(text.slice(start, i + 1));
    }
  }
  return spans;
}

export type JsonObject = { [k: string]: JsonValue };

/** The first `{…}` in the text that is a JSON object (code fences and prose around it are ignored). */
export function firstJsonObject(text: string): { ok: true; value: JsonObject } | { ok: false; message: string } {
  const spans = balancedSpans(text, '{', '}');
  if (spans.length === 0) return { ok: false, message: 'expected a JSON object like {"key": "value"}; found none' };
  let firstError = '';
  for (const span of spans) {
    try {
      const value: unknown = JSON.parse(span);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { ok: true, value: value as JsonObject };
    } catch (err) {
      firstError ||= `found ${abbreviate(span)} but it is not valid JSON (${(err as Error).message})`;
    }
  }
  return { ok: false, message: `expected a JSON object like {"key": "value"}; ${firstError}` };
}

// A minus sign counts only where it cannot be a hyphen or a range dash (`2024-01`, `3-4`).
const NUMBER_RE = /(?:(?<![\w)\].])-)?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g;

/** Every number written in the text, in order. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER_RE)].map((m) => Number(m[0])).filter(Number.isFinite);
}

/** The last number written in the text, or null. */
export function lastNumber(text: string): number | null {
  const all = numbersIn(text);
  return all.length ? (all[all.length - 1] as number) : null;
}

function splitTopLevel(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] as string;
    if (quote) {
      cur += ch;
      if (ch === '\\' && i + 1 < inner.length) cur += inner[++i];
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    if (ch === '[' || ch === '{') depth++;
    if (ch === ']' || ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim());
}

function looseItem(raw: string): JsonValue {
  try {
    return JSON.parse(raw) as JsonValue;
  } catch {
    const quoted = /^'(.*)'$/s.exec(raw) ?? /^"(.*)"$/s.exec(raw);
    if (quoted) return quoted[1] as string;
    if (raw.startsWith('[') && raw.endsWith(']')) return looseList(raw);
    return raw;
  }
}

/** Reads `[…]` as strict JSON when it is, otherwise item by item (single quotes, bare words, a trailing comma). */
export function looseList(span: string): JsonValue[] {
  try {
    const v: unknown = JSON.parse(span);
    if (Array.isArray(v)) return v as JsonValue[];
  } catch {
    // fall through to the lenient reading
  }
  const inner = span.slice(1, -1).trim();
  if (inner === '') return [];
  const parts = splitTopLevel(inner);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map(looseItem);
}

export function abbreviate(s: string, max = 40): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
