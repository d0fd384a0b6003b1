import type { GotDocument } from '../../engine/index';
import type { FoldGroup, FoldedView } from '../document/folding';
import { LEGIBLE_LINE_PX, titleLinePx } from '../document/legibility';
import type { ViewSize } from '../document/wrapLayout';
import { groupKey } from '../document/foldKey';
import type { FoldState } from './foldSlice';
import { startViewport } from './startView';

type Folding = typeof import('../document/folding');
let folding: Folding | null = null;
let loading: Promise<Folding> | null = null;

/** Loads the folding code (kept out of the first page load: most graphs never fold). */
export function loadFolding(): Promise<Folding> {
  loading ??= import('../document/folding').then((m) => (folding = m));
  return loading;
}

/** The folding code once loaded, else null. */
export const foldingLoaded = (): Folding | null => folding;

const groupCache = new WeakMap<GotDocument, FoldGroup[]>();

/** The document's repeated branches (cached per version); none until the folding code is loaded. */
export function foldGroupsOf(doc: GotDocument): FoldGroup[] {
  if (!folding) return [];
  let groups = groupCache.get(doc);
  if (!groups) groupCache.set(doc, (groups = folding.foldGroups(doc)));
  return groups;
}

const cache = new WeakMap<GotDocument, { folds: FoldState; view: FoldedView }>();
const NOTHING_FOLDED = new Map<string, never>();

/** What the Operations canvas draws for the document and fold state (cached per version of both). */
export function drawnGraph(doc: GotDocument, folds: FoldState): FoldedView {
  if (folds.kind === 'auto' || !folds.collapsed.length || !folding) return { doc, stacks: NOTHING_FOLDED, leadOf: NOTHING_FOLDED };
  const hit = cache.get(doc);
  if (hit?.folds === folds) return hit.view;
  const view = folding.foldedView(doc, new Set(folds.collapsed), folds.view, folds.moved);
  cache.set(doc, { folds, view });
  return view;
}

/** Whether a document first shown in `view` would not read whole unfolded (its titles under 10 px). */
export const needsFolding = (doc: GotDocument, view: ViewSize): boolean => titleLinePx(startViewport(doc, view).zoom) < LEGIBLE_LINE_PX;

/** The groups to fold when a document is first shown in `view` (folding code loaded): every repeated branch if the whole graph would not read unfolded, else none. */
export function foldsOnOpen(doc: GotDocument, view: ViewSize): string[] {
  return needsFolding(doc, view) ? allFolds(doc) : [];
}

/** Every repeated branch of the document, for "fold all" (folding code loaded). */
export const allFolds = (doc: GotDocument): string[] => foldGroupsOf(doc).map(groupKey);
