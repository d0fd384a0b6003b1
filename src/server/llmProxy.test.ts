import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createStreamRedactor, keyVariants } from './keyRedactor';
import { createLlmProxy, type LlmProxyOptions } from './llmProxy';
import { proxyBodyLimit, readLimitedBody } from './readLimitedBody';

const KEY = 'sk-proxy-test-KEY-0123456789';
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => (server.closeAllConnections(), server.close(r))));
  return (server.address() as AddressInfo).port;
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
type Answer = (seen: Seen, res: ServerResponse) => void | Promise<void>;
const okJson: Answer = (_seen, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');

/** A fake upstream that records what reached it, and the proxy in front of it (mounted at the root, prefix /api/llm). */
async function proxyTo(answer: Answer = okJson, options: LlmProxyOptions = {}) {
  const seen: Seen[] = [];
  const upstreamPort = await listen((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const s = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(parts).toString() };
      seen.push(s);
      void answer(s, res);
    });
  });
  const proxy = createLlmProxy({ baseUrl: `http://127.0.0.1:${upstreamPort}/v1`, apiKey: KEY, ...options });
  const port = await listen((req, res) => proxy(req, res, () => res.writeHead(500).end()));
  return { seen, port, origin: `http://127.0.0.1:${port}` };
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One raw HTTP request (exact path and headers, nothing normalised), answered or refused. */
function send(port: number, method: string, path: string, headers: Record<string, string | number> = {}, body?: string | Readable): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (p: Buffer) => parts.push(p));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body instanceof Readable) {
      body.on('error', () => undefined);
      body.pipe(req).on('error', () => undefined);
    } else req.end(body);
  });
}

const json = { 'content-type': 'application/json' };
const chat = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });

describe('the model proxy forwards only what the app needs', () => {
  it('forwards a same-origin chat completion and a model list to the base path, with the server key', async () => {
    const { seen, port, origin } = await proxyTo();
    const posted = await send(port, 'POST', '/api/llm/chat/completions', { ...json, origin, 'sec-fetch-site': 'same-origin' }, chat);
    const listed = await send(port, 'GET', '/api/llm/models', { 'sec-fetch-site': 'same-origin' });
    expect([posted.status, listed.status]).toEqual([200, 200]);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /v1/chat/completions', 'GET /v1/models']);
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[0]?.body).toBe(chat);
  });

  it('refuses other methods and other paths with a JSON error, and forwards none of them', async () => {
    const { seen, port, origin } = await proxyTo();
    const tries: Array<[string, string, number]> = [
      ['PUT', '/api/llm/files/file-1', 404],
      ['PATCH', '/api/llm/files/file-1', 404],
      ['DELETE', '/api/llm/files/file-1', 404],
      ['POST', '/api/llm/files', 404],
      ['POST', '/api/llm/fine_tuning/jobs', 404],
      ['GET', '/api/llm/chat/completions', 405],
      ['DELETE', '/api/llm/models', 405],
      ['POST', '/api/llm/models', 405],
      ['OPTIONS', '/api/llm/chat/completions', 405],
      ['GET', '/api/llm/models/gpt-4o', 404],
      ['GET', '/api/llm/models?limit=1', 400],
    ];
    for (const [method, path, status] of tries) {
      const reply = await send(port, method, path, { ...json, origin }, method === 'GET' ? undefined : chat);
      expect(`${method} ${path} → ${reply.status}`).toBe(`${method} ${path} → ${status}`);
      expect(JSON.parse(reply.body)).toMatchObject({ error: { type: 'proxy_error' } });
    }
    expect(seen).toEqual([]);
  });

  it('refuses dot segments, encoded dots and slashes, backslashes and empty segments', async () => {
    const { seen, port, origin } = await proxyTo();
    const paths = [
      '/api/llm/../../x',
      '/api/llm/../models',
      '/api/llm/models/../files',
      '/api/llm/./models',
      '/api/llm/%2e%2e/%2e%2e/x',
      '/api/llm/%2E%2E/models',
      '/api/llm/chat%2fcompletions',
      '/api/llm/chat%2Fcompletions',
      '/api/llm//models',
      '/api/llm/models/',
      '/api/llm/..%5c..%5cx',
      '/api/llm\\..\\models',
      '/api/llm/%6dodels',
    ];
    for (const path of paths) {
      const reply = await send(port, 'GET', path, { origin });
      expect(`${path} → ${reply.status}`).toBe(`${path} → 404`);
    }
    expect(seen).toEqual([]);
  });
});

