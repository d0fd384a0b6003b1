import type { CheckedGraph } from '../graph/document';
import type { ThoughtId } from '../graph/ids';
import type { FlowItem } from '../operations/execution';
import { scoreHigherIsBetter } from '../tasks/catalog';
import type { RunSummary } from './events';
import type { OperationRun } from './operationRun';
import { runOutcome } from './outcome';
import type { RunRuntime } from './runtime';

/** The ids along a critical path, oldest first. */
function pathIds(rt: RunRuntime): ThoughtId[] {
  const ids: ThoughtId[] = [];
  for (let link = rt.critical.tail; link; link = link.prev) ids.push(link.thoughtId);
  return ids.reverse();
}

/** The run's closing summary: totals, status, final thoughts, best score, solved, critical path. */
export function summarize(graph: CheckedGraph, runs: ReadonlyMap<string, OperationRun>, rt: RunRuntime): RunSummary {
  const finals: FlowItem[] = graph.sinks.flatMap((id) => runs.get(id)?.outputs ?? []);
  let status: RunSummary['status'] = 'completed';
  let reason: string | undefined;
  // A stop that came after every operation had finished (e.g. the last call crossed a cap) stopped nothing.
  const stopped = rt.stopInfo && [...runs.values()].some((r) => r.status === 'cancelled') ? rt.stopInfo : null;
  if (stopped) {
    status = stopped.status;
    reason = stopped.reason;
  } else {
    const outcome = runOutcome(graph, rt.grs);
    if (outcome.status === 'failed') {
      status = 'failed';
      reason = outcome.reason;
    }
  }
  const higher = scoreHigherIsBetter(graph);
  let bestScore: number | null = null;
  for (const f of finals) {
    const s = f.ann.scored ? f.ann.score : null;
    if (s !== null && (bestScore === null || (higher ? s > bestScore : s < bestScore))) bestScore = s;
  }
  const compared = finals.filter((f) => f.ann.compared);
  const summary: RunSummary = {
    ...rt.grs.totals,
    status,
    wallMs: rt.now(),
    criticalPath: { hops: rt.critical.hops, ms: rt.critical.ms, thoughtIds: pathIds(rt) },
    finalThoughtIds: finals.map((f) => f.id),
    bestScore,
    solved: compared.length === 0 ? null : compared.some((f) => f.ann.solved === true),
  };
  if (reason !== undefined) summary.reason = reason;
  if (stopped?.cap) summary.budgetCap = stopped.cap;
  return summary;
}
