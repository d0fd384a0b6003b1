import type { GotDocument, OperationType, ThoughtState } from '../../engine/index';
import * as edits from '../document/graphEdits';
import { duplicateItems, pasteItems, type ClipboardPayload } from '../document/clipboard';
import type { XY } from '../document/graphEdits';
import { temporalOf, type AppState, type SliceCreator } from './types';

/** The document being edited and every edit on it. Only `doc` is recorded in undo history. */
export interface DocumentSlice {
  doc: GotDocument;
  /** Replaces the document (New, Open, example, restore); clears undo history unless `keepHistory`. */
  loadDocument: (doc: GotDocument, opts?: { keepHistory?: boolean }) => void;
  addOperation: (type: OperationType, position: XY) => string;
  moveItems: (positions: Readonly<Record<string, XY>>) => void;
  deleteItems: (ids: readonly string[]) => void;
  duplicateItems: (ids: readonly string[]) => string[];
  /** Connects two operations; refused connections leave the document untouched and give the reason. */
  connect: (from: string, to: string) => { ok: true } | { ok: false; reason: string };
  disconnect: (from: string, to: string) => void;
  /** Moves an edge to new ends in one undo step; refused like connect. */
  reconnect: (from: string, to: string, newFrom: string, newTo: string) => { ok: true } | { ok: false; reason: string };
  reorderInput: (opId: string, fromIndex: number, toIndex: number) => void;
  /** Sets a parameter; successive edits of one field within the grouping window are one undo step. */
  setParam: (opId: string, key: string, value: unknown) => void;
  setLabel: (opId: string, label: string) => void;
  setInput: (input: ThoughtState) => void;
  setMeta: (patch: Parameters<typeof edits.setMeta>[1]) => void;
  addComment: (position: XY, text?: string) => string;
  updateComment: (id: string, patch: Parameters<typeof edits.updateComment>[2]) => void;
  paste: (payload: ClipboardPayload, offset: XY) => string[];
}

/** Milliseconds within which edits of the same field merge into one undo step. */
export const TYPING_GROUP_MS = 1000;

export const createDocumentSlice =
  (initial: GotDocument, clock: () => number): SliceCreator<DocumentSlice> =>
  (set, get, api) => {
    let lastGroup: { key: string; at: number } | null = null;

    /** Applies a new document; edits sharing `group` within the window extend the previous undo step. */
    const commit = (doc: GotDocument, group?: string, extra?: Partial<AppState>) => {
      if (doc === get().doc) {
        if (extra) set(extra);
        return;
      }
      const now = clock();
      const merge = group !== undefined && lastGroup?.key === group && now - lastGroup.at <= TYPING_GROUP_MS;
      lastGroup = group === undefined ? null : { key: group, at: now };
      const temporal = temporalOf(api).getState();
      if (merge && temporal.isTracking) {
        temporal.pause();
        set({ doc, ...extra });
        temporal.resume();
      } else set({ doc, ...extra });
    };

    return {
      doc: initial,
      loadDocument: (doc, opts) => {
        lastGroup = null;
        // A new document decides its folded branches afresh when the canvas shows it.
        set({ doc, selection: [], folds: { kind: 'auto' } });
        if (!opts?.keepHistory) temporalOf(api).getState().clear();
      },
      addOperation: (type, position) => {
        const r = edits.addOperation(get().doc, type, position);
        commit(r.doc, undefined, { selection: [r.id] });
        return r.id;
      },
      moveItems: (positions) => commit(edits.moveItems(get().doc, positions)),
      deleteItems: (ids) => {
        if (!ids.length) return;
        const gone = new Set(ids);
        commit(edits.deleteItems(get().doc, ids), undefined, { selection: get().selection.filter((s) => !gone.has(s)) });
      },
      duplicateItems: (ids) => {
        if (!ids.length) return [];
        const r = duplicateItems(get().doc, ids);
        commit(r.doc, undefined, { selection: r.ids });
        return r.ids;
      },
      connect: (from, to) => {
        const r = edits.connect(get().doc, from, to);
        if (!r.ok) return r;
        commit(r.doc);
        return { ok: true };
      },
      disconnect: (from, to) => commit(edits.disconnect(get().doc, from, to)),
      reconnect: (from, to, newFrom, newTo) => {
        const r = edits.reconnect(get().doc, from, to, newFrom, newTo);
        if (!r.ok) return r;
        commit(r.doc);
        return { ok: true };
      },
      reorderInput: (opId, a, b) => commit(edits.reorderInput(get().doc, opId, a, b)),
      setParam: (opId, key, value) => commit(edits.setParam(get().doc, opId, key, value), `param:${opId}:${key}`),
      setLabel: (opId, label) => commit(edits.setLabel(get().doc, opId, label), `label:${opId}`),
      setInput: (input) => commit(edits.setInput(get().doc, input), 'input'),
      setMeta: (patch) => commit(edits.setMeta(get().doc, patch), `meta:${Object.keys(patch).join(',')}`),
      addComment: (position, text) => {
        const r = edits.addComment(get().doc, position, text);
        commit(r.doc, undefined, { selection: [r.id] });
        return r.id;
      },
      updateComment: (id, patch) => commit(edits.updateComment(get().doc, id, patch), `comment:${id}:${Object.keys(patch).join(',')}`),
      paste: (payload, offset) => {
        if (!payload.operations.length && !payload.comments.length) return [];
        const r = pasteItems(get().doc, payload, offset);
        commit(r.doc, undefined, { selection: r.ids });
        return r.ids;
      },
    };
  };
