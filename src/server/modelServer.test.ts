import { afterEach, describe, expect, it } from 'vitest';
import { echoModel } from './echoModel';
import type { ChatTrace } from './modelHandler';
import { startModelServer, type ModelServer } from './modelServer';

const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(requireKey?: string) {
  const server = await startModelServer({ model: echoModel({ model: 'echo' }), requireKey });
  servers.push(server);
  return server;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the OpenAI-compatible model server', () => {
  it('lists its model at /v1/models', async () => {
    const server = await serve();
    const body = (await (await fetch(`${server.url}/models`)).json()) as { data: Array<{ id: string }> };
    expect(body.data.map((m) => m.id)).toEqual(['echo']);
  });

  it('tells its trace listener when each chat request was received and fully answered, with the request seed', async () => {
    const traces: ChatTrace[] = [];
    const server = await startModelServer({ model: echoModel({ model: 'echo' }), onAnswered: (t) => traces.push(t) });
    servers.push(server);
    await (await post(server.url, { model: 'echo', messages: [{ role: 'user', content: 'hi' }], n: 2, seed: 7, stream: true })).text();
    await expect.poll(() => traces.length).toBe(1);
    expect(traces[0]).toMatchObject({ seed: 7, n: 2 });
    expect(traces[0]!.answeredAt).toBeGreaterThanOrEqual(traces[0]!.receivedAt);
  });

  it('answers a non-streaming request with n choices and usage', async () => {
    const server = await serve();
    const response = await post(server.url, { model: 'echo', messages: [{ role: 'user', content: 'hi' }], n: 2 });
    const body = (await response.json()) as { choices: Array<{ index: number; message: { content: string } }>; usage: { total_tokens: number } };
    expect(body.choices.map((c) => c.message.content)).toEqual(['[echo 0] hi', '[echo 1] hi']);
    expect(body.usage.total_tokens).toBeGreaterThan(0);
  });

  it('streams chunks, a usage chunk when asked, and [DONE]', async () => {
    const server = await serve();
    const response = await post(server.url, {
      model: 'echo',
      messages: [{ role: 'user', content: 'hi there' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const usageChunk = JSON.parse(events.at(-2)!.slice(6)) as { choices: unknown[]; usage: { prompt_tokens: number } };
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it('answers a CORS preflight echoing the requested headers, and lets that origin read request timings', async () => {
    const server = await serve();
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-stainless-os',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-stainless-os');
    expect(response.headers.get('timing-allow-origin')).toBe('http://localhost:5173');
  });

  it('refuses a wrong bearer with 401 without echoing it', async () => {
    const server = await serve('right');
    const response = await post(server.url, { model: 'echo', messages: [{ role: 'user', content: 'hi' }] }, { authorization: 'Bearer wrong-key' });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('wrong-key');
  });

  it('answers 404 for an unknown model and 400 for a malformed body', async () => {
    const server = await serve();
    const unknown = await post(server.url, { model: 'nope', messages: [{ role: 'user', content: 'hi' }] });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('model_not_found');
    const bad = await post(server.url, { model: 'echo', messages: [] });
    expect(bad.status).toBe(400);
  });

  it('answers 400 to a body over 10 MB', async () => {
    const server = await serve();
    const response = await fetch(`${server.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(10 * 1024 * 1024 + 1) });
    expect(response.status).toBe(400);
  });
});
