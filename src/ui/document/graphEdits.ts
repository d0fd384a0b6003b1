import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  operationDefinitions,
  type CanvasComment,
  type GotDocument,
  type JsonValue,
  type OperationNode,
  type OperationType,
  type ThoughtState,
} from '../../engine/index';

/** A point on the canvas. */
export interface XY {
  x: number;
  y: number;
}

/** An edit that may be refused, with a reason a user can read. */
export type EditResult = { ok: true; doc: GotDocument } | { ok: false; reason: string };

/** A fresh document with no operations. */
export function emptyDocument(title = 'Untitled graph'): GotDocument {
  return { format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, title, description: '', input: {}, operations: [], comments: [] };
}

/** An id not used by any operation or comment of `doc`, shaped `prefix-N`. */
export function freshId(doc: GotDocument, prefix: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set([...doc.operations.map((o) => o.id), ...doc.comments.map((c) => c.id), ...taken]);
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

const structuredCopy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** Adds an operation of `type` with its declared initial parameters. */
export function addOperation(doc: GotDocument, type: OperationType, position: XY, id = freshId(doc, type)): { doc: GotDocument; id: string } {
  const params = structuredCopy(operationDefinitions[type].initialParams) as Record<string, unknown>;
  const op: OperationNode = { id, type, inputs: [], params, position: { x: Math.round(position.x), y: Math.round(position.y) } };
  return { doc: { ...doc, operations: [...doc.operations, op] }, id };
}

/** Moves operations and comments to new positions (ids not found are ignored); the same document when nothing moved. */
export function moveItems(doc: GotDocument, positions: Readonly<Record<string, XY>>): GotDocument {
  const round = (p: XY): XY => ({ x: Math.round(p.x), y: Math.round(p.y) });
  const moved = (id: string, cur: XY | undefined): XY | null => {
    const p = positions[id];
    if (!p) return null;
    const r = round(p);
    return cur && cur.x === r.x && cur.y === r.y ? null : r;
  };
  let changed = false;
  const operations = doc.operations.map((o) => {
    const p = moved(o.id, o.position);
    if (!p) return o;
    changed = true;
    return { ...o, position: p };
  });
  const comments = doc.comments.map((c) => {
    const p = moved(c.id, c.position);
    if (!p) return c;
    changed = true;
    return { ...c, position: p };
  });
  return changed ? { ...doc, operations, comments } : doc;
}

/** Deletes operations and comments; edges from deleted operations are removed from their successors. */
export function deleteItems(doc: GotDocument, ids: readonly string[]): GotDocument {
  const gone = new Set(ids);
  const operations = doc.operations
    .filter((o) => !gone.has(o.id))
    .map((o) => (o.inputs.some((i) => gone.has(i)) ? { ...o, inputs: o.inputs.filter((i) => !gone.has(i)) } : o));
  return { ...doc, operations, comments: doc.comments.filter((c) => !gone.has(c.id)) };
}

/** True when `to` can reach `from` already, so an edge from → to would close a cycle. */
function reaches(doc: GotDocument, start: string, goal: string): boolean {
  const succ = new Map<string, string[]>();
  for (const o of doc.operations) for (const i of o.inputs) succ.set(i, [...(succ.get(i) ?? []), o.id]);
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === goal) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(succ.get(id) ?? []));
  }
  return false;
}

const nameOf = (doc: GotDocument, id: string): string => {
  const op = doc.operations.find((o) => o.id === id);
  return op ? `“${op.label || operationDefinitions[op.type].label}” (${id})` : id;
};

/** Connects `from`'s output to `to`'s inputs (appended last); refuses self-loops, duplicates, cycles and unknown ids. */
export function connect(doc: GotDocument, from: string, to: string): EditResult {
  const target = doc.operations.find((o) => o.id === to);
  if (!doc.operations.some((o) => o.id === from)) return { ok: false, reason: `There is no operation ${from}.` };
  if (!target) return { ok: false, reason: `There is no operation ${to}.` };
  if (from === to) return { ok: false, reason: `${nameOf(doc, from)} cannot feed itself: the graph of operations must not loop.` };
  if (target.inputs.includes(from)) return { ok: false, reason: `${nameOf(doc, from)} already feeds ${nameOf(doc, to)}.` };
  if (reaches(doc, to, from)) return { ok: false, reason: `Connecting ${nameOf(doc, from)} to ${nameOf(doc, to)} would make a cycle: ${nameOf(doc, to)} already leads to ${nameOf(doc, from)}.` };
  const operations = doc.operations.map((o) => (o.id === to ? { ...o, inputs: [...o.inputs, from] } : o));
  return { ok: true, doc: { ...doc, operations } };
}