describe('the model proxy answers only its own pages', () => {
  it('refuses a cross-site <form enctype="text/plain"> post before it reaches the upstream', async () => {
    const { seen, port } = await proxyTo();
    const form = { 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' };
    const reply = await send(port, 'POST', '/api/llm/chat/completions', form, `${chat.slice(0, -1)}, "x=":"1"}`);
    expect(reply.status).toBe(403);
    expect(seen).toEqual([]);
  });

  it('refuses a no-cors text/plain fetch from another localhost page, and one from this origin too', async () => {
    const { seen, port, origin } = await proxyTo();
    const other = await send(port, 'POST', '/api/llm/chat/completions', { 'content-type': 'text/plain;charset=UTF-8', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors' }, chat);
    const own = await send(port, 'POST', '/api/llm/chat/completions', { 'content-type': 'text/plain;charset=UTF-8', origin, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'no-cors' }, chat);
    expect([other.status, own.status]).toEqual([403, 415]);
    expect(seen).toEqual([]);
  });

  it('refuses a JSON post from another origin even without Sec-Fetch-Site, and an opaque "null" origin', async () => {
    const { seen, port } = await proxyTo();
    const other = await send(port, 'POST', '/api/llm/chat/completions', { ...json, origin: 'http://localhost:3000' }, chat);
    const opaque = await send(port, 'POST', '/api/llm/chat/completions', { ...json, origin: 'null' }, chat);
    const site = await send(port, 'POST', '/api/llm/chat/completions', { ...json, 'sec-fetch-site': 'cross-site' }, chat);
    expect([other.status, opaque.status, site.status]).toEqual([403, 403, 403]);
    expect(seen).toEqual([]);
  });

  it('forwards a request without Origin or Sec-Fetch-Site (a non-browser client, or a same-origin GET on plain http)', async () => {
    const { seen, port } = await proxyTo();
    expect((await send(port, 'GET', '/api/llm/models')).status).toBe(200);
    expect((await send(port, 'POST', '/api/llm/chat/completions', json, chat)).status).toBe(200);
    expect(seen).toHaveLength(2);
  });

  it('grants no CORS: a preflight from a localhost page is refused without Access-Control headers, even when a server-wide middleware set them', async () => {
    const proxy = createLlmProxy({ baseUrl: 'http://127.0.0.1:1/v1', apiKey: KEY });
    const port = await listen((req, res) => {
      // What Vite's default CORS middleware does for any localhost origin.
      res.setHeader('access-control-allow-origin', String(req.headers.origin));
      proxy(req, res, () => res.writeHead(500).end());
    });
    const preflight = { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' };
    const reply = await send(port, 'OPTIONS', '/api/llm/chat/completions', preflight);
    expect(reply.status).toBe(403);
    expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

describe('the model proxy caps request bodies', () => {
  it('answers 413 to a body declared larger than the limit, before reading it or calling the upstream', async () => {
    const { seen, port, origin } = await proxyTo(okJson, { maxBodyBytes: 1024 });
    let sentBytes = 0;
    const endless = new Readable({
      read() {
        sentBytes += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 0x20));
      },
    });
    const reply = await send(port, 'POST', '/api/llm/chat/completions', { ...json, origin, 'content-length': 300 * 1024 * 1024 }, endless);
    endless.destroy();
    expect(reply.status).toBe(413);
    expect(reply.body).toContain('limit');
    expect(sentBytes).toBeLessThan(64 * 1024 * 1024);
    expect(seen).toEqual([]);
  });

  it('answers 413 to a chunked body that grows past the limit, and never forwards it', async () => {
    const { seen, port, origin } = await proxyTo(okJson, { maxBodyBytes: 100_000 });
    const body = Readable.from((function* () {
      for (let i = 0; i < 40; i++) yield Buffer.alloc(10_000, 0x20);
    })());
    const reply = await send(port, 'POST', '/api/llm/chat/completions', { ...json, origin, 'transfer-encoding': 'chunked' }, body).catch((err: Error) => ({ status: -1, body: err.message, headers: {} }));
    expect(reply.status).toBe(413);
    expect(seen).toEqual([]);
  });

  it('stops reading an endless body at the limit: what it pulls stays bounded', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled += 65_536;
        this.push(Buffer.alloc(65_536));
      },
    }) as unknown as IncomingMessage;
    Object.assign(endless, { headers: {} });
    await expect(readLimitedBody(endless, 1_000_000)).resolves.toEqual({ ok: false, tooLarge: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(pulled).toBeLessThan(1_000_000 + 4 * 65_536);
  });

  it('takes its limit from GOT_PROXY_MAX_BODY, else 4 MB', () => {
    expect(proxyBodyLimit({})).toBe(4 * 1024 * 1024);
    expect(proxyBodyLimit({ GOT_PROXY_MAX_BODY: '1000' })).toBe(1000);
    expect(proxyBodyLimit({ GOT_PROXY_MAX_BODY: 'lots' })).toBe(4 * 1024 * 1024);
  });
});

describe('the model proxy never shows the key to the browser', () => {
  it('redacts an upstream error body and headers that echo the Authorization header', async () => {
    const echo: Answer = (seen, res) =>
      void res
        .writeHead(401, { 'content-type': 'application/json', 'x-request-id': `req ${seen.headers.authorization}` })
        .end(JSON.stringify({ error: { message: `Bad key: ${seen.headers.authorization}; b64 ${Buffer.from(KEY).toString('base64')}; url ${encodeURIComponent(KEY)}` } }));
    const { port, origin } = await proxyTo(echo);
    const reply = await send(port, 'POST', '/api/llm/chat/completions', { ...json, origin }, chat);
    const shown = `${JSON.stringify(reply.headers)} ${reply.body}`;
    expect(reply.status).toBe(401);
    expect(shown).not.toContain(KEY);
    expect(shown).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(reply.body).toContain('Bearer [redacted]');
  });

  it('redacts a key split across streamed chunks', async () => {
    const streamed: Answer = async (_seen, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const text = `data: {"echo":"${KEY}"}\n\n`;
      const cut = text.indexOf(KEY) + 7;
      res.write(text.slice(0, cut));
      await new Promise((r) => setTimeout(r, 30));
      res.end(`${text.slice(cut)}data: [DONE]\n\n`);
    };
    const { port, origin } = await proxyTo(streamed);
    const reply = await send(port, 'POST', '/api/llm/chat/completions', { ...json, origin }, chat);
    expect(reply.body).not.toContain(KEY);
    expect(reply.body).toBe('data: {"echo":"[redacted]"}\n\ndata: [DONE]\n\n');
  });

  it('finds the key at every split point of a stream and holds back nothing that cannot start it', () => {
    const variants = keyVariants(KEY);
    const text = Buffer.from(`a${KEY}b ${Buffer.from(KEY).toString('base64')} sk-proxy c`);
    for (let cut = 0; cut <= text.length; cut++) {
      const r = createStreamRedactor(variants);
      const out = Buffer.concat([r.push(text.subarray(0, cut)), r.push(text.subarray(cut)), r.flush()]).toString();
      expect(out).toBe('a[redacted]b [redacted] sk-proxy c');
    }
    expect(createStreamRedactor(variants).push(Buffer.from('data: {}\n\n')).toString()).toBe('data: {}\n\n');
  });
});
