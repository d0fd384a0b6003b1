import type * as Sdk from 'openai';

// Endpoints whose preflight was already asked for in this page (the browser caches the answer for its max-age).
const warmed = new Set<string>();

/** A stand-in for every header value: the preflight asks for header names only, so no key or prompt ever leaves with it. */
const PLACEHOLDER = '-';

/**
 * Gets the browser's CORS preflight for a cross-origin chat endpoint answered before the run's first
 * call, which would otherwise wait one round trip for it: a POST to the same URL with the header
 * names the SDK's requests carry, placeholder values and no body. The browser caches the allowance
 * (the server's Access-Control-Max-Age); the server refuses the empty request (400 or 401), which no
 * model answers and no run counts. Same-origin endpoints (the proxy) have no preflight and are skipped.
 */
export async function warmPreflight(sdk: typeof Sdk, baseUrl: string): Promise<void> {
  if (typeof window === 'undefined') return;
  // A client for the same base URL with no key: only the names of the headers it would send are used.
  const client = new sdk.OpenAI({ baseURL: new URL(baseUrl, window.location.href).href.replace(/\/+$/, ''), apiKey: PLACEHOLDER, organization: null, project: null, dangerouslyAllowBrowser: true, logLevel: 'off' });
  const { url, req } = await client.buildRequest({ method: 'post', path: '/chat/completions', body: {}, stream: true });
  if (new URL(url, window.location.href).origin === window.location.origin) return;
  const names = [...new Headers(req.headers as HeadersInit).keys()];
  const key = `${url} ${names.join(',')}`;
  if (warmed.has(key)) return;
  warmed.add(key);
  const headers = new Headers(names.map((n) => [n, PLACEHOLDER]));
  await fetch(url, { method: 'POST', headers })
    .then((res) => res.body?.cancel())
    .catch(() => warmed.delete(key));
}
