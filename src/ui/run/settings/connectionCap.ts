import type { ModelSettings } from './modelSettings';
import { PROXY_BASE_URL } from './proxyBase';

/** Browsers open at most this many connections to one HTTP/1.1 server (Chromium, Firefox and Safari alike). */
export const HTTP1_CONNECTIONS_PER_HOST = 6;

/** The URL a page's model calls go to, or null for the built-in simulator (no network) and a URL that does not parse. */
function endpointOf(settings: Pick<ModelSettings, 'provider' | 'openai'>, pageUrl: string): URL | null {
  try {
    if (settings.provider === 'openai') return new URL(settings.openai.baseUrl, pageUrl);
    // The proxy is this page's own server, at the path the run's model uses (modelProviders.ts).
    if (settings.provider === 'proxy') return new URL(PROXY_BASE_URL, pageUrl);
  } catch {
    return null;
  }
  return null;
}

/**
 * What the Limits say when more calls may run at once than the browser opens connections: to a plain-http
 * server (a local Ollama, vLLM, LM Studio or llama.cpp, or this page's proxy) a browser speaks HTTP/1.1, one
 * call per connection, six connections at most, so the calls beyond six wait in the browser. Null when
 * nothing waits: the simulator, HTTPS (hosted APIs answer over HTTP/2, every call on one connection), or
 * a concurrency of six or less.
 */
export function connectionCapNote(settings: Pick<ModelSettings, 'provider' | 'openai' | 'concurrency'>, pageUrl: string): string | null {
  if (settings.concurrency <= HTTP1_CONNECTIONS_PER_HOST) return null;
  const endpoint = endpointOf(settings, pageUrl);
  if (endpoint?.protocol !== 'http:') return null;
  return (
    `A browser opens at most ${HTTP1_CONNECTIONS_PER_HOST} connections to one http:// server (${endpoint.host}), so of ${settings.concurrency} calls at once ` +
    `${settings.concurrency - HTTP1_CONNECTIONS_PER_HOST} wait for a free one: a wave wider than ${HTTP1_CONNECTIONS_PER_HOST} takes two round trips. ` +
    `Over https with HTTP/2, or from the CLI (got-studio run), all ${settings.concurrency} go at once.`
  );
}
