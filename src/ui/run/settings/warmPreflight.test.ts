// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import * as sdk from 'openai';
import { warmPreflight } from './warmPreflight';

afterEach(() => vi.unstubAllGlobals());

function stubFetch() {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => (calls.push({ url, init }), new Response(null, { status: 400 })));
  return calls;
}

it('asks a cross-origin endpoint once for the SDK’s header names, with placeholder values, no key and no body', async () => {
  const calls = stubFetch();
  await warmPreflight(sdk, 'https://api.example.test/v1/');
  await warmPreflight(sdk, 'https://api.example.test/v1');
  expect(calls).toHaveLength(1);
  const { url, init } = calls[0]!;
  expect(url).toBe('https://api.example.test/v1/chat/completions');
  expect(init.method).toBe('POST');
  expect(init.body).toBeUndefined();
  const headers = new Headers(init.headers);
  expect(headers.get('authorization')).toBe('-');
  expect(headers.get('content-type')).toBe('-');
  expect([...headers.keys()].some((k) => k.startsWith('x-stainless-'))).toBe(true);
  expect([...headers.values()].every((v) => v === '-')).toBe(true);
});

it('sends nothing to the page’s own origin (the proxy has no preflight)', async () => {
  const calls = stubFetch();
  await warmPreflight(sdk, '/api/llm');
  expect(calls).toHaveLength(0);
});
