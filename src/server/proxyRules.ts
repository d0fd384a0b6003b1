import type { IncomingHttpHeaders } from 'node:http';

/** The only upstream paths the app needs, each with the one method it uses. */
export const PROXY_ROUTES = { '/chat/completions': 'POST', '/models': 'GET' } as const;
export type ProxyPath = keyof typeof PROXY_ROUTES;

/** A request the proxy refuses, with the status and message it answers. */
export interface ProxyRefusal {
  status: 400 | 403 | 404 | 405 | 413 | 415;
  message: string;
  /** Extra headers for the answer (`allow` on a 405). */
  headers?: Record<string, string>;
}

export type ProxyRoute = { ok: true; path: ProxyPath } | { ok: false; refusal: ProxyRefusal };

// Anything a path could use to mean another one: dot segments, encodings (%2e, %2f), backslashes, empty segments.
const AMBIGUOUS_PATH = /%|\\|\/\/|(^|\/)\.{1,2}(\/|$)/;

/** Decides which upstream path a request (its URL below the mount point) may reach, if any. */
export function routeProxyRequest(method: string | undefined, url: string): ProxyRoute {
  const queryAt = url.search(/[?#]/);
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  if (AMBIGUOUS_PATH.test(path) || !Object.hasOwn(PROXY_ROUTES, path))
    return { ok: false, refusal: { status: 404, message: `The model proxy forwards only POST /chat/completions and GET /models, not ${JSON.stringify(path.slice(0, 80))}.` } };
  const allowed = PROXY_ROUTES[path as ProxyPath];
  if (method !== allowed)
    return { ok: false, refusal: { status: 405, message: `The model proxy accepts only ${allowed} on ${path}.`, headers: { allow: allowed } } };
  if (queryAt >= 0) return { ok: false, refusal: { status: 400, message: 'The model proxy forwards no query string.' } };
  return { ok: true, path: path as ProxyPath };
}

/**
 * Refuses requests a browser sent from another site. Browsers attach `Origin` to every
 * cross-origin request and to every POST, and `Sec-Fetch-Site` in secure contexts; a request with
 * neither comes from a non-browser client (or a same-origin GET on plain http), which no page can forge.
 */
export function crossSiteRefusal(headers: IncomingHttpHeaders, ownOrigin: string | undefined): ProxyRefusal | undefined {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return { status: 403, message: `The model proxy answers only this app's own pages (Sec-Fetch-Site: ${String(site).slice(0, 40)}).` };
  const origin = headers.origin;
  if (origin !== undefined && (ownOrigin === undefined || origin !== ownOrigin))
    return { status: 403, message: `The model proxy answers only this app's own pages, not ${JSON.stringify(origin.slice(0, 80))}.` };
  return undefined;
}

/** A POST must say it carries JSON: no HTML form or no-cors fetch can, so neither reaches the upstream. */
export function contentTypeRefusal(method: string | undefined, contentType: string | undefined): ProxyRefusal | undefined {
  if (method !== 'POST') return undefined;
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (media === 'application/json') return undefined;
  return { status: 415, message: 'The model proxy accepts only Content-Type: application/json.' };
}