/** Moves the edge from → to onto newFrom → newTo in one edit, keeping its place among the target's inputs when the target stays; refused like connect. */
export function reconnect(doc: GotDocument, from: string, to: string, newFrom: string, newTo: string): EditResult {
  if (from === newFrom && to === newTo) return { ok: true, doc };
  const place = doc.operations.find((o) => o.id === to)?.inputs.indexOf(from) ?? -1;
  const r = connect(disconnect(doc, from, to), newFrom, newTo);
  if (!r.ok || newTo !== to || place < 0) return r;
  const target = r.doc.operations.find((o) => o.id === to)!;
  return { ok: true, doc: reorderInput(r.doc, to, target.inputs.length - 1, Math.min(place, target.inputs.length - 1)) };
}

/** Removes the edge from → to, if any. */
export function disconnect(doc: GotDocument, from: string, to: string): GotDocument {
  const operations = doc.operations.map((o) => (o.id === to && o.inputs.includes(from) ? { ...o, inputs: o.inputs.filter((i) => i !== from) } : o));
  return { ...doc, operations };
}

/** Moves input `fromIndex` of `opId` to `toIndex` (input order decides ties and aggregation order). */
export function reorderInput(doc: GotDocument, opId: string, fromIndex: number, toIndex: number): GotDocument {
  const operations = doc.operations.map((o) => {
    if (o.id !== opId || fromIndex === toIndex || fromIndex < 0 || toIndex < 0 || fromIndex >= o.inputs.length || toIndex >= o.inputs.length) return o;
    const inputs = [...o.inputs];
    const [moved] = inputs.splice(fromIndex, 1);
    inputs.splice(toIndex, 0, moved!);
    return { ...o, inputs };
  });
  return { ...doc, operations };
}

/** Sets one parameter; `undefined` removes it (an empty optional field). */
export function setParam(doc: GotDocument, opId: string, key: string, value: unknown): GotDocument {
  const operations = doc.operations.map((o) => {
    if (o.id !== opId) return o;
    const params = { ...o.params };
    if (value === undefined) delete params[key];
    else params[key] = value;
    return { ...o, params };
  });
  return { ...doc, operations };
}

/** Sets an operation's label; an empty label shows the type's name. */
export function setLabel(doc: GotDocument, opId: string, label: string): GotDocument {
  const operations = doc.operations.map((o) => {
    if (o.id !== opId) return o;
    const { label: _old, ...rest } = o;
    return label.trim() ? { ...rest, label } : rest;
  });
  return { ...doc, operations };
}

/** Replaces the run's default input state. */
export function setInput(doc: GotDocument, input: ThoughtState): GotDocument {
  return { ...doc, input };
}

/** Sets document fields that are not operations (title, description, task, scheme, dataset). */
export function setMeta(doc: GotDocument, patch: Partial<Pick<GotDocument, 'title' | 'description' | 'task' | 'scheme' | 'dataset'>>): GotDocument {
  return { ...doc, ...patch };
}

/** Adds a comment note on the canvas. */
export function addComment(doc: GotDocument, position: XY, text = ''): { doc: GotDocument; id: string } {
  const id = freshId(doc, 'comment');
  const comment: CanvasComment = { id, text, position: { x: Math.round(position.x), y: Math.round(position.y) }, width: 220, height: 120 };
  return { doc: { ...doc, comments: [...doc.comments, comment] }, id };
}

/** Changes a comment's text or size. */
export function updateComment(doc: GotDocument, id: string, patch: Partial<Pick<CanvasComment, 'text' | 'width' | 'height'>>): GotDocument {
  return { ...doc, comments: doc.comments.map((c) => (c.id === id ? { ...c, ...patch } : c)) };
}

/** A JSON value's deep copy, for parameters that must not be shared between operations. */
export const cloneJson = (v: JsonValue): JsonValue => structuredCopy(v);
