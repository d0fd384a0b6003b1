import { ModelError, type CompletionRequest, type CompletionResult, type LanguageModel, type TokenUsage } from '../models/types';
import type { RunEvent } from './events';

interface Recorded {
  texts: string[];
  usage: TokenUsage;
  requests: number;
}

const keyOf = (r: Pick<CompletionRequest, 'messages' | 'n' | 'seed'>): string => JSON.stringify([r.messages, r.n, r.seed ?? null]);

/**
 * A model that answers from a recorded run: a request with the same messages, n and seed gets the
 * recorded completions at once (in recording order when several match). Running the same graph,
 * input and run seed over it replays the run exactly; a request the recording lacks fails with a
 * 'notFound' ModelError that says so.
 */
export function replayModel(events: readonly RunEvent[], id: LanguageModel['id'] = { baseUrl: 'replay://', model: 'recording' }): LanguageModel {
  const pending = new Map<string, string>();
  const answers = new Map<string, Recorded[]>();
  for (const e of events) {
    if (e.type === 'call.start') pending.set(e.callId, keyOf(e));
    else if (e.type === 'call.done') {
      const key = pending.get(e.callId);
      if (key === undefined) continue;
      const list = answers.get(key) ?? [];
      list.push({ texts: e.texts, usage: { promptTokens: e.promptTokens, completionTokens: e.completionTokens }, requests: e.requests });
      answers.set(key, list);
    }
  }
  return {
    id,
    async complete(req: CompletionRequest): Promise<CompletionResult> {
      const list = answers.get(keyOf(req));
      const hit = list?.shift();
      if (!hit) throw new ModelError('notFound', `the recording has no answer for this request (${req.messages.length} messages, n = ${req.n}, seed ${req.seed ?? 'none'})`);
      req.signal?.throwIfAborted();
      hit.texts.forEach((text, i) => req.onToken?.(i, text));
      return { texts: [...hit.texts], usage: hit.usage, requests: hit.requests, ms: 0, cached: false };
    },
  };
}
