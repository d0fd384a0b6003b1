import type { GrsState, Thought } from '../../engine/index';

/**
 * How a thought fares in a fork against its original: kept as is (`shared`), kept with the state the
 * user gave it (`edited`), made by the original only (`replaced`: the fork ran its operation again or
 * this is the pre-edit version), or made by the fork's re-run (`new`).
 */
export type CompareMark = 'shared' | 'edited' | 'replaced' | 'new';

/** One card of the comparison: a thought of either run, on its lane, with its parents as card keys. */
export interface CompareThought {
  /** The card's key: the thought id for shared and edited thoughts, else prefixed with its side (both runs name re-made thoughts alike). */
  key: string;
  mark: CompareMark;
  thought: Thought;
  /** Its lane: the operation for shared and edited thoughts, `original:op` / `fork:op` for the others. */
  lane: string | null;
  parents: string[];
}

export interface ForkComparison {
  /** Cards in creation order (parents before children): the original's, then the fork's new ones. */
  thoughts: CompareThought[];
  counts: Record<CompareMark, number>;
}

export const ORIGINAL_PREFIX = 'original:';
export const FORK_PREFIX = 'fork:';

/** Whether `fork` is a fork of `original` (its settings name the original's run). */
export function isForkOf(fork: GrsState, original: GrsState): boolean {
  return fork.settings?.fork?.fromRunId !== undefined && fork.settings.fork.fromRunId === original.runId;
}

/** Of two runs, which is the original and which its fork; null when neither forked the other. */
export function forkPair(a: GrsState, b: GrsState): { original: GrsState; fork: GrsState } | null {
  if (isForkOf(b, a)) return { original: a, fork: b };
  if (isForkOf(a, b)) return { original: b, fork: a };
  return null;
}

const sameState = (a: Thought, b: Thought) => JSON.stringify(a.state) === JSON.stringify(b.state);

/**
 * Lines a fork up against its original. A fork thought is shared when the fork carried it over
 * unedited (the input: when its state is unchanged); an edited one sits where it was, with its
 * pre-edit version on the original's side. Everything else is one side's own, on that side's lane.
 */
export function compareFork(original: GrsState, fork: GrsState): ForkComparison {
  const sharedIds = new Set<string>();
  const editedIds = new Set<string>();
  for (const id of fork.thoughtOrder) {
    const t = fork.thoughts[id];
    const o = original.thoughts[id];
    if (!t || !o) continue;
    if (t.carried?.edited) editedIds.add(id);
    else if (t.carried || (t.kind === 'input' && o.kind === 'input' && sameState(t, o))) sharedIds.add(id);
  }
  const thoughts: CompareThought[] = [];
  const counts: Record<CompareMark, number> = { shared: 0, edited: 0, replaced: 0, new: 0 };
  const push = (c: CompareThought) => {
    thoughts.push(c);
    counts[c.mark] += 1;
  };
  const sideLane = (prefix: string, t: Thought) => (t.opId === null ? `${prefix}input` : `${prefix}${t.opId}`);
  // The original's side: a parent the fork kept is the shared card; any other is the original's own.
  const originalKey = (id: string) => (sharedIds.has(id) ? id : `${ORIGINAL_PREFIX}${id}`);
  for (const id of original.thoughtOrder) {
    const t = original.thoughts[id];
    if (!t) continue;
    if (sharedIds.has(id)) push({ key: id, mark: 'shared', thought: fork.thoughts[id] ?? t, lane: t.opId, parents: [...t.parents] });
    else if (editedIds.has(id)) {
      push({ key: id, mark: 'edited', thought: fork.thoughts[id] ?? t, lane: t.opId, parents: [...t.parents] });
      push({ key: originalKey(id), mark: 'replaced', thought: t, lane: sideLane(ORIGINAL_PREFIX, t), parents: t.parents.map(originalKey) });
    } else push({ key: originalKey(id), mark: 'replaced', thought: t, lane: sideLane(ORIGINAL_PREFIX, t), parents: t.parents.map(originalKey) });
  }
  // The fork's side: parents it carried over (edited or not) are shared cards.
  const forkKey = (id: string) => (sharedIds.has(id) || editedIds.has(id) ? id : `${FORK_PREFIX}${id}`);
  for (const id of fork.thoughtOrder) {
    const t = fork.thoughts[id];
    if (!t || sharedIds.has(id) || editedIds.has(id)) continue;
    push({ key: forkKey(id), mark: 'new', thought: t, lane: sideLane(FORK_PREFIX, t), parents: t.parents.map(forkKey) });
  }
  return { thoughts, counts };
}

/** One run's row of the comparison's summary: what the run summary shows for it. */
export interface SideSummary {
  finalThought: Thought | null;
  score: number | null;
  solved: boolean | null;
  volume: number | null;
  latency: number | null;
  requests: number;
  tokens: number;
  cost: number;
  wallMs: number;
}

/** A run's figures for the comparison (its summary, and its first final thought's volume and latency). */
export function sideSummary(grs: GrsState): SideSummary {
  const s = grs.summary;
  const totals = s ?? grs.totals;
  const finalId = s?.finalThoughtIds[0];
  const finalThought = finalId ? (grs.thoughts[finalId] ?? null) : null;
  return {
    finalThought,
    score: s?.bestScore ?? null,
    solved: s?.solved ?? null,
    volume: finalThought?.volume ?? null,
    latency: finalThought?.latency ?? null,
    requests: totals.requests,
    tokens: totals.promptTokens + totals.completionTokens,
    cost: totals.cost,
    wallMs: s?.wallMs ?? grs.at,
  };
}
