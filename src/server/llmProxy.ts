import type { IncomingMessage, ServerResponse } from 'node:http';
import { displayUrl, redactSecrets } from '../engine/index';

/** Where the proxy sends requests; read from the server's environment on each request by default. */
export interface LlmProxyOptions {
  /** Upstream base URL (default: OPENAI_BASE_URL, else https://api.openai.com/v1). */
  baseUrl?: string;
  /** Upstream key (default: OPENAI_API_KEY). It is added here and never sent to the browser. */
  apiKey?: string;
  /** Path prefix to strip when mounted at the root (default `/api/llm`). */
  prefix?: string;
  fetch?: typeof fetch;
}

/** A connect-style middleware (Vite dev/preview servers, plain Node). */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'retry-after-ms', 'x-should-retry', 'x-request-id', 'openai-processing-ms'];

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function fail(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type: 'proxy_error', param: null, code: null } }));
}

/**
 * Forwards `/api/llm/*` to an OpenAI-compatible server with the key from the server's
 * environment, streaming answers through as they come. The browser then talks same-origin (no
 * CORS) and never holds the key; without a server key, the browser's own Authorization is passed on.
 */
export function createLlmProxy(options: LlmProxyOptions = {}): Middleware {
  const prefix = options.prefix ?? '/api/llm';
  return (req, res, next) => {
    const rawUrl = req.url ?? '/';
    const path = rawUrl.startsWith(prefix) ? rawUrl.slice(prefix.length) || '/' : rawUrl;
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    const base = (options.baseUrl ?? process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
    const key = options.apiKey ?? process.env.OPENAI_API_KEY;
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
      const body = await readBody(req);
      let response: Response;
      try {
        response = await (options.fetch ?? fetch)(`${base}${path}`, {
          method: req.method ?? 'GET',
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
        if (value !== null) out[name] = value;
      }
      res.writeHead(response.status, out);
      res.flushHeaders();
      if (!response.body) return void res.end();
      try {
        for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
          res.write(part);
        }
        res.end();
      } catch {
        // The client left or the upstream dropped: end what was sent.
        res.destroy();
      }
    })().catch(next);
  };
}
