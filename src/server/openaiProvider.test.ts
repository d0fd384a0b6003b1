import { afterEach, describe, expect, it } from 'vitest';
import { ModelError, openAIModel, type CompletionRequest, type OpenAIModelConfig, type RetryInfo } from '../engine/index';
import { nodeFetch } from '../cli/http/nodeFetch';
import { echoModel } from './echoModel';
import { startModelServer, type ModelServer } from './modelServer';
import type { FaultPlan } from './faults';

const KEY = 'sk-test-SECRET-0123456789abcdef';
const servers: ModelServer[] = [];

async function serve(opts: { faults?: FaultPlan; requireKey?: string; latencyMs?: number; tokenMs?: number } = {}) {
  const server = await startModelServer({
    model: echoModel({ model: 'echo', latencyMs: opts.latencyMs ?? 0, tokenMs: opts.tokenMs ?? 0 }),
    faults: opts.faults,
    requireKey: opts.requireKey,
  });
  servers.push(server);
  return server;
}

function ask(text: string, extra: Partial<CompletionRequest> = {}): CompletionRequest {
  return { messages: [{ role: 'user', content: text }], n: 1, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ModelError);
    return err as ModelError;
  }
  throw new Error('expected the call to fail');
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

// The app's HTTP client (the platform's fetch) and the CLI's (node:http under the SDK) meet every case alike.
const HTTP_CLIENTS: Array<[string, typeof fetch | undefined]> = [
  ["the platform's fetch", undefined],
  ["the CLI's nodeFetch", nodeFetch()],
];

