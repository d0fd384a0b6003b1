import type { SliceCreator } from './types';

/** Which operations and comments are selected (not part of undo history). */
export interface SelectionSlice {
  selection: string[];
  select: (ids: readonly string[]) => void;
  selectAll: () => void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selection: [],
  select: (ids) => {
    const cur = get().selection;
    if (cur.length === ids.length && cur.every((id, i) => id === ids[i])) return;
    set({ selection: [...ids] });
  },
  selectAll: () => set({ selection: [...get().doc.operations.map((o) => o.id), ...get().doc.comments.map((c) => c.id)] }),
});
