import { OPERATION_TYPES } from '../operations/definition';
import type { Diagnostic } from './diagnostics';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from './document';

/** A migrated raw document (still to be checked against the schema), or why it cannot be read. */
export type MigrationResult = { ok: true; value: Record<string, unknown>; notes: string[] } | { ok: false; diagnostics: Diagnostic[] };

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

const fail = (code: string, message: string): MigrationResult => ({ ok: false, diagnostics: [{ severity: 'error', code, message }] });

const TYPE_BY_SQUASHED = new Map(OPERATION_TYPES.map((t) => [t.toLowerCase(), t]));

/** `KeepBestN`, `keep_best_n` and `Keep Best N` all name `keepBestN`. */
export function normalizeOperationType(type: unknown): unknown {
  if (typeof type !== 'string') return type;
  return TYPE_BY_SQUASHED.get(type.replace(/[^A-Za-z0-9]/g, '').toLowerCase()) ?? type;
}

/**
 * Version 1 (and plain node/edge exports such as React Flow's): `nodes` with `{id, type, params,
 * position}` and `edges` with `{source, target}`. Version 2 keeps each operation's inputs on the
 * operation, ordered as the edges were listed.
 */
function v1ToV2(raw: Raw): { value: Raw; notes: string[] } {
  const nodes = Array.isArray(raw.nodes) ? raw.nodes : [];
  const edges = Array.isArray(raw.edges) ? raw.edges : [];
  const notes: string[] = [];
  const operations: Raw[] = [];
  const comments: Raw[] = [];
  const byId = new Map<string, Raw>();
  for (const node of nodes) {
    if (!isObject(node)) continue;
    const data = isObject(node.data) ? node.data : {};
    const type = normalizeOperationType(node.type ?? data.type);
    if (type === 'comment' || node.type === 'comment') {
      comments.push({ id: String(node.id), text: String(data.text ?? node.text ?? ''), position: node.position ?? { x: 0, y: 0 } });
      continue;
    }
    // Exports that keep parameters flat in `data` (beside a label) are read the same way.
    const { label: _l, type: _t, text: _x, params: _p, ...flat } = data;
    const params = isObject(node.params) ? node.params : isObject(data.params) ? data.params : flat;
    const label = node.label ?? data.label;
    const op: Raw = { id: node.id, type, inputs: [], params };
    if (typeof label === 'string') op.label = label;
    if (isObject(node.position)) op.position = node.position;
    operations.push(op);
    if (typeof node.id === 'string') byId.set(node.id, op);
  }
  let dropped = 0;
  for (const edge of edges) {
    if (!isObject(edge)) continue;
    const source = edge.source ?? edge.from;
    const target = edge.target ?? edge.to;
    const op = typeof target === 'string' ? byId.get(target) : undefined;
    if (!op || typeof source !== 'string') {
      dropped++;
      continue;
    }
    (op.inputs as string[]).push(source);
  }
  const { nodes: _n, edges: _e, ...rest } = raw;
  notes.push(
    `Converted a version 1 node/edge list: ${operations.length} node${operations.length === 1 ? '' : 's'} became operations and ${edges.length - dropped} edge${edges.length - dropped === 1 ? '' : 's'} became ordered inputs (in the order the edges were listed).`,
  );
  if (comments.length) notes.push(`${comments.length} comment node${comments.length === 1 ? '' : 's'} became canvas comments.`);
  if (dropped) notes.push(`Dropped ${dropped} edge${dropped === 1 ? '' : 's'} whose target is not a node in the file.`);
  const existing = Array.isArray(rest.comments) ? rest.comments : [];
  return { value: { ...rest, format: DOCUMENT_FORMAT, version: 2, operations, comments: [...existing, ...comments] }, notes };
}

/** Migration from version N to N + 1, by N. */
const MIGRATIONS: Record<number, (raw: Raw) => { value: Raw; notes: string[] }> = { 1: v1ToV2 };

/**
 * Brings a parsed `.got.json` (or a plain node/edge export) up to DOCUMENT_VERSION. Refuses a file
 * of another format and one from a newer GoT Studio; `notes` say what was changed.
 */
export function migrateDocument(raw: unknown): MigrationResult {
  if (!isObject(raw)) {
    return fail(
      'foreign-file',
      `This is not a GoT Studio graph: expected a JSON object with "format": "${DOCUMENT_FORMAT}", found ${Array.isArray(raw) ? 'a list' : raw === null ? 'null' : `a ${typeof raw}`}.`,
    );
  }
  const notes: string[] = [];
  let doc: Raw = raw;
  if (raw.format === undefined) {
    if (!Array.isArray(raw.nodes) || !Array.isArray(raw.edges)) {
      return fail(
        'foreign-file',
        `This is not a GoT Studio graph: it has no "format": "${DOCUMENT_FORMAT}" field and no nodes/edges lists to import.`,
      );
    }
    notes.push('The file has no "format" field: it was read as a plain node/edge export.');
    doc = { ...raw, format: DOCUMENT_FORMAT, version: 1 };
  } else if (raw.format !== DOCUMENT_FORMAT) {
    return fail('foreign-file', `This is not a GoT Studio graph: its format is ${JSON.stringify(raw.format)}, not "${DOCUMENT_FORMAT}".`);
  }
  if (doc.version === undefined && Array.isArray(doc.nodes)) doc = { ...doc, version: 1 };
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(
      'schema',
      `The graph's "version" must be a whole number from 1 to ${DOCUMENT_VERSION}; found ${JSON.stringify(version ?? null)}.`,
    );
  }
  if (version > DOCUMENT_VERSION) {
    return fail(
      'newer-version',
      `This graph was saved by a newer GoT Studio (file version ${version}; this app reads up to version ${DOCUMENT_VERSION}). Update GoT Studio to open it.`,
    );
  }
  for (let v = version; v < DOCUMENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return fail('schema', `No migration from file version ${v} to ${v + 1}.`);
    const next = step(doc);
    doc = next.value;
    notes.push(...next.notes);
  }
  return { ok: true, value: doc, notes };
}