describe.each(HTTP_CLIENTS)('openAIModel over a real HTTP server, through %s', (_client, clientFetch) => {
  const provider = (config: OpenAIModelConfig) => openAIModel({ ...(clientFetch ? { fetch: clientFetch } : {}), ...config });
  it('streams tokens and takes token usage from the final chunk', async () => {
    const server = await serve();
    const model = provider({ baseUrl: server.url, model: 'echo' });
    const streamed: string[] = [];
    const result = await model.complete(ask('sort these numbers', { onToken: (i, d) => streamed.push(`${i}:${d}`) }));
    expect(result.texts).toEqual(['[echo 0] sort these numbers']);
    expect(streamed.length).toBeGreaterThan(1);
    expect(streamed.join('').replace(/0:/g, '')).toBe('[echo 0] sort these numbers');
    expect(result.usage).toEqual({ promptTokens: 9, completionTokens: 5 });
    expect(result).toMatchObject({ requests: 1, cached: false });
  });

  it('readies its first call without sending anything', async () => {
    const server = await serve();
    const model = provider({ baseUrl: server.url, model: 'echo' });
    await model.prepare();
    expect(server.stats().requests).toBe(0);
    expect((await model.complete(ask('hi'))).texts).toEqual(['[echo 0] hi']);
    expect(server.stats().requests).toBe(1);
  });

  it('asks for n completions in one request', async () => {
    const server = await serve();
    const model = provider({ baseUrl: server.url, model: 'echo' });
    const notices: string[] = [];
    const result = await model.complete(ask('hi', { n: 3, onNotice: (m) => notices.push(m) }));
    expect(result.texts).toEqual(['[echo 0] hi', '[echo 1] hi', '[echo 2] hi']);
    expect(result.requests).toBe(1);
    expect(server.stats().requests).toBe(1);
    expect(notices).toEqual([]);
  });

  it('falls back to separate requests when the server ignores n, says so once and remembers it', async () => {
    const server = await serve({ faults: { ignoreN: true } });
    const model = provider({ baseUrl: server.url, model: 'echo' });
    const notices: string[] = [];
    const tokens = new Map<number, string>();
    const first = await model.complete(
      ask('hi', { n: 3, seed: 7, onNotice: (m) => notices.push(m), onToken: (i, d) => tokens.set(i, (tokens.get(i) ?? '') + d) }),
    );
    expect(first.texts).toHaveLength(3);
    expect(first.requests).toBe(3);
    expect([...tokens.keys()].sort()).toEqual([0, 1, 2]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/ignored n=3/);
    const second = await model.complete(ask('again', { n: 2, onNotice: (m) => notices.push(m) }));
    expect(second.requests).toBe(2);
    expect(server.stats().requests).toBe(5);
    expect(notices).toHaveLength(1);
  });

  it('recovers from 429s through the SDK retries and reports each retry', async () => {
    const server = await serve({ faults: { rateLimit: { count: 2, retryAfterMs: 5 } } });
    const model = provider({ baseUrl: server.url, model: 'echo', maxRetries: 2 });
    const retries: RetryInfo[] = [];
    const result = await model.complete(ask('hi', { onRetry: (r) => retries.push(r) }));
    expect(result.texts).toEqual(['[echo 0] hi']);
    expect(retries).toEqual([
      { attempt: 1, reason: 'server answered 429', status: 429, delayMs: 5 },
      { attempt: 2, reason: 'server answered 429', status: 429, delayMs: 5 },
    ]);
  });

  it('recovers from 500s through retries', async () => {
    const server = await serve({ faults: { serverError: { count: 1, retryAfterMs: 5 } } });
    const model = provider({ baseUrl: server.url, model: 'echo' });
    const retries: RetryInfo[] = [];
    const result = await model.complete(ask('hi', { onRetry: (r) => retries.push(r) }));
    expect(result.texts).toEqual(['[echo 0] hi']);
    expect(retries.map((r) => r.status)).toEqual([500]);
  });

  it('gives a rate-limit error once the retries are spent', async () => {
    const server = await serve({ faults: { rateLimit: { retryAfterMs: 5 } } });
    const model = provider({ baseUrl: server.url, model: 'echo', maxRetries: 1 });
    const err = await failure(model.complete(ask('hi')));
    expect(err.kind).toBe('rateLimit');
    expect(err.status).toBe(429);
    expect(err.message).toMatch(/429.*after 1 retry/);
  });

  it('gives a server error once the retries are spent', async () => {
    const server = await serve({ faults: { serverError: { status: 503, retryAfterMs: 5 } } });
    const model = provider({ baseUrl: server.url, model: 'echo', maxRetries: 1 });
    const err = await failure(model.complete(ask('hi')));
    expect(err.kind).toBe('server');
    expect(err.message).toContain('failed with 503');
  });

  it('cuts a stalled stream with the watchdog, keeping no partial answer', async () => {
    const server = await serve({ faults: { stall: { afterChunks: 2 } } });
    const model = provider({ baseUrl: server.url, model: 'echo', stallMs: 150 });
    const seen: string[] = [];
    const started = Date.now();
    const err = await failure(model.complete(ask('one two three four five', { onToken: (_, d) => seen.push(d) })));
    expect(err.kind).toBe('stall');
    expect(err.message).toMatch(/stalled: no data for 0\.2 s/);
    expect(seen).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out when the server sends no headers in time, after retrying', async () => {
    const server = await serve({ faults: { slowFirstByte: { ms: 1000 } } });
    const model = provider({ baseUrl: server.url, model: 'echo', timeoutMs: 100, maxRetries: 1 });
    const retries: RetryInfo[] = [];
    const err = await failure(model.complete(ask('hi', { onRetry: (r) => retries.push(r) })));
    expect(err.kind).toBe('timeout');
    expect(retries).toHaveLength(1);
    expect(retries[0]?.reason).toMatch(/no answer within/);
  });

  it('ends with an aborted error when the caller cancels mid-stream', async () => {
    const server = await serve({ tokenMs: 30 });
    const model = provider({ baseUrl: server.url, model: 'echo' });
    const controller = new AbortController();
    const seen: string[] = [];
    const call = model.complete(
      ask('a b c d e f g h i j k l', {
        signal: controller.signal,
        onToken: (_, d) => {
          seen.push(d);
          if (seen.length === 2) controller.abort();
        },
      }),
    );
    const err = await failure(call);
    expect(err.kind).toBe('aborted');
    expect(seen.length).toBeLessThan(5);
  });

  it('ends with an aborted error when cancelled before the headers arrive', async () => {
    const server = await serve({ latencyMs: 500 });
    const model = provider({ baseUrl: server.url, model: 'echo' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const err = await failure(model.complete(ask('hi', { signal: controller.signal })));
    expect(err.kind).toBe('aborted');
  });

  it('says the key was refused on a 401, never showing the key', async () => {
    const server = await serve({ requireKey: 'the-right-key' });
    const model = provider({ baseUrl: server.url, model: 'echo', apiKey: KEY });
    const notices: string[] = [];
    const retries: RetryInfo[] = [];
    const err = await failure(model.complete(ask('hi', { onNotice: (m) => notices.push(m), onRetry: (r) => retries.push(r) })));
    expect(err.kind).toBe('auth');
    expect(err.message).toBe('the server refused the API key (401): check the key in Model settings');
    for (const text of [err.message, err.stack ?? '', ...notices, JSON.stringify(retries)]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('SECRET');
    }
  });

  it('accepts the right key', async () => {
    const server = await serve({ requireKey: KEY });
    const model = provider({ baseUrl: server.url, model: 'echo', apiKey: KEY });
    await expect(model.complete(ask('hi'))).resolves.toMatchObject({ texts: ['[echo 0] hi'] });
  });

  it('names the unknown model on a 404 from the model check', async () => {
    const server = await serve();
    const model = provider({ baseUrl: server.url, model: 'gpt-imaginary', apiKey: KEY });
    const err = await failure(model.complete(ask('hi')));
    expect(err.kind).toBe('notFound');
    expect(err.message).toContain('does not know the model "gpt-imaginary"');
    expect(err.message).not.toContain(KEY);
  });

  it('points at the base URL on a 404 for a wrong path', async () => {
    const server = await serve();
    const wrongBase = server.url.replace(/\/v1$/, '/v2');
    const model = provider({ baseUrl: wrongBase, model: 'echo' });
    const err = await failure(model.complete(ask('hi')));
    expect(err.kind).toBe('notFound');
    expect(err.message).toContain(`nothing answers at ${wrongBase}/chat/completions`);
    expect(err.message).toContain('check the base URL');
  });

  it('names the base URL when the connection is refused', async () => {
    const server = await serve();
    const url = server.url;
    await server.close();
    const model = provider({ baseUrl: url, model: 'echo', maxRetries: 1 });
    const retries: RetryInfo[] = [];
    const err = await failure(model.complete(ask('hi', { onRetry: (r) => retries.push(r) })));
    expect(err.kind).toBe('connection');
    expect(err.message).toBe(`could not connect to ${url}: connection refused (is the server running?)`);
    expect(retries.map((r) => r.reason)).toEqual(['connection failed']);
  });

  it('passes on why the server rejected a request with 400, without retrying', async () => {
    const server = await serve();
    const model = provider({ baseUrl: server.url, model: 'echo' });
    const retries: RetryInfo[] = [];
    const err = await failure(model.complete(ask('hi', { n: 500, onRetry: (r) => retries.push(r) })));
    expect(err.kind).toBe('badRequest');
    expect(err.message).toBe("the server rejected the request (400): 'n' must be an integer from 1 to 128.");
    expect(retries).toEqual([]);
    expect(server.stats().requests).toBe(1);
  });

  it('never shows credentials written into the base URL', async () => {
    const server = await serve();
    const url = server.url;
    await server.close();
    const withCredentials = url.replace('http://', 'http://user:hunter2@');
    const model = provider({ baseUrl: withCredentials, model: 'echo', maxRetries: 0 });
    const err = await failure(model.complete(ask('hi')));
    expect(err.kind).toBe('connection');
    expect(err.message).not.toContain('hunter2');
  });

  it('rejects an answer that is broken JSON', async () => {
    const server = await serve({ faults: { garbage: { kind: 'brokenJson' } } });
    const model = provider({ baseUrl: server.url, model: 'echo' });
    const err = await failure(model.complete(ask('hi')));
    expect(err.kind).toBe('badAnswer');
    expect(err.message).toContain('not OpenAI-style JSON');
  });

  it('rejects an HTML page or a stream without choices as a bad answer', async () => {
    const server = await serve({ faults: { garbage: { kind: 'text', count: 1 } } });
    const model = provider({ baseUrl: server.url, model: 'echo' });
    expect((await failure(model.complete(ask('hi')))).kind).toBe('badAnswer');
    server.setFaults({ garbage: { kind: 'noChoices', count: 1 } });
    const err = await failure(model.complete(ask('hi')));
    expect(err.kind).toBe('badAnswer');
    expect(err.message).toContain('without any completion');
    server.setFaults(undefined);
    await expect(model.complete(ask('hi'))).resolves.toMatchObject({ texts: ['[echo 0] hi'] });
  });

  it('reports an error the server sends in the middle of a stream', async () => {
    const failing = {
      id: { baseUrl: 'local:failing', model: 'echo' },
      async complete(request: CompletionRequest): Promise<never> {
        request.onToken?.(0, 'Hel');
        throw new ModelError('server', 'the GPU fell over');
      },
    };
    const server = await startModelServer({ model: failing });
    servers.push(server);
    const model = provider({ baseUrl: server.url, model: 'echo' });
    const err = await failure(model.complete(ask('hi')));
    expect(err.kind).toBe('server');
    expect(err.message).toContain('reported an error mid-answer: the GPU fell over');
  });

  it('keeps at most maxConcurrency requests in flight to an endpoint', async () => {
    const server = await serve({ latencyMs: 40 });
    const model = provider({ baseUrl: server.url, model: 'echo', maxConcurrency: 2 });
    await Promise.all(Array.from({ length: 6 }, (_, i) => model.complete(ask(`q${i}`))));
    expect(server.stats()).toMatchObject({ requests: 6, maxInFlight: 2 });
  });

  it('shares the limit between model objects for the same endpoint', async () => {
    const server = await serve({ latencyMs: 40 });
    const a = provider({ baseUrl: server.url, model: 'echo', maxConcurrency: 1 });
    const b = provider({ baseUrl: server.url, model: 'echo', maxConcurrency: 1 });
    await Promise.all([a.complete(ask('1')), b.complete(ask('2')), a.complete(ask('3'))]);
    expect(server.stats().maxInFlight).toBe(1);
  });

  it('estimates usage with the tokenizer when the server sends none, and says so', async () => {
    const server = await serve();
    // A fetch that strips the usage chunk, like servers that ignore stream_options.
    const noUsage: typeof fetch = async (input, init) => {
      const response = await (clientFetch ?? fetch)(input, init);
      const text = (await response.text())
        .split('\n\n')
        .filter((event) => !event.includes('"usage"'))
        .join('\n\n');
      return new Response(text, { status: response.status, headers: response.headers });
    };
    const model = provider({ baseUrl: server.url, model: 'echo', fetch: noUsage });
    const notices: string[] = [];
    const result = await model.complete(ask('hello there', { onNotice: (m) => notices.push(m) }));
    expect(result.usage.promptTokens).toBeGreaterThan(5);
    expect(result.usage.completionTokens).toBeGreaterThan(3);
    expect(notices).toEqual([expect.stringContaining('estimated with the tokenizer')]);
  });
});
