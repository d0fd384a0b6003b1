import type { CompletionRequest, CompletionResult, LanguageModel } from '../engine/index';
import { ModelError } from '../engine/index';

export interface EchoModelOptions {
  /** Model name it answers to (default `echo`). */
  model?: string;
  /** Milliseconds before the first token. */
  latencyMs?: number;
  /** Milliseconds per streamed token. */
  tokenMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new ModelError('aborted', 'the call was cancelled'));
      },
      { once: true },
    );
  });

/**
 * A stand-in model that answers `[echo i] <last user message>`, streamed word by word, with
 * word-count usage: a zero-cost model for the model server's tests and its throughput benchmark.
 */
export function echoModel(options: EchoModelOptions = {}): LanguageModel {
  const name = options.model ?? 'echo';
  return {
    id: { baseUrl: 'local:echo', model: name },
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      const started = performance.now();
      const last = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
      await sleep(options.latencyMs ?? 0, request.signal);
      const texts: string[] = [];
      let completionTokens = 0;
      for (let index = 0; index < request.n; index++) {
        const words = `[echo ${index}] ${last}`.split(/(?<=\s)/);
        for (const word of words) {
          await sleep(options.tokenMs ?? 0, request.signal);
          if (request.signal?.aborted) throw new ModelError('aborted', 'the call was cancelled');
          request.onToken?.(index, word);
        }
        completionTokens += words.length;
        texts.push(words.join(''));
      }
      const promptTokens = request.messages.reduce((sum, m) => sum + m.content.split(/\s+/).filter(Boolean).length + 3, 3);
      return { texts, usage: { promptTokens, completionTokens }, requests: 1, ms: performance.now() - started, cached: false };
    },
  };
}
