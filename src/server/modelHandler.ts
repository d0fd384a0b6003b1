import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { ModelError, type LanguageModel } from '../engine/index';
import { chunk, errorBody, parseChatBody, usageBody, type ChatBody } from './chatWire';
import { FaultState, type DrawnFaults, type FaultPlan } from './faults';
import { startRequestClock } from './requestClock';

export interface ModelHandlerOptions {
  model: LanguageModel;
  /** Model names the server answers to (default: the model's own name). */
  models?: string[];
  /** When set, requests must carry `Authorization: Bearer <requireKey>`. */
  requireKey?: string;
  faults?: FaultPlan;
  /** Told of each chat request once its answer is fully written (benchmarks' timelines). */
  onAnswered?: (trace: ChatTrace) => void;
}

/** One chat request as this server saw it, on its own clock (performance.now, ms). */
export interface ChatTrace {
  seed: number | null;
  n: number;
  receivedAt: number;
  answeredAt: number;
}

/** Counters of chat requests, for tests and benchmarks. */
export interface ModelServerStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
}

/** A request of an HTTP/1.1 server (or connect middleware) or of an HTTP/2 server's compatibility API. */
export type AnyRequest = IncomingMessage | Http2ServerRequest;
export type AnyResponse = ServerResponse | Http2ServerResponse;

/** An OpenAI-compatible request handler, usable by a plain Node server, an HTTP/2 server or as connect middleware. */
export interface ModelHandler {
  handle(req: AnyRequest, res: AnyResponse): void;
  setFaults(plan: FaultPlan | undefined): void;
  stats(): ModelServerStats;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// An HTTP/2 response has no `destroyed` of its own: its stream does.
const gone = (res: AnyResponse): boolean => ('stream' in res ? res.stream.destroyed : res.destroyed);

function cors(req: AnyRequest, res: AnyResponse): void {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  // Echo what the browser asks for: the SDK sends authorization, content-type and x-stainless-* headers.
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'authorization, content-type');
  res.setHeader('Access-Control-Expose-Headers', 'retry-after, retry-after-ms, x-request-id');
  res.setHeader('Access-Control-Max-Age', '600');
  // A page may read this server's request timings (connect, first byte, last byte), as benchmarks do.
  res.setHeader('Timing-Allow-Origin', req.headers.origin ?? '*');
}

function sendJson(res: AnyResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

// Events rather than an async iterator: reading a burst of requests is on every run's critical path.
function readJson(req: AnyRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (part: Buffer) => {
      size += part.length;
      if (size <= MAX_BODY_BYTES) return void parts.push(part);
      req.off('data', onData);
      req.resume();
      reject(new Error('The request body is larger than 10 MB.'));
    };
    req.on('data', onData);
    req.once('error', reject);
    req.once('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(parts).toString('utf8')));
      } catch (err) {
        reject(err);
      }
    });
  });
}

function statusOf(err: unknown): number {
  if (!(err instanceof ModelError)) return 500;
  if (err.kind === 'badRequest') return 400;
  if (err.kind === 'rateLimit') return 429;
  return err.status && err.status >= 400 ? err.status : 500;
}

