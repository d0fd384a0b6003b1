import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtinFunctions, mergeFunctionRegistries, openAIModel, runGraph, simulateCompletion, simulatorModel, taskFunctions, type ExportedRun } from '../engine/index';
import { createModelHandler } from '../server/modelHandler';
import { cli, exampleGraphs, readJson, scratch } from './test/harness';
import { openConnections, rehearse, simulatedFetch, spareCore, warmUp, watchFirstCall, WAVE_CONNECTIONS, type Rehearsal, type RehearsalControl } from './warmUp';

// When the run collects its garbage (the real collection still runs).
const collections = vi.hoisted(() => [] as number[]);
vi.mock('./idleGc', async (actual) => {
  const real = await actual<typeof import('./idleGc')>();
  return {
    ...real,
    collectGarbageWhileIdle: () => {
      collections.push(performance.now());
      return real.collectGarbageWhileIdle();
    },
  };
});

const going = (): RehearsalControl => ({ pause: new AbortController().signal, stop: new AbortController().signal });
const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
const gotSorting32 = () => exampleGraphs().find((e) => e.document.task === 'sorting' && e.document.scheme === 'GoT' && (e.document.input['original'] as unknown[]).length === 32)!;
const rehearsalOf = (): Rehearsal => {
  const { document } = gotSorting32();
  return { document, functions, input: document.input };
};

afterEach(() => vi.unstubAllGlobals());

describe('the rehearsal', () => {
  it('streams n copies of the simulator\'s answer through the provider, as a server would', async () => {
    const model = openAIModel({ baseUrl: 'http://rehearsal.invalid/v1', model: 'm', fetch: simulatedFetch(going()), maxRetries: 0 });
    const messages = [{ role: 'user' as const, content: 'Sort this list of numbers: [3, 1, 2]' }];
    const result = await model.complete({ messages, n: 3, seed: 7 });
    expect(result.texts).toEqual(Array(3).fill(simulateCompletion(messages, 7, 0)));
    expect(result.usage).toEqual({ promptTokens: 1, completionTokens: 3 });
  });

  it('runs a whole graph, every request of it, without calling the network', async () => {
    const network = vi.fn(() => Promise.reject(new Error('no network in a rehearsal')));
    vi.stubGlobal('fetch', network);
    const made = vi.fn(simulatedFetch(going()));
    await rehearse(rehearsalOf(), going(), made);
    const { document, functions: f, input } = rehearsalOf();
    const inProcess = await runGraph(document, { model: simulatorModel({ latencyMs: 0 }), functions: f, input });
    expect(made).toHaveBeenCalledTimes(inProcess.summary.requests);
    expect(network).not.toHaveBeenCalled();
  }, 30_000);

  it('holds still while paused and ends, without throwing, once stopped', async () => {
    const pause = new AbortController();
    const stop = new AbortController();
    pause.abort();
    const made = vi.fn(simulatedFetch({ pause: pause.signal, stop: stop.signal }));
    const ended = vi.fn();
    const rehearsal = rehearse(rehearsalOf(), { pause: pause.signal, stop: stop.signal }, made).then(ended);
    await new Promise((done) => setTimeout(done, 50));
    expect(ended).not.toHaveBeenCalled();
    stop.abort();
    await rehearsal;
    expect(ended).toHaveBeenCalled();
  });

  it('lets many waiting steps wait on one stop without a listener-leak warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const pause = new AbortController();
    const stop = new AbortController();
    pause.abort();
    const fetchImpl = simulatedFetch({ pause: pause.signal, stop: stop.signal });
    const waiting = Array.from({ length: 20 }, () => fetchImpl('http://rehearsal.invalid/v1/chat/completions', { method: 'POST', body: '{}' }).catch((e: unknown) => e));
    await new Promise((done) => setTimeout(done, 20));
    stop.abort();
    const outcomes = await Promise.all(waiting);
    await new Promise((done) => setImmediate(done));
    process.off('warning', onWarning);
    expect(outcomes.every((o) => o instanceof Error)).toBe(true);
    expect(warnings).toEqual([]);
  });
});

