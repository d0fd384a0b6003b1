import { spawn } from 'node:child_process';
import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeFetch } from './nodeFetch';

interface Served {
  url: string;
  server: Server;
  /** Connections the server accepted. */
  connections: Socket[];
  requests: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }>;
}

const open: Server[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<Served> {
  const served: Served = { url: '', server: null as unknown as Server, connections: [], requests: [] };
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      served.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  server.on('connection', (socket) => served.connections.push(socket));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  open.push(server);
  served.server = server;
  served.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return served;
}

afterEach(async () => {
  await Promise.all(
    open.splice(0).map(
      (s) =>
        new Promise<void>((done) => {
          s.closeAllConnections();
          s.close(() => done());
        }),
    ),
  );
});

describe('nodeFetch, the CLI’s HTTP client', () => {
  it('sends the method, headers and a UTF-8 body with its byte length, and reads status, headers and JSON', async () => {
    const served = await serve((_req, res) => {
      res.writeHead(201, 'Made', { 'content-type': 'application/json', 'x-request-id': 'req-1' });
      res.end(JSON.stringify({ ok: 'ü' }));
    });
    const http = nodeFetch();
    const body = JSON.stringify({ text: 'naïve – ✓' });
    const res = await http(`${served.url}/v1/chat/completions`, { method: 'post', headers: new Headers({ Authorization: 'Bearer k', 'Content-Type': 'application/json' }), body });
    expect([res.status, res.ok, res.statusText, res.headers.get('x-request-id'), res.url]).toEqual([201, true, 'Made', 'req-1', `${served.url}/v1/chat/completions`]);
    expect(await res.json()).toEqual({ ok: 'ü' });
    const [request] = served.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/chat/completions', body });
    expect(request!.headers).toMatchObject({ authorization: 'Bearer k', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    await expect(res.text()).rejects.toThrow('already read');
  });

  it('keeps one connection alive across calls made one after another, and opens one per call in flight', async () => {
    const served = await serve((_req, res) => setTimeout(() => res.end('ok'), 20));
    const http = nodeFetch();
    for (let i = 0; i < 4; i++) expect(await (await http(`${served.url}/a`)).text()).toBe('ok');
    expect(served.connections).toHaveLength(1);
    await Promise.all(Array.from({ length: 3 }, async () => (await http(`${served.url}/b`)).text()));
    expect(served.connections).toHaveLength(3);
  });

  it('hands the body over as it arrives, as an async iterable the SDK reads', async () => {
    let finish = (): void => undefined;
    const served = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: one\n\n');
      finish = () => res.end('data: two\n\n');
    });
    const res = await nodeFetch()(`${served.url}/s`);
    const it = (res.body as unknown as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    expect(Buffer.from((await it.next()).value as Uint8Array).toString()).toBe('data: one\n\n');
    finish();
    expect(Buffer.from((await it.next()).value as Uint8Array).toString()).toBe('data: two\n\n');
    expect((await it.next()).done).toBe(true);
  });

  it('fails a refused connection as fetch does: a TypeError whose cause carries the code', async () => {
    const served = await serve((_req, res) => res.end());
    const url = served.url;
    await new Promise<void>((done) => served.server.close(() => done()));
    const err = (await nodeFetch()(`${url}/x`).catch((e: unknown) => e)) as TypeError & { cause?: { code?: string } };
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe('fetch failed');
    expect(err.cause?.code).toBe('ECONNREFUSED');
  });

  it('gives the abort reason when cancelled before the answer, and ends a body being read when cancelled during it', async () => {
    const served = await serve((req, res) => {
      if (req.url === '/slow') return;
      res.writeHead(200);
      res.write('part');
    });
    const http = nodeFetch();
    const early = new AbortController();
    const pending = http(`${served.url}/slow`, { signal: early.signal });
    setTimeout(() => early.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(http(`${served.url}/slow`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });

    const late = new AbortController();
    const res = await http(`${served.url}/body`, { signal: late.signal });
    const it = (res.body as unknown as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    await it.next();
    const next = it.next();
    late.abort();
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
    // The connection of a cancelled answer is closed, never handed to another call.
    await vi.waitFor(() => expect(served.connections.at(-1)!.destroyed).toBe(true));
  });

  it('says the connection broke when the server drops it mid-answer', async () => {
    const served = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: one\n\n');
      setTimeout(() => req.socket.destroy(), 10);
    });
    const res = await nodeFetch()(`${served.url}/s`);
    await expect(res.text()).rejects.toThrow(`the connection to ${new URL(served.url).host} broke before the answer ended`);
  });

  it('closes the connection of a body given up unread (as the SDK does before a retry)', async () => {
    const served = await serve((_req, res) => {
      res.writeHead(500);
      res.write('busy');
    });
    const res = await nodeFetch()(`${served.url}/busy`);
    await (res.body as unknown as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]().return!();
    await vi.waitFor(() => expect(served.connections[0]!.destroyed).toBe(true));
  });

  it('times out with the signal’s TimeoutError', async () => {
    const served = await serve(() => undefined);
    await expect(nodeFetch()(`${served.url}/never`, { signal: AbortSignal.timeout(30) })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('waits for a slow answer longer than the agent keeps an idle connection (a model loading, a long first token)', async () => {
    const served = await serve((_req, res) => {
      res.writeHead(200);
      res.write('first');
      setTimeout(() => res.end(' last'), 150);
    });
    // Idle sockets are closed after 30 ms; a socket in use waits as long as the call does (the SDK's timeout decides).
    const http = nodeFetch({ httpAgent: new Agent({ keepAlive: true, timeout: 30 }) });
    const slowHeaders = await serve((_req, res) => setTimeout(() => res.end('late'), 150));
    expect(await (await http(`${served.url}/`)).text()).toBe('first last');
    expect(await (await http(`${slowHeaders.url}/`)).text()).toBe('late');
  });

  it('decompresses an answer the server compressed unasked', async () => {
    const served = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      res.end(gzipSync(JSON.stringify({ squeezed: true })));
    });
    expect(await (await nodeFetch()(`${served.url}/z`)).json()).toEqual({ squeezed: true });
    expect(served.requests[0]!.headers['accept-encoding']).toBeUndefined();
  });

  it('follows redirects as fetch does: 307 keeps the POST, 303 turns it into a GET, another origin gets no credentials', async () => {
    const other = await serve((_req, res) => res.end('elsewhere'));
    const served = await serve((req, res) => {
      if (req.url === '/keep') return void res.writeHead(307, { location: '/kept' }).end();
      if (req.url === '/see') return void res.writeHead(303, { location: '/seen' }).end();
      if (req.url === '/away') return void res.writeHead(302, { location: `${other.url}/there` }).end();
      res.end(`${req.method} ${req.url}`);
    });
    const http = nodeFetch();
    const post = { method: 'POST', body: '{"a":1}', headers: { authorization: 'Bearer k', 'content-type': 'application/json' } };
    const kept = await http(`${served.url}/keep`, post);
    expect([await kept.text(), kept.redirected, kept.url]).toEqual(['POST /kept', true, `${served.url}/kept`]);
    expect(served.requests.at(-1)!.body).toBe('{"a":1}');
    expect(await (await http(`${served.url}/see`, post)).text()).toBe('GET /seen');
    expect(served.requests.at(-1)!.body).toBe('');
    expect(await (await http(`${served.url}/away`, { headers: { authorization: 'Bearer k' } })).text()).toBe('elsewhere');
    expect(other.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('leaves no idle connection holding a process open', async () => {
    // The server keeps idle connections for a minute: a process that waited for that would be killed by the timeout.
    const served = await serve((_req, res) => res.end('ok'));
    served.server.keepAliveTimeout = 60_000;
    const script = `
      const { nodeFetch } = await import(${JSON.stringify(fileURLToPath(new URL('./nodeFetch.ts', import.meta.url)))});
      const res = await nodeFetch()(process.env.URL);
      console.log(await res.text());`;
    const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const child = spawn(process.execPath, [tsx, '--input-type=module', '-e', script], { env: { ...process.env, URL: `${served.url}/` }, timeout: 20_000 });
    let stdout = '';
    child.stdout.on('data', (part: Buffer) => (stdout += part.toString()));
    const status = await new Promise<number | null>((done) => child.once('close', done));
    expect([status, stdout.trim()]).toEqual([0, 'ok']);
    expect(served.connections).toHaveLength(1);
  });
});