/** Creates the handler behind `/v1/chat/completions` and `/v1/models` (also mounted without the `/v1`). */
export function createModelHandler(options: ModelHandlerOptions): ModelHandler {
  const names = options.models ?? [options.model.id.model];
  const faults = new FaultState(options.faults);
  const stats: ModelServerStats = { requests: 0, inFlight: 0, maxInFlight: 0 };
  let nextId = 0;

  async function chat(req: AnyRequest, res: AnyResponse): Promise<void> {
    const receivedAt = performance.now();
    let raw: unknown;
    try {
      raw = await readJson(req);
    } catch (err) {
      sendJson(res, 400, errorBody(`The body is not valid JSON: ${(err as Error).message}`, 'invalid_request_error'));
      return;
    }
    const parsed = parseChatBody(raw);
    if (!parsed.ok) return sendJson(res, 400, errorBody(parsed.message, 'invalid_request_error'));
    const body = parsed.body;
    const onAnswered = options.onAnswered;
    if (onAnswered) {
      res.once('finish', () => onAnswered({ seed: body.seed ?? null, n: body.n, receivedAt, answeredAt: performance.now() }));
    }
    if (!names.includes(body.model)) {
      return sendJson(
        res,
        404,
        errorBody(`The model '${body.model}' does not exist on this server (it serves: ${names.join(', ')}).`, 'invalid_request_error', 'model_not_found'),
      );
    }
    const drawn = faults.draw();
    if (drawn.rateLimit) {
      const ms = String(drawn.rateLimit.retryAfterMs);
      return sendJson(res, 429, errorBody('Rate limit reached (simulated).', 'rate_limit_error', 'rate_limit_exceeded'), { 'retry-after-ms': ms });
    }
    if (drawn.serverError) {
      const headers: Record<string, string> = drawn.serverError.retryAfterMs === undefined ? {} : { 'retry-after-ms': String(drawn.serverError.retryAfterMs) };
      return sendJson(res, drawn.serverError.status, errorBody('The server had an error (simulated).', 'server_error'), headers);
    }
    if (drawn.slowFirstByteMs) await sleep(drawn.slowFirstByteMs);
    if (gone(res)) return;
    if (drawn.garbage) return sendGarbage(res, drawn.garbage, body.stream);
    await answer(res, body, drawn, receivedAt);
  }

  function sendGarbage(res: AnyResponse, kind: NonNullable<DrawnFaults['garbage']>, stream: boolean): void {
    if (kind === 'text') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1>upstream hiccup (simulated)</body></html>');
      return;
    }
    if (kind === 'noChoices') {
      const junk = { id: 'junk', object: 'chat.completion', note: 'simulated answer without choices' };
      if (!stream) return sendJson(res, 200, junk);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`data: ${JSON.stringify(junk)}\n\ndata: [DONE]\n\n`);
      return;
    }
    res.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
    res.end(stream ? 'data: {"id": "broken", "choices": [{"index": 0, "delta": {"content": "Hel\n\n' : '{"id": "broken", "choi');
  }

  async function answer(res: AnyResponse, body: ChatBody, drawn: DrawnFaults, receivedAt: number): Promise<void> {
    const id = `chatcmpl-sim${(nextId++).toString(36)}`;
    const created = Math.floor(Date.now() / 1000);
    const n = drawn.ignoreN ? 1 : body.n;
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) abort.abort();
    });
    // A model that sleeps on the request clock counts its latency from the request's arrival. The
    // answer (headers included) waits one turn, so requests that arrived meanwhile are read first.
    startRequestClock(abort.signal, receivedAt);
    await new Promise((done) => setImmediate(done));
    let corked = false;
    const write = (data: unknown) => {
      if (gone(res)) return;
      // What one turn of the event loop writes leaves in one packet: a burst of chunks costs the client one read, not one each.
      if (!corked) {
        corked = true;
        res.cork();
        process.nextTick(() => {
          corked = false;
          res.uncork();
        });
      }
      // Both responses take a string; their write overloads differ only in callbacks.
      (res as { write(text: string): boolean }).write(`data: ${JSON.stringify(data)}\n\n`);
    };
    let sentChunks = 0;
    const stalled = () => drawn.stallAfterChunks !== undefined && sentChunks >= drawn.stallAfterChunks;
    if (body.stream) {
      // HTTP/2 has no Connection header (it refuses connection-specific ones).
      const keepAlive: Record<string, string> = 'stream' in res ? {} : { connection: 'keep-alive' };
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...keepAlive });
      for (let index = 0; index < n; index++) {
        write(chunk(id, created, body.model, [{ index, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
      }
    }
    try {
      const result = await options.model.complete({
        messages: body.messages,
        n,
        temperature: body.temperature,
        maxTokens: body.maxTokens,
        seed: body.seed,
        signal: abort.signal,
        onToken: body.stream
          ? (index, delta) => {
              if (stalled()) return;
              sentChunks += 1;
              write(chunk(id, created, body.model, [{ index, delta: { content: delta }, finish_reason: null }]));
            }
          : undefined,
      });
      const usage = usageBody(result.usage.promptTokens, result.usage.completionTokens);
      if (!body.stream) {
        sendJson(res, 200, {
          id,
          object: 'chat.completion',
          created,
          model: body.model,
          choices: result.texts.map((content, index) => ({ index, message: { role: 'assistant', content }, finish_reason: 'stop' })),
          usage,
        });
        return;
      }
      // A stalled stream hangs here, connection open, until the client gives up.
      if (stalled()) return;
      write(chunk(id, created, body.model, result.texts.map((_, index) => ({ index, delta: {}, finish_reason: 'stop' }))));
      if (body.includeUsage) write(chunk(id, created, body.model, [], usage));
      res.end('data: [DONE]\n\n');
    } catch (err) {
      if (abort.signal.aborted) return;
      const message = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) return sendJson(res, statusOf(err), errorBody(message, 'server_error'));
      write({ error: { message, type: 'server_error' } });
      res.end();
    }
  }

  function route(req: AnyRequest, res: AnyResponse): Promise<void> | void {
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '').replace(/^\/v1(?=\/|$)/, '');
    if (options.requireKey !== undefined) {
      const auth = req.headers.authorization ?? '';
      if (auth !== `Bearer ${options.requireKey}`) {
        return sendJson(res, 401, errorBody('Invalid API key.', 'invalid_request_error', 'invalid_api_key'));
      }
    }
    if (path === '/models' && req.method === 'GET') {
      return sendJson(res, 200, {
        object: 'list',
        data: names.map((name) => ({ id: name, object: 'model', created: 0, owned_by: 'got-studio' })),
      });
    }
    if (path === '/chat/completions' && req.method === 'POST') {
      stats.requests += 1;
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      return chat(req, res).finally(() => {
        stats.inFlight -= 1;
      });
    }
    return sendJson(res, 404, errorBody(`Unknown path ${req.method} ${req.url ?? '/'}.`, 'invalid_request_error', 'unknown_url'));
  }

  return {
    handle(req, res) {
      Promise.resolve(route(req, res)).catch((err: unknown) => {
        sendJson(res, 500, errorBody(err instanceof Error ? err.message : String(err), 'server_error'));
      });
    },
    setFaults: (plan) => faults.set(plan),
    stats: () => ({ ...stats }),
  };
}
