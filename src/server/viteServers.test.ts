import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, preview } from 'vite';

const configFile = resolve(__dirname, '../../vite.config.ts');
const KEY = 'sk-vite-servers-test-KEY';

interface Started {
  url: string;
  close: () => Promise<void>;
}

async function devServer(): Promise<Started> {
  const server = await createServer({ configFile, logLevel: 'silent', server: { port: 0, host: '127.0.0.1', hmr: false, watch: null }, optimizeDeps: { noDiscovery: true, include: [] } });
  await server.listen();
  return { url: server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '', close: () => server.close() };
}

async function previewServer(outDir: string): Promise<Started> {
  const server = await preview({ configFile, logLevel: 'silent', preview: { port: 0, host: '127.0.0.1' }, build: { outDir } });
  return { url: server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '', close: () => server.close() };
}

const savedEnv = { base: process.env.OPENAI_BASE_URL, key: process.env.OPENAI_API_KEY };
let outDir = '';
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'got-preview-'));
  await writeFile(join(outDir, 'index.html'), '<!doctype html><title>t</title>');
  process.env.OPENAI_API_KEY = KEY;
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
  for (const [name, value] of [['OPENAI_BASE_URL', savedEnv.base], ['OPENAI_API_KEY', savedEnv.key]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe.each([
  ['vite dev', () => devServer()],
  ['vite preview', () => previewServer(outDir)],
])('%s applies the model proxy rules', (_name, start) => {
  it('grants another localhost page no CORS, refuses its posts, and serves its own pages through the proxy', async () => {
    const server = await start();
    try {
      // The proxy forwards to this server's own simulator endpoint, with a key only the server holds.
      process.env.OPENAI_BASE_URL = `${server.url}/api/simulator/v1`;
      const preflight = await fetch(`${server.url}/api/llm/chat/completions`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const crossSite = await fetch(`${server.url}/api/llm/chat/completions`, {
        method: 'POST',
        headers: { origin: 'http://localhost:3000', 'content-type': 'text/plain' },
        body: '{"model":"got-simulator","messages":[]}',
      });
      expect(crossSite.status).toBe(403);
      expect(crossSite.headers.get('access-control-allow-origin')).toBeNull();
      const outside = await fetch(`${server.url}/api/llm/files`, { method: 'POST', headers: { origin: server.url, 'content-type': 'application/json' }, body: '{}' });
      expect(outside.status).toBe(404);
      const models = await fetch(`${server.url}/api/llm/models`, { headers: { 'sec-fetch-site': 'same-origin' } });
      expect(models.status).toBe(200);
      expect(await models.text()).not.toContain(KEY);
    } finally {
      await server.close();
    }
  });
});
