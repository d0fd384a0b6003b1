import { operationSchema, commentSchema, type CanvasComment, type GotDocument, type OperationNode } from '../../engine/index';
import { z } from 'zod/mini';
import { freshId, type XY } from './graphEdits';

export const CLIPBOARD_FORMAT = 'got-studio/clipboard';

/** What Copy puts on the system clipboard: operations and comments, edges kept only between copied operations. */
export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  operations: OperationNode[];
  comments: CanvasComment[];
}

const payloadSchema = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  operations: z.array(operationSchema),
  comments: z._default(z.array(commentSchema), []),
});

/** The selected items as a clipboard payload; inputs from outside the selection are dropped unless `keepExternalInputs`. */
export function copyItems(doc: GotDocument, ids: readonly string[], keepExternalInputs = false): ClipboardPayload {
  const picked = new Set(ids);
  const operations = doc.operations
    .filter((o) => picked.has(o.id))
    .map((o) => JSON.parse(JSON.stringify({ ...o, inputs: keepExternalInputs ? o.inputs : o.inputs.filter((i) => picked.has(i)) })) as OperationNode);
  const comments = doc.comments.filter((c) => picked.has(c.id)).map((c) => ({ ...c, position: { ...c.position } }));
  return { format: CLIPBOARD_FORMAT, operations, comments };
}

/** Reads clipboard text; null when it is not a GoT Studio payload. */
export function parseClipboard(text: string): ClipboardPayload | null {
  try {
    const r = payloadSchema.safeParse(JSON.parse(text));
    return r.success ? (r.data as ClipboardPayload) : null;
  } catch {
    return null;
  }
}

/** Pastes a payload with fresh ids, shifted by `offset`; inputs naming operations outside the payload are kept when `doc` has them. Returns the new ids. */
export function pasteItems(doc: GotDocument, payload: ClipboardPayload, offset: XY): { doc: GotDocument; ids: string[] } {
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  for (const o of payload.operations) {
    const id = freshId(doc, o.type, taken);
    taken.add(id);
    renamed.set(o.id, id);
  }
  const existing = new Set(doc.operations.map((o) => o.id));
  const shift = (p: XY | undefined): XY => ({ x: Math.round((p?.x ?? 0) + offset.x), y: Math.round((p?.y ?? 0) + offset.y) });
  const operations = payload.operations.map((o) => ({
    ...(JSON.parse(JSON.stringify(o)) as OperationNode),
    id: renamed.get(o.id)!,
    inputs: o.inputs.flatMap((i) => (renamed.has(i) ? [renamed.get(i)!] : existing.has(i) ? [i] : [])),
    position: shift(o.position),
  }));
  const comments = payload.comments.map((c) => {
    const id = freshId(doc, 'comment', taken);
    taken.add(id);
    return { ...c, id, position: shift(c.position) };
  });
  const ids = [...operations.map((o) => o.id), ...comments.map((c) => c.id)];
  return { doc: { ...doc, operations: [...doc.operations, ...operations], comments: [...doc.comments, ...comments] }, ids };
}

/** Duplicates items next to themselves; duplicates stay wired to the same outside inputs. */
export function duplicateItems(doc: GotDocument, ids: readonly string[], offset: XY = { x: 40, y: 40 }): { doc: GotDocument; ids: string[] } {
  return pasteItems(doc, copyItems(doc, ids, true), offset);
}
