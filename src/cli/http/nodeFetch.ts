// The CLI's HTTP client under the openai SDK: a fetch over node:http and node:https with keep-alive
// agents. Node's built-in fetch (undici) spends about as much CPU per call as the SDK and the engine
// together (Request and Response objects, web streams, per-call abort plumbing); on a run whose
// waves of calls finish together, that time adds up on the critical path. The SDK stays the client:
// it builds every request, retries, times out and parses the event stream; this only moves bytes.
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { IterableResponse } from './iterableResponse';

/** As Node's own agents: keep-alive, most recently used socket first, idle sockets closed after 5 s (or the server's hint). */
const AGENT_OPTIONS = { keepAlive: true, scheduling: 'lifo', timeout: 5_000, noDelay: true } as const;

const MAX_REDIRECTS = 20;

export interface NodeFetchOptions {
  httpAgent?: http.Agent;
  httpsAgent?: https.Agent;
}

/** What fetch throws for a network failure: a TypeError whose cause is the system error (`cause.code`: ECONNREFUSED, ENOTFOUND…). */
function networkError(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) headers.forEach((value, name) => (out[name] = value));
  else if (Array.isArray(headers)) for (const [name, value] of headers) out[name!.toLowerCase()] = value!;
  else for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

function bodyBytes(body: BodyInit | null | undefined): Uint8Array | string | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof URLSearchParams) return body.toString();
  // The SDK sends chat requests as JSON strings; streamed and form bodies are not sent by this CLI.
  throw new TypeError(`nodeFetch cannot send a body of type ${Object.prototype.toString.call(body)}`);
}

function responseHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/** The body as sent, decompressed when the server compressed it anyway (nothing asks it to). */
function decoded(res: IncomingMessage): Readable {
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const inflate = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : null;
  if (!inflate) return res;
  res.on('error', (err) => inflate.destroy(err));
  return res.pipe(inflate);
}

const isAbort = (err: unknown): boolean => ['AbortError', 'TimeoutError'].includes((err as { name?: unknown } | null)?.name as string);

/**
 * The body as the SDK iterates it. A connection that breaks mid-answer fails the read with what
 * happened (an abort keeps its own reason); giving the body up (`return`, as the SDK cancels a
 * body it will not read) closes the connection, started or not.
 */
function bodyOf(stream: Readable, url: string): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]() {
      const it = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
      return {
        async next() {
          try {
            return await it.next();
          } catch (err) {
            if (isAbort(err)) throw err;
            throw new TypeError(`the connection to ${new URL(url).host} broke before the answer ended`, { cause: err });
          }
        },
        async return() {
          stream.destroy();
          await it.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A fetch (HTTP/1.1 over node:http and node:https, keep-alive) whose answers are `IterableResponse`s. */
export function nodeFetch(options: NodeFetchOptions = {}): typeof fetch {
  const httpAgent = options.httpAgent ?? new http.Agent(AGENT_OPTIONS);
  const httpsAgent = options.httpsAgent ?? new https.Agent(AGENT_OPTIONS);

  function once(url: URL, method: string, headers: Record<string, string>, body: Uint8Array | string | undefined, signal: AbortSignal | undefined): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const secure = url.protocol === 'https:';
      if (!secure && url.protocol !== 'http:') return reject(networkError(new Error(`unsupported protocol ${url.protocol}`)));
      const sent = { ...headers };
      if (body !== undefined) sent['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
      if (url.username || url.password) {
        sent['authorization'] ??= `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
      }
      const req = (secure ? https : http).request(url, { method, headers: sent, agent: secure ? httpsAgent : httpAgent });
      let response: IncomingMessage | undefined;
      // As fetch: an abort fails the request, or the body being read, with the signal's reason (the SDK knows an AbortError).
      const onAbort = () => {
        const reason = abortReason(signal!) as Error;
        response?.destroy(reason);
        req.destroy(reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.once('error', (err) => {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? abortReason(signal) : networkError(err));
      });
      req.once('response', (res) => {
        response = res;
        // Until its body ends, an abort ends the answer too (the SDK's timeout, a cancelled run).
        res.once('end', () => signal?.removeEventListener('abort', onAbort));
        res.once('close', () => signal?.removeEventListener('abort', onAbort));
        resolve(res);
      });
      req.end(body);
    });
  }

  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    let url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    let method = (init.method ?? 'GET').toUpperCase();
    let headers = headerRecord(init.headers);
    let body = bodyBytes(init.body);
    const signal = init.signal ?? undefined;
    for (let redirects = 0; ; redirects++) {
      const res = await once(url, method, headers, body, signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location && init.redirect !== 'manual') {
        res.resume();
        if (init.redirect === 'error' || redirects >= MAX_REDIRECTS) throw networkError(new Error(`too many redirects, or a redirect refused, at ${url.href}`));
        const next = new URL(location, url);
        // As fetch: 303 (and 301/302 after a POST) become a GET without a body; leaving the origin drops the credentials.
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('content-')));
        }
        if (next.origin !== url.origin) headers = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'authorization' && name !== 'cookie'));
        url = next;
        continue;
      }
      const source = decoded(res);
      return new IterableResponse(bodyOf(source, url.href), { status, statusText: res.statusMessage ?? '', headers: responseHeaders(res), url: url.href, redirected: redirects > 0 }).asResponse();
    }
  }) as typeof fetch;
}
