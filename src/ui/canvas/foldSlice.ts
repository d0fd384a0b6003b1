import type { XY } from '../document/graphEdits';
import type { ViewSize } from '../document/wrapLayout';
import type { SliceCreator } from '../store/types';

/**
 * Which repeated branches the Operations canvas draws folded: a view state, never in the document,
 * its undo history, a save or an export. A freshly loaded document is `auto` until the canvas
 * decides from its size (folded when the whole graph would not read unfolded).
 */
export type FoldState =
  | { kind: 'auto' }
  | {
      kind: 'chosen';
      /** Keys (groupKey) of the folded groups. */
      collapsed: readonly string[];
      /** The canvas size the folded layout wraps for. */
      view: ViewSize;
      /** Where the user dragged drawn operations while folded (the document keeps the unfolded places). */
      moved: Readonly<Record<string, XY>>;
      /** Whether folding is in use for this document (opened folded, or folded or unfolded by the user): unfolded branches then offer to fold again. */
      offered: boolean;
    };

export interface FoldSlice {
  folds: FoldState;
  /** Folds exactly these groups, laid out afresh for `view`. */
  setFolds: (collapsed: readonly string[], view: ViewSize, offered?: boolean) => void;
  /** Keeps dragged places of drawn operations in the folded view. */
  moveFolded: (positions: Readonly<Record<string, XY>>) => void;
}

export const createFoldSlice: SliceCreator<FoldSlice> = (set, get) => ({
  folds: { kind: 'auto' },
  setFolds: (collapsed, view, offered = true) => set({ folds: { kind: 'chosen', collapsed, view, moved: {}, offered } }),
  moveFolded: (positions) => {
    const f = get().folds;
    if (f.kind === 'chosen') set({ folds: { ...f, moved: { ...f.moved, ...positions } } });
  },
});
