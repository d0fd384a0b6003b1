import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAIModel } from '../engine/index';
import { echoModel } from './echoModel';
import { folderCacheStore } from './folderCacheStore';
import { createLlmProxy } from './llmProxy';
import { startModelServer, type ModelServer } from './modelServer';
import { parseSimulatorArgs, runSimulatorServer } from './simulatorCli';
import { gotStudioServerPlugin } from './vitePlugin';

type Handler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

// A tiny connect: routes by mount prefix and strips it, as Vite's middleware stack does.
async function mountAndListen(mounts: Array<[string, Handler]>): Promise<string> {
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const found = mounts.find(([prefix]) => url === prefix || url.startsWith(`${prefix}/`));
    if (!found) return void res.writeHead(404).end();
    req.url = url.slice(found[0].length) || '/';
    found[1](req, res, () => res.writeHead(500).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => (server.closeAllConnections(), server.close(r))));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function upstream(requireKey?: string): Promise<ModelServer> {
  const server = await startModelServer({ model: echoModel({ model: 'echo', tokenMs: 1 }), requireKey });
  cleanups.push(() => server.close());
  return server;
}

describe('folderCacheStore', () => {
  it('keeps entries as files across store objects and clears them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'got-cache-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const entry = { texts: ['a', 'b'], usage: { promptTokens: 3, completionTokens: 2 }, savedAt: 1 };
    await folderCacheStore(dir).set('0123456789abcdef0123456789abcdef', entry);
    const again = folderCacheStore(dir);
    expect(await again.get('0123456789abcdef0123456789abcdef')).toEqual(entry);
    expect(await again.get('ffffffffffffffffffffffffffffffff')).toBeUndefined();
    expect(await again.size()).toBe(1);
    await again.clear();
    expect(await again.size()).toBe(0);
  });

  it('lists as keys only well-formed keys in their own shard: names anyone may have put in the folder are none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'got-cache-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const key = '0123456789abcdef0123456789abcdef';
    const store = folderCacheStore(dir);
    await store.set(key, { texts: ['a'], usage: { promptTokens: 1, completionTokens: 1 }, savedAt: 1 });
    await mkdir(join(dir, 'ff'), { recursive: true });
    await writeFile(join(dir, '01', 'not-a-key.json'), '{}');
    await writeFile(join(dir, '01', `${key}.json.tmp-7`), '{}');
    await writeFile(join(dir, 'ff', `${key}.json`), '{}');
    await writeFile(join(dir, 'stray.json'), '{}');
    expect(await store.keys?.()).toEqual([key]);
    expect(await store.size()).toBe(1);
  });
});

describe('llm proxy', () => {
  it('adds the server-side key, so a browser without one gets answers streamed through', async () => {
    const model = await upstream('sk-server-side-key-123456');
    const base = await mountAndListen([['/api/llm', createLlmProxy({ baseUrl: model.url, apiKey: 'sk-server-side-key-123456', prefix: '' })]]);
    const client = openAIModel({ baseUrl: `${base}/api/llm`, model: 'echo' });
    const tokens: string[] = [];
    const result = await client.complete({ messages: [{ role: 'user', content: 'via proxy' }], n: 1, onToken: (_, d) => tokens.push(d) });
    expect(result.texts).toEqual(['[echo 0] via proxy']);
    expect(tokens.length).toBeGreaterThan(1);
  });

  it('says which upstream it could not reach with a 502', async () => {
    const base = await mountAndListen([['/api/llm', createLlmProxy({ baseUrl: 'http://127.0.0.1:1/v1', prefix: '' })]]);
    const response = await fetch(`${base}/api/llm/models`);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('could not reach http://127.0.0.1:1/v1');
  });

  it('never passes credentials from its upstream URL on to the browser', async () => {
    const base = await mountAndListen([['/api/llm', createLlmProxy({ baseUrl: 'http://bob:pw-SECRET@127.0.0.1:1/v1', apiKey: 'sk-server-SECRET-0123', prefix: '' })]]);
    const response = await fetch(`${base}/api/llm/models`);
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain('SECRET');
  });
});

describe('gotStudioServerPlugin', () => {
  it('mounts the proxy and an in-process simulator endpoint', async () => {
    const mounts: Array<[string, Handler]> = [];
    const plugin = gotStudioServerPlugin({ simulator: { latencyMs: 0, tokenMs: 0 } });
    const hook = plugin.configureServer as (server: { middlewares: { use: (p: string, h: Handler) => void } }) => void;
    hook({ middlewares: { use: (p, h) => void mounts.push([p, h]) } });
    expect(mounts.map(([p]) => p)).toEqual(['/api/llm', '/api/simulator/v1']);
    const base = await mountAndListen(mounts);
    const listed = (await (await fetch(`${base}/api/simulator/v1/models`)).json()) as { data: Array<{ id: string }> };
    expect(listed.data).toHaveLength(1);
    const client = openAIModel({ baseUrl: `${base}/api/simulator/v1`, model: listed.data[0]!.id });
    const result = await client.complete({ messages: [{ role: 'user', content: 'Hello' }], n: 2, seed: 1 });
    expect(result.texts).toHaveLength(2);
  });
});

describe('simulator server command line', () => {
  it('reads port, latency, seed and faults', () => {
    expect(parseSimulatorArgs(['--port', '0', '--latency-ms', '20', '--seed', '4', '--faults', '{"ignoreN":true}'])).toMatchObject({
      port: 0,
      latencyMs: 20,
      seed: 4,
      faults: { ignoreN: true },
    });
    expect(parseSimulatorArgs(['--ignore-request-seed'])).toMatchObject({ ignoreRequestSeed: true });
    expect(parseSimulatorArgs([])).not.toHaveProperty('ignoreRequestSeed');
    expect(() => parseSimulatorArgs(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseSimulatorArgs(['--faults', '{'])).toThrow(/--faults needs JSON/);
  });

  it('starts a server that answers chat completions and says where', async () => {
    const lines: string[] = [];
    const server = await runSimulatorServer(['--port', '0', '--latency-ms', '0', '--token-ms', '0'], (l) => lines.push(l));
    if (!server) throw new Error('no server');
    cleanups.push(() => server.close());
    expect(lines[0]).toContain(server.url);
    const listed = (await (await fetch(`${server.url}/models`)).json()) as { data: Array<{ id: string }> };
    const client = openAIModel({ baseUrl: server.url, model: listed.data[0]!.id });
    await expect(client.complete({ messages: [{ role: 'user', content: 'Hi' }], n: 1 })).resolves.toMatchObject({ cached: false });
  });
});
