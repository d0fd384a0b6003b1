import type { z } from 'zod/mini';
import { opName, pathText, type Diagnostic } from './diagnostics';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The known name closest to a misspelt one, if any is close enough to be a likely typo. */
export function nearestName(name: string, known: Iterable<string>): string | undefined {
  let best: { name: string; d: number } | undefined;
  const lower = name.toLowerCase();
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d <= Math.max(2, Math.floor(k.length / 3)) && (!best || d < best.d)) best = { name: k, d };
  }
  return best?.name;
}

// The schema's own field names at the top level (zod objects expose `shape`), so optional fields left out still count as known.
function topLevelNames(schema: z.ZodMiniType): string[] {
  const shape = (schema as { shape?: unknown }).shape;
  return isPlainObject(shape) ? Object.keys(shape) : [];
}

/**
 * Warnings for parameters the operation's schema does not know. The schema drops them silently
 * (zod objects strip unknown keys), so they are found by comparing what was written with what parsed.
 */
export function unknownParamDiagnostics(type: string, opId: string, schema: z.ZodMiniType, written: unknown, parsed: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (raw: unknown, kept: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(raw) && Array.isArray(kept) && raw.length === kept.length) {
      raw.forEach((item, i) => walk(item, kept[i], [...path, i]));
      return;
    }
    if (!isPlainObject(raw) || !isPlainObject(kept)) return;
    for (const name in raw) {
      if (Object.hasOwn(kept, name)) walk(raw[name], kept[name], [...path, name]);
      else {
        const field = pathText([...path, name]);
        const known = path.length === 0 ? [...topLevelNames(schema), ...Object.keys(kept)] : Object.keys(kept);
        const guess = nearestName(name, known);
        out.push({
          severity: 'warning',
          code: 'param-unknown',
          message: `${opName(type, opId)}: unknown parameter ${field}${guess ? ` (did you mean ${pathText([...path, guess])}?)` : ''}; it is ignored`,
          opId,
          field,
        });
      }
    }
  };
  walk(written, parsed, []);
  return out;
}
