// Everything folding needs beyond deciding whether to fold: loaded with the first graph too big to read whole.
export { foldGroups, groupKey, stackLabel, type FoldGroup } from './foldBranches';
export { foldedView, type FoldedView } from './foldedLayout';
