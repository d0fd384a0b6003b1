import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { displayUrl, redactSecrets } from '../engine/index';
import { createStreamRedactor, keyVariants, redactKey } from './keyRedactor';
import { contentTypeRefusal, crossSiteRefusal, routeProxyRequest, type ProxyRefusal } from './proxyRules';
import { proxyBodyLimit, readLimitedBody } from './readLimitedBody';

/** Where the proxy sends requests; read from the server's environment on each request by default. */
export interface LlmProxyOptions {
  /** Upstream base URL (default: OPENAI_BASE_URL, else https://api.openai.com/v1). */
  baseUrl?: string;
  /** Upstream key (default: OPENAI_API_KEY). It is added here and never sent to the browser. */
  apiKey?: string;
  /** Path prefix to strip when mounted at the root (default `/api/llm`). */
  prefix?: string;
  /** Largest request body in bytes (default: GOT_PROXY_MAX_BODY, else 4 MB). */
  maxBodyBytes?: number;
  fetch?: typeof fetch;
}

/** A connect-style middleware (Vite dev/preview servers, plain Node). */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'retry-after-ms', 'x-should-retry', 'x-request-id', 'openai-processing-ms'];

function fail(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error: { message, type: 'proxy_error', param: null, code: null } }));
}

// A refused request's body is never read: the connection closes after the answer instead of draining it.
function refuse(res: ServerResponse, refusal: ProxyRefusal): void {
  fail(res, refusal.status, refusal.message, { ...refusal.headers, connection: 'close' });
}

// The origin this server is reached at, as a page served by it would send in `Origin`.
function ownOrigin(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  if (!host) return undefined;
  return `${(req.socket as TLSSocket).encrypted ? 'https' : 'http'}://${host}`;
}

// CORS headers a server-wide middleware may have set earlier: the proxy grants no other origin anything.
function dropCorsHeaders(res: ServerResponse): void {
  for (const name of res.getHeaderNames()) if (name.startsWith('access-control-')) res.removeHeader(name);
}

/**
 * Forwards `POST /api/llm/chat/completions` and `GET /api/llm/models` to an OpenAI-compatible
 * server with the key from the server's environment, streaming answers through as they come.
 * Only this app's own pages may use it (see proxyRules.ts); bodies are capped; the key is cut from
 * everything the upstream sends back. Without a server key, the browser's own Authorization is passed on.
 */
export function createLlmProxy(options: LlmProxyOptions = {}): Middleware {
  const prefix = options.prefix ?? '/api/llm';
  return (req, res, next) => {
    dropCorsHeaders(res);
    const rawUrl = req.url ?? '/';
    const url = prefix && rawUrl.startsWith(prefix) ? rawUrl.slice(prefix.length) : rawUrl;
    const crossSite = crossSiteRefusal(req.headers, ownOrigin(req));
    if (crossSite) return refuse(res, crossSite);
    const route = routeProxyRequest(req.method, url);
    if (!route.ok) return refuse(res, route.refusal);
    const notJson = contentTypeRefusal(req.method, req.headers['content-type']);
    if (notJson) return refuse(res, notJson);
    const base = (options.baseUrl ?? process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
    const key = options.apiKey ?? process.env.OPENAI_API_KEY;
    const variants = keyVariants(key);
    const upstream = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) upstream.abort();
    });
    void (async () => {
      const headers = new Headers();
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers.set(name, value);
      }
      const auth = key ? `Bearer ${key}` : req.headers.authorization;
      if (auth) headers.set('authorization', auth);
      let body: Buffer | undefined;
      if (req.method === 'POST') {
        const read = await readLimitedBody(req, options.maxBodyBytes ?? proxyBodyLimit());
        if (!read.ok) return refuse(res, { status: 413, message: `The request body is larger than the model proxy's limit (GOT_PROXY_MAX_BODY).` });
        body = read.body;
      }
      let response: Response;
      try {
        response = await (options.fetch ?? fetch)(`${base}${route.path}`, {
          method: req.method,
          headers,
          body: body ? new Uint8Array(body) : undefined,
          signal: upstream.signal,
        });
      } catch (err) {
        if (upstream.signal.aborted) return;
        const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
        // Fetch errors can quote the URL, credentials included: the browser gets neither those nor the key.
        return fail(res, 502, `The proxy could not reach ${displayUrl(base)}: ${redactSecrets(cause, key)}.`);
      }
      const out: Record<string, string> = { 'cache-control': 'no-cache' };
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = response.headers.get(name);
        if (value !== null) out[name] = redactKey(value, variants);
      }
      res.writeHead(response.status, out);
      res.flushHeaders();
      if (!response.body) return void res.end();
      const redactor = createStreamRedactor(variants);
      try {
        for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
          const clean = redactor.push(part);
          if (clean.length > 0) res.write(clean);
        }
        res.end(redactor.flush());
      } catch {
        // The client left or the upstream dropped: end what was sent.
        res.destroy();
      }
    })().catch(next);
  };
}
