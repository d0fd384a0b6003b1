import type { OperationId, ThoughtId } from '../../engine/index';
import { ancestorsOf, longestPathTo } from '../thoughts/lineage';
import type { LiveRun, RunSelection } from './liveTypes';
import { selectOpFigures } from './runSelectors';

/** How a thought card is emphasised: the selection, on its latency path, among its ancestors, made by the selected operation. */
export type ThoughtMark = 'selected' | 'path' | 'ancestor' | 'ofOperation';

export interface RunHighlight {
  /** Nothing is dimmed when nothing is selected. */
  active: boolean;
  thoughts: Record<string, ThoughtMark>;
  /** Edge keys `parent>child` on the latency path. */
  pathEdges: Record<string, true>;
  ops: Record<string, true>;
}

export const noHighlight: RunHighlight = { active: false, thoughts: {}, pathEdges: {}, ops: {} };

/** What a selection lights up: for a thought, its ancestors (volume), its longest path (latency) and its operation; for an operation, its thoughts. */
export function highlightFor(sel: RunSelection, run: LiveRun): RunHighlight {
  if (!sel) return noHighlight;
  const get = (id: ThoughtId) => run.grs.thoughts[id];
  if (sel.kind === 'thought') {
    const t = run.grs.thoughts[sel.id];
    if (!t) return noHighlight;
    const thoughts: Record<string, ThoughtMark> = {};
    for (const a of ancestorsOf(sel.id, get)) thoughts[a] = 'ancestor';
    const path = longestPathTo(sel.id, get);
    const pathEdges: Record<string, true> = {};
    path.forEach((id, i) => {
      thoughts[id] = 'path';
      if (i > 0) pathEdges[`${path[i - 1]}>${id}`] = true;
    });
    thoughts[sel.id] = 'selected';
    return { active: true, thoughts, pathEdges, ops: t.opId ? { [t.opId]: true } : {} };
  }
  const o = selectOpFigures(run.grs, sel.id);
  const thoughts: Record<string, ThoughtMark> = {};
  for (const id of o?.made ?? []) thoughts[id] = 'ofOperation';
  for (const id of o?.outputIds ?? []) thoughts[id] = 'ofOperation';
  return { active: true, thoughts, pathEdges: {}, ops: { [sel.id as OperationId]: true } };
}
