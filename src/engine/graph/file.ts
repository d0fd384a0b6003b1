import type { z } from 'zod/mini';
import { pathText, type Diagnostic } from './diagnostics';
import { documentSchema, type GotDocument } from './document';
import { findJsonError } from './jsonError';
import { migrateDocument } from './migrations';

/** A parsed `.got.json` file: the document and what migrating it changed, or what is wrong with it. */
export type ParsedDocumentFile =
  | { ok: true; document: GotDocument; notes: string[]; diagnostics: Diagnostic[] }
  | { ok: false; document?: undefined; notes?: undefined; diagnostics: Diagnostic[] };

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function schemaDiagnostic(raw: Record<string, unknown>, issue: z.core.$ZodIssue): Diagnostic {
  const [head, index, ...rest] = issue.path;
  if (head === 'operations' && typeof index === 'number') {
    const ops = Array.isArray(raw.operations) ? raw.operations : [];
    const op = ops[index] as Record<string, unknown> | undefined;
    const id = typeof op?.id === 'string' && op.id ? op.id : `#${index + 1}`;
    const field = pathText(rest);
    const type = typeof op?.type === 'string' ? op.type : 'no type';
    const what =
      rest[0] === 'type' ? `unknown operation type ${JSON.stringify(op?.type ?? null)}` : `${field || 'the operation'}: ${issue.message}`;
    return {
      severity: 'error',
      code: rest[0] === 'type' ? 'unknown-type' : 'schema',
      message: `Operation '${id}' (${type}): ${what}`,
      opId: id,
      field: field || undefined,
    };
  }
  const field = pathText(issue.path);
  return { severity: 'error', code: 'schema', message: `${field || 'The file'}: ${issue.message}`, field: field || undefined };
}

/**
 * Reads a `.got.json` file's text: JSON syntax errors with line and column, a file of another
 * format said plainly, older versions migrated (see `notes`), newer versions refused, and schema
 * errors naming the operation (id and type) and the field.
 */
export function parseDocumentFile(text: string): ParsedDocumentFile {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '')
    return { ok: false, diagnostics: [{ severity: 'error', code: 'json-syntax', message: 'The file is empty.', line: 1, column: 1 }] };
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (err) {
    const found = findJsonError(source);
    const { line, column } = lineColumn(source, found?.offset ?? source.length);
    const detail = found?.message ?? (err as Error).message;
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'json-syntax',
          message: `The file is not valid JSON at line ${line}, column ${column}: ${detail}`,
          line,
          column,
        },
      ],
    };
  }
  return parseDocumentValue(raw);
}

/**
 * Checks an already-parsed document (one kept in browser storage, say) as a file is checked:
 * older versions migrated, newer refused, schema errors naming the operation and field.
 */
export function parseDocumentValue(raw: unknown): ParsedDocumentFile {
  const migrated = migrateDocument(raw);
  if (!migrated.ok) return { ok: false, diagnostics: migrated.diagnostics };
  const parsed = documentSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, diagnostics: parsed.error.issues.map((i) => schemaDiagnostic(migrated.value, i)) };
  const known = new Set(Object.keys(documentSchema.shape));
  const ignored = Object.keys(migrated.value).filter((k) => !known.has(k));
  const notes = [...migrated.notes];
  if (ignored.length) notes.push(`Ignored unknown field${ignored.length === 1 ? '' : 's'}: ${ignored.join(', ')}.`);
  return { ok: true, document: parsed.data, notes, diagnostics: [] };
}

/** Field names never written to a file, wherever they appear: a graph must not carry credentials. */
const SECRET_KEY = /^(api[-_]?key|secret|client[-_]?secret|password|passwd|authorization|auth[-_]?token|access[-_]?token|bearer)$/i;

function canonical(v: unknown, sortKeys: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => canonical(x, sortKeys));
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([k, x]) => x !== undefined && !SECRET_KEY.test(k));
    if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, x]) => [k, canonical(x, sortKeys)]));
  }
  return v;
}

const pick = (obj: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(keys.filter((k) => obj[k] !== undefined).map((k) => [k, obj[k]]));

/**
 * The document as `.got.json` text: fixed key order (parameters sorted by name), two-space
 * indentation, a final newline, and never a key, token or password field.
 */
export function serializeDocument(doc: GotDocument): string {
  const out = {
    ...pick(doc, ['format', 'version', 'title', 'description', 'task', 'scheme']),
    // The input keeps its key order: it is the user's data, shown as written.
    input: canonical(doc.input, false),
    ...(doc.dataset ? { dataset: pick(doc.dataset, ['file', 'loader', 'sample']) } : {}),
    operations: doc.operations.map((op) => ({
      ...pick(op, ['id', 'type', 'label']),
      inputs: [...op.inputs],
      params: canonical(op.params, true),
      ...(op.position ? { position: { x: op.position.x, y: op.position.y } } : {}),
    })),
    comments: doc.comments.map((c) => pick(c as unknown as Record<string, unknown>, ['id', 'text', 'position', 'width', 'height'])),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