describe('the warm-up', () => {
  it('rehearses only when a core is to spare (load below the core count)', () => {
    expect(spareCore(1.2, 2)).toBe(true);
    expect(spareCore(2, 2)).toBe(false);
    expect(spareCore(9.5, 2)).toBe(false);
    expect(spareCore(3, 8)).toBe(true);
  });

  it('opens the first wave\'s connections with GET /models and nothing else, reading each answer to its end', async () => {
    const seen: string[] = [];
    const read = vi.fn(async () => new ArrayBuffer(0));
    const fetchSpy = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      seen.push(`${init?.method ?? 'GET'} ${String(url)}`);
      return { arrayBuffer: read } as unknown as Response;
    });
    await openConnections('http://host/v1/', 3, { authorization: 'Bearer k' }, new AbortController().signal, fetchSpy);
    expect(seen).toEqual(Array(3).fill('GET http://host/v1/models'));
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('never fails, whatever the server does', async () => {
    const refusing = vi.fn(() => Promise.reject(new TypeError('fetch failed')));
    const plan = { baseUrl: 'http://host/v1', headers: {}, concurrency: 2, rehearsal: null };
    await expect(warmUp(plan, going(), refusing)).resolves.toBeUndefined();
    expect(refusing).toHaveBeenCalledTimes(2);
  });

  it('tells when the first request was sent and when its answer began, and leaves later requests alone', async () => {
    const told: string[] = [];
    const later = new Response('later');
    const base = vi.fn(async (url: string | URL | Request) => (String(url).endsWith('/a') ? new Response('first answer', { status: 201 }) : later));
    const watched = watchFirstCall(base, { sent: () => told.push('sent'), answering: () => told.push('answering') });
    const first = await watched('http://host/a');
    await new Promise((done) => setImmediate(done));
    expect(told).toEqual(['sent']);
    expect([first.status, await first.text()]).toEqual([201, 'first answer']);
    expect(told).toEqual(['sent', 'answering']);
    expect(await watched('http://host/b')).toBe(later);
    expect(told).toEqual(['sent', 'answering']);
  });

  it('takes the second chunk of a streamed answer for its beginning (the first, the role, comes at once)', async () => {
    const told: string[] = [];
    const parts = ['data: role\n\n', 'data: content\n\n'];
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => (parts.length ? c.enqueue(new TextEncoder().encode(parts.shift())) : c.close()) });
    const watched = watchFirstCall(async () => new Response(stream), { sent: () => undefined, answering: () => told.push('answering') });
    // The body is read as the SDK reads the CLI's answers: through its async iterator.
    const reader = ((await watched('http://host/a')).body as unknown as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    await reader.next();
    expect(told).toEqual([]);
    await reader.next();
    expect(told).toEqual(['answering']);
    await reader.next();
    expect(told).toEqual(['answering']);
  });

  it('counts a failed first request as answered, and passes its error on', async () => {
    const told: string[] = [];
    const watched = watchFirstCall(() => Promise.reject(new TypeError('fetch failed')), { sent: () => told.push('sent'), answering: () => told.push('answering') });
    await expect(watched('http://host/a')).rejects.toThrow('fetch failed');
    expect(told).toContain('answering');
  });
});

describe('run against a server, warmed up', () => {
  let server: Server;
  let url = '';
  const requests: string[] = [];
  /** Each chat request: when it came in and when its answer was written. */
  const chats: Array<{ received: number; answered: number }> = [];
  beforeAll(async () => {
    const handler = createModelHandler({ model: simulatorModel({ seed: 0, latencyMs: 40 }), models: ['sim-remote'] });
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      if (req.method === 'POST') {
        const chat = { received: performance.now(), answered: Number.NaN };
        chats.push(chat);
        res.once('finish', () => (chat.answered = performance.now()));
      }
      void handler.handle(req, res);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => new Promise<void>((done) => server.close(() => done())));

  it('sends the server the graph\'s chat requests, and only GET /models besides', async () => {
    const cwd = scratch();
    const result = await cli(['run', gotSorting32().file, '--base-url', url, '--model', 'sim-remote', '--no-cache', '--quiet', '--out', 'run.json'], { cwd, env: { OPENAI_API_KEY: 'sk-local' } });
    expect(result.code).toBe(0);
    const run = readJson<ExportedRun>(join(cwd, 'run.json'));
    const chats = requests.filter((r) => r === 'POST /v1/chat/completions');
    expect(chats.length).toBe(run.samples[0]!.requests);
    expect(requests.filter((r) => r !== 'POST /v1/chat/completions').every((r) => r === 'GET /v1/models')).toBe(true);
    expect(requests.length - chats.length).toBeLessThanOrEqual(1 + WAVE_CONNECTIONS);
  }, 60_000);

  it('collects its garbage once, while the first call waits for its answer', async () => {
    collections.length = 0;
    chats.length = 0;
    const result = await cli(['run', gotSorting32().file, '--base-url', url, '--model', 'sim-remote', '--no-cache', '--quiet'], { env: { OPENAI_API_KEY: 'sk-local' } });
    expect(result.code).toBe(0);
    expect(collections).toHaveLength(1);
    const first = chats[0]!;
    expect(collections[0]!).toBeGreaterThan(first.received);
    expect(collections[0]!).toBeLessThan(first.answered);
  }, 60_000);
});
