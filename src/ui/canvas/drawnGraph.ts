import type { GotDocument } from '../../engine/index';
import { foldGroups, groupKey, type FoldGroup } from '../document/foldBranches';
import { foldedView, type FoldedView } from '../document/foldedLayout';
import { LEGIBLE_LINE_PX, titleLinePx } from '../document/legibility';
import type { ViewSize } from '../document/wrapLayout';
import type { FoldState } from './foldSlice';
import { startViewport } from './startView';

const groupCache = new WeakMap<GotDocument, FoldGroup[]>();

/** The document's repeated branches (cached per version). */
export function foldGroupsOf(doc: GotDocument): FoldGroup[] {
  let groups = groupCache.get(doc);
  if (!groups) groupCache.set(doc, (groups = foldGroups(doc)));
  return groups;
}

const cache = new WeakMap<GotDocument, { folds: FoldState; view: FoldedView }>();
const NOTHING_FOLDED = new Map<string, never>();

/** What the Operations canvas draws for the document and fold state (cached per version of both). */
export function drawnGraph(doc: GotDocument, folds: FoldState): FoldedView {
  if (folds.kind === 'auto' || !folds.collapsed.length) return { doc, stacks: NOTHING_FOLDED, leadOf: NOTHING_FOLDED };
  const hit = cache.get(doc);
  if (hit?.folds === folds) return hit.view;
  const view = foldedView(doc, new Set(folds.collapsed), folds.view, folds.moved);
  cache.set(doc, { folds, view });
  return view;
}

/** The groups to fold when a document is first shown in `view`: every repeated branch if the whole graph would not read unfolded, else none. */
export function foldsOnOpen(doc: GotDocument, view: ViewSize): string[] {
  if (titleLinePx(startViewport(doc, view).zoom) >= LEGIBLE_LINE_PX) return [];
  return allFolds(doc);
}

/** Every repeated branch of the document, for "fold all". */
export const allFolds = (doc: GotDocument): string[] => foldGroupsOf(doc).map(groupKey);
