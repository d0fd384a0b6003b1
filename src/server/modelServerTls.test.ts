import { request as httpsRequest } from 'node:https';
import { connect, constants } from 'node:http2';
import { afterEach, describe, expect, it } from 'vitest';
import { echoModel } from './echoModel';
import { startModelServer, type ModelServer } from './modelServer';
import { selfSignedCert, type TlsPair } from './selfSignedCert';
import { runSimulatorServer } from './simulatorCli';

const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const chatBody = JSON.stringify({ model: 'echo', messages: [{ role: 'user', content: 'hi there' }], n: 2, stream: true, stream_options: { include_usage: true } });

/** One POST over HTTP/2; resolves with the status, the protocol Node spoke and the body. */
function postH2(url: string, body: string, ca?: string): Promise<{ status: number; alpn: string | false | undefined; text: string }> {
  const { origin, pathname } = new URL(`${url}/chat/completions`);
  const session = connect(origin, ca ? { ca } : { rejectUnauthorized: false });
  return new Promise((resolve, reject) => {
    session.once('error', reject);
    const stream = session.request({ [constants.HTTP2_HEADER_METHOD]: 'POST', [constants.HTTP2_HEADER_PATH]: pathname, 'content-type': 'application/json' });
    let status = 0;
    let text = '';
    stream.on('response', (headers) => (status = Number(headers[constants.HTTP2_HEADER_STATUS])));
    stream.setEncoding('utf8');
    stream.on('data', (part: string) => (text += part));
    stream.once('end', () => {
      resolve({ status, alpn: session.alpnProtocol, text });
      session.close();
    });
    stream.once('error', reject);
    stream.end(body);
  });
}

/** One POST over HTTPS/1.1 (no ALPN for h2), trusting `ca`. */
function postH1(url: string, body: string, ca: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${url}/chat/completions`, { method: 'POST', ca, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => (text += part));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.once('error', reject);
    req.end(body);
  });
}

let pair: TlsPair | undefined;
const cert = async () => (pair ??= await selfSignedCert());

describe('the model server over TLS', () => {
  it('speaks HTTP/2 to a client that offers it, with a certificate valid for 127.0.0.1, and streams the same answer as over plain HTTP', async () => {
    const tls = await cert();
    const secure = await startModelServer({ model: echoModel({ model: 'echo' }), tls });
    const plain = await startModelServer({ model: echoModel({ model: 'echo' }) });
    servers.push(secure, plain);
    expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1$/);
    const h2 = await postH2(secure.url, chatBody, tls.cert);
    expect(h2.status).toBe(200);
    expect(h2.alpn).toBe('h2');
    const overHttp = await (await fetch(`${plain.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody })).text();
    const contentOf = (text: string) => text.split('\n\n').filter((e) => e.startsWith('data: {')).map((e) => JSON.parse(e.slice(6)) as { choices: unknown[]; usage?: unknown }).map((c) => [c.choices, c.usage]);
    expect(contentOf(h2.text)).toEqual(contentOf(overHttp));
    expect(h2.text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('still answers HTTP/1.1 clients on the same port', async () => {
    const tls = await cert();
    const secure = await startModelServer({ model: echoModel({ model: 'echo' }), tls });
    servers.push(secure);
    const h1 = await postH1(secure.url, chatBody, tls.cert);
    expect(h1.status).toBe(200);
    expect(h1.text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('is what `npm run simulator -- --tls` serves (plain HTTP without the flag)', async () => {
    const lines: string[] = [];
    const server = await runSimulatorServer(['--port', '0', '--latency-ms', '0', '--token-ms', '0', '--tls'], (l) => lines.push(l));
    if (!server) throw new Error('the simulator server did not start');
    servers.push(server);
    expect(server.url).toMatch(/^https:/);
    expect(lines.join('\n')).toContain(server.url);
    const answer = await postH2(server.url, JSON.stringify({ model: 'got-simulator', messages: [{ role: 'user', content: 'Sort this list: [3, 1, 2]' }], stream: true }));
    expect(answer.status).toBe(200);
    const plain = await runSimulatorServer(['--port', '0'], () => undefined);
    if (!plain) throw new Error('the simulator server did not start');
    servers.push(plain);
    expect(plain.url).toMatch(/^http:/);
  });

  it('drops open HTTP/2 sessions when closed', async () => {
    const tls = await cert();
    const secure = await startModelServer({ model: echoModel({ model: 'echo' }), tls });
    const session = connect(new URL(secure.url).origin, { ca: tls.cert });
    await new Promise<void>((resolve) => session.once('connect', () => resolve()));
    const closed = new Promise<void>((resolve) => session.once('close', () => resolve()));
    await secure.close();
    await closed;
    expect(session.destroyed).toBe(true);
  });
});
