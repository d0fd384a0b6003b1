import type { GotDocument } from '../engine/index';

/** One piece of user JavaScript in a graph: where it sits and what it says. */
export interface DocumentCode {
  opId: string;
  /** The operation's label as the canvas shows it. */
  label: string;
  /** The parameter that holds it, e.g. `scorer` or `selector`. */
  field: string;
  code: string;
}

const isJs = (v: unknown): v is { kind: 'js'; code: string } =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'js' && typeof (v as { code?: unknown }).code === 'string';

/** Every JavaScript function in a graph's operations, in operation order. */
export function listDocumentCode(doc: GotDocument): DocumentCode[] {
  const found: DocumentCode[] = [];
  const walk = (op: GotDocument['operations'][number], value: unknown, field: string): void => {
    if (isJs(value)) found.push({ opId: op.id, label: op.label || op.type, field, code: value.code });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(op, v, `${field}[${i}]`));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(op, v, field ? `${field}.${k}` : k);
  };
  for (const op of doc.operations) walk(op, op.params, '');
  return found;
}

/** The one line the CLI prints about a graph's JavaScript; null when it has none. */
export function sandboxedCodeNote(doc: GotDocument): string | null {
  const n = listDocumentCode(doc).length;
  if (n === 0) return null;
  return `This graph contains ${n} JavaScript function${n === 1 ? '' : 's'}; ${n === 1 ? 'it runs' : 'they run'} sandboxed (QuickJS: no network, files or environment; time, memory and stack limits).`;
}
