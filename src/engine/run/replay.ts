import { ModelError, type CompletionRequest, type CompletionResult, type LanguageModel, type ModelErrorKind, type RetryInfo, type TokenUsage } from '../models/types';
import type { RunEvent } from './events';

/** One recorded call: its retries, then its completions or its failure. */
interface Recorded {
  retries: RetryInfo[];
  outcome: { texts: string[]; usage: TokenUsage; requests: number } | { error: { kind: ModelErrorKind; message: string } };
}

const keyOf = (r: Pick<CompletionRequest, 'messages' | 'n' | 'seed'>): string => JSON.stringify([r.messages, r.n, r.seed ?? null]);

/**
 * A model that answers from a recorded run: a request with the same messages, n and seed gets the
 * recorded completions at once (in recording order when several match), after the recorded
 * retries; a call that failed in the recording fails again with the same kind and message. Running
 * the same graph, input and run seed over it replays the run exactly; a request the recording
 * lacks fails with a 'notFound' ModelError that says so.
 */
export function replayModel(events: readonly RunEvent[], id: LanguageModel['id'] = { baseUrl: 'replay://', model: 'recording' }): LanguageModel {
  const pending = new Map<string, { key: string; retries: RetryInfo[] }>();
  const answers = new Map<string, Recorded[]>();
  const record = (callId: string, outcome: Recorded['outcome']): void => {
    const call = pending.get(callId);
    if (!call) return;
    pending.delete(callId);
    const list = answers.get(call.key) ?? [];
    list.push({ retries: call.retries, outcome });
    answers.set(call.key, list);
  };
  for (const e of events) {
    if (e.type === 'call.start') pending.set(e.callId, { key: keyOf(e), retries: [] });
    else if (e.type === 'call.retry') pending.get(e.callId)?.retries.push({ attempt: e.attempt, reason: e.reason, delayMs: e.delayMs, ...(e.status !== undefined ? { status: e.status } : {}) });
    else if (e.type === 'call.done') record(e.callId, { texts: e.texts, usage: { promptTokens: e.promptTokens, completionTokens: e.completionTokens }, requests: e.requests });
    // A cancelled call was cut by the stop, not by the model: there is nothing to replay.
    else if (e.type === 'call.error' && e.kind !== 'aborted') record(e.callId, { error: { kind: e.kind, message: e.message } });
  }
  return {
    id,
    async complete(req: CompletionRequest): Promise<CompletionResult> {
      const list = answers.get(keyOf(req));
      const hit = list?.shift();
      if (!hit) throw new ModelError('notFound', `the recording has no answer for this request (${req.messages.length} messages, n = ${req.n}, seed ${req.seed ?? 'none'})`);
      req.signal?.throwIfAborted();
      for (const retry of hit.retries) req.onRetry?.(retry);
      if ('error' in hit.outcome) throw new ModelError(hit.outcome.error.kind, hit.outcome.error.message);
      const { texts, usage, requests } = hit.outcome;
      texts.forEach((text, i) => req.onToken?.(i, text));
      return { texts: [...texts], usage, requests, ms: 0, cached: false };
    },
  };
}
