import type { useReactFlow } from '@xyflow/react';
import { groupKey } from '../document/foldKey';
import { estimatedCanvasSize } from '../document/wrapLayout';
import type { AppStore } from '../store/createAppStore';
import { allFolds, drawnGraph, foldGroupsOf, loadFolding } from './drawnGraph';
import { showStart } from './editorCommands';
import { canvasSize } from './startView';

type Flow = ReturnType<typeof useReactFlow>;

/** Applies a new set of folded branches, laid out for the canvas as it is now, and shows the whole graph again. */
function refold(store: AppStore, rf: Flow, collapsed: readonly string[]): void {
  const s = store.getState();
  s.setFolds(collapsed, canvasSize() ?? estimatedCanvasSize(s.panels));
  // The selection may now be folded out of sight: keep only what is drawn.
  const hidden = drawnGraph(store.getState().doc, store.getState().folds).leadOf;
  if (s.selection.some((id) => hidden.has(id))) s.select(s.selection.filter((id) => !hidden.has(id)));
  // Wait a frame so React Flow has the new nodes before the view is fitted to them.
  requestAnimationFrame(() => showStart(store, rf));
}

/** Unfolds every folded branch, or folds every repeated branch when none is folded. */
export async function toggleFolds(store: AppStore, rf: Flow): Promise<void> {
  await loadFolding();
  const f = store.getState().folds;
  refold(store, rf, f.kind === 'chosen' && f.collapsed.length ? [] : allFolds(store.getState().doc));
}

/** Unfolds (or folds again) the repeated branch whose first operation is `lead`. */
export async function setStackFolded(store: AppStore, rf: Flow, lead: string, folded: boolean): Promise<void> {
  await loadFolding();
  const s = store.getState();
  const g = foldGroupsOf(s.doc).find((x) => x.lead === lead);
  if (!g) return;
  const now = s.folds.kind === 'chosen' ? s.folds.collapsed.filter((k) => k !== groupKey(g)) : [];
  refold(store, rf, folded ? [...now, groupKey(g)] : now);
}
