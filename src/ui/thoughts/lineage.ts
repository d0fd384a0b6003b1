import type { Thought, ThoughtId } from '../../engine/index';

/** The minimum of a thought the lineage walks need. */
export type LineageThought = Pick<Thought, 'id' | 'parents' | 'latency'>;
export type ThoughtLookup = (id: ThoughtId) => LineageThought | undefined;

/** Every thought with a path to `id` (its volume, plus the input vertex), not including `id`. */
export function ancestorsOf(id: ThoughtId, get: ThoughtLookup): Set<ThoughtId> {
  const seen = new Set<ThoughtId>();
  const stack = [...(get(id)?.parents ?? [])];
  while (stack.length) {
    const next = stack.pop() as ThoughtId;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const p of get(next)?.parents ?? []) if (!seen.has(p)) stack.push(p);
  }
  return seen;
}

/**
 * The longest path from the input to `id` (its latency), input first. Ties go to the first parent
 * listed, so the path is the same every time the user selects the thought.
 */
export function longestPathTo(id: ThoughtId, get: ThoughtLookup): ThoughtId[] {
  const path: ThoughtId[] = [];
  let at = get(id);
  while (at) {
    path.push(at.id);
    let best: LineageThought | undefined;
    for (const p of at.parents) {
      const parent = get(p);
      if (parent && (!best || parent.latency > best.latency)) best = parent;
    }
    at = best;
  }
  return path.reverse();
}

/** Edge keys (`parent>child`) along a path, to highlight the edges of a latency path. */
export function pathEdges(path: readonly ThoughtId[]): Set<string> {
  const edges = new Set<string>();
  for (let i = 1; i < path.length; i += 1) edges.add(`${path[i - 1]}>${path[i]}`);
  return edges;
}
