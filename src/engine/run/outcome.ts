import type { CheckedGraph } from '../graph/document';
import type { OperationId } from '../graph/ids';
import type { GrsState } from '../grs/state';

/** How a run that was not stopped ended: completed, or failed with the operation and the reason. */
export type RunOutcome = { status: 'completed' } | { status: 'failed'; opId: OperationId; reason: string };

const SNIPPET_CHARS = 120;

/** The start of an answer as one line, for a reason the user reads. */
export function answerSnippet(raw: string): string {
  const line = raw.replace(/\s+/g, ' ').trim();
  return line.length > SNIPPET_CHARS ? `${line.slice(0, SNIPPET_CHARS)}…` : line;
}

/**
 * Decides from the GRS whether a run that ran to its end did its job. It failed when an operation
 * made thoughts but could parse none of its answers (everything after it works on unparsed
 * text or nothing), or when the final operations produced no thoughts at all; the reason names the
 * first operation at fault, the parse error and the start of the answer.
 */
export function runOutcome(graph: Pick<CheckedGraph, 'operations' | 'sinks'>, grs: Pick<GrsState, 'thoughts' | 'thoughtOrder' | 'operations'>): RunOutcome {
  const made = new Map<string, { count: number; firstFailure?: { message: string; raw: string }; parsed: number }>();
  for (const id of grs.thoughtOrder) {
    const t = grs.thoughts[id];
    if (!t || t.kind !== 'llm' || t.opId === null) continue;
    const entry = made.get(t.opId) ?? { count: 0, parsed: 0 };
    entry.count += 1;
    if (t.parseError) entry.firstFailure ??= t.parseError;
    else entry.parsed += 1;
    made.set(t.opId, entry);
  }
  for (const op of graph.operations) {
    const entry = made.get(op.id);
    if (!entry || entry.parsed > 0 || !entry.firstFailure) continue;
    const answers = entry.count === 1 ? 'its answer' : `any of its ${entry.count} answers`;
    const snippet = answerSnippet(entry.firstFailure.raw);
    return {
      status: 'failed',
      opId: op.id,
      reason: `${op.label} (${op.id}) could not parse ${answers}: ${entry.firstFailure.message}. ${snippet ? `The answer began: "${snippet}"` : 'The answer was empty.'}`,
    };
  }
  const finals = graph.sinks.reduce((n, id) => n + (grs.operations[id]?.outputs.length ?? 0), 0);
  if (finals > 0) return { status: 'completed' };
  // The first operation that ran and passed nothing on is where the run went empty.
  const empty = graph.operations.find((op) => {
    const s = grs.operations[op.id];
    return s !== undefined && (s.status === 'failed' || (s.status === 'done' && (s.outputs.length === 0 || s.error !== null)));
  });
  const sink = graph.operations.find((op) => op.id === graph.sinks[0]);
  const finalName = sink ? `the final operation ${sink.label} (${sink.id})` : 'the final operation';
  if (!empty) return { status: 'failed', opId: sink?.id ?? ('' as OperationId), reason: `${finalName} produced no thoughts` };
  const error = grs.operations[empty.id]?.error;
  if (error) return { status: 'failed', opId: empty.id, reason: `${empty.label} (${empty.id}): ${error}` };
  return { status: 'failed', opId: empty.id, reason: `${empty.label} (${empty.id}) passed on no thoughts, so ${finalName} produced nothing` };
}
