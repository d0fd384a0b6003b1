import { ModelError, type LanguageModel } from '../../../engine/index';
import { ADVICE } from '../runProblems';

/** The verdict of "Test connection", in words. */
export type ConnectionVerdict = { ok: true; message: string } | { ok: false; title: string; detail: string; hint: string };

/** Sends one tiny request and says whether the endpoint works, and if not, what to do. */
export async function testConnection(
  model: LanguageModel,
  timeoutMs = 20_000,
  now: () => number = () => performance.now(),
): Promise<ConnectionVerdict> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const started = now();
  try {
    const r = await model.complete({
      messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
      n: 1,
      maxTokens: 8,
      temperature: 0,
      signal: abort.signal,
    });
    const text = (r.texts[0] ?? '').trim().slice(0, 60);
    return {
      ok: true,
      message: `Connected: ${model.id.model} answered in ${Math.round(now() - started)} ms${text ? ` ("${text}")` : ''}.`,
    };
  } catch (err) {
    if (abort.signal.aborted)
      return { ok: false, title: ADVICE.timeout.title, detail: `No answer within ${timeoutMs / 1000} s.`, hint: ADVICE.timeout.hint };
    const kind = err instanceof ModelError ? err.kind : 'unknown';
    const advice = ADVICE[kind];
    return { ok: false, title: advice.title, detail: err instanceof Error ? err.message : String(err), hint: advice.hint };
  } finally {
    clearTimeout(timer);
  }
}
