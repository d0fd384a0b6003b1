// The critical-path bound of a run, computed from the graph and the calls the run made, not from
// the engine's own critical-path bookkeeping or from measured call times.
import type { GotDocument, GrsState } from '../src/engine/index';

/** How the bound is computed, for the benchmark's report. */
export const BOUND_RULE =
  'bound = the longest chain of model calls through the graph × the fixed latency; the chain sums, along the longest path of operations, ' +
  'the calls each operation makes one after another (1 for a Generate/Aggregate/Improve/LLM Score that called at all; a Validate-and-Improve counts its rounds)';

/**
 * The longest chain of calls of the two graphs, as longestCallChain measures it from their runs (the
 * same in every run: their calls do not depend on the answers); for the profiling scripts, which keep no run.
 */
export const KNOWN_HOPS: Readonly<Record<string, number>> = { 'sorting-128-got': 8, 'set-intersection-128-got': 5 };

// Calls of one Validate-and-Improve input share its tag up to a trailing `.v<n>` / `.i<n>` round.
const chainKey = (tag: string): string => tag.replace(/\.[vi]\d+$/, '');

/** Model calls that had to run one after another on the longest path through the graph (this run's calls). */
export function longestCallChain(document: GotDocument, grs: GrsState): number {
  const rounds = new Map<string, Map<string, number>>();
  for (const call of Object.values(grs.calls)) {
    const tag = call.id.slice(call.opId.length + 1);
    const perChain = rounds.get(call.opId) ?? new Map<string, number>();
    perChain.set(chainKey(tag), (perChain.get(chainKey(tag)) ?? 0) + 1);
    rounds.set(call.opId, perChain);
  }
  const inputs = new Map(document.operations.map((op) => [op.id, op.inputs]));
  const depth = new Map<string, number>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const own = Math.max(0, ...(rounds.get(id)?.values() ?? []));
    const d = own + Math.max(0, ...(inputs.get(id) ?? []).map(depthOf));
    depth.set(id, d);
    return d;
  };
  return Math.max(0, ...document.operations.map((op) => depthOf(op.id)));
}
