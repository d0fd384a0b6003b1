// Origins already given a preconnect hint in this page.
const hinted = new Set<string>();

/**
 * Opens the connection to a model endpoint (DNS, TCP, TLS) before its first request, with a
 * `<link rel="preconnect" crossorigin>`: the SDK's requests carry no cookies, so the anonymous pool is the one warmed.
 */
export function preconnect(url: string): void {
  if (typeof document === 'undefined') return;
  let origin: string;
  try {
    origin = new URL(url, document.baseURI).origin;
  } catch {
    return;
  }
  if (origin === 'null' || origin === window.location.origin || hinted.has(origin)) return;
  hinted.add(origin);
  const link = document.createElement('link');
  link.rel = 'preconnect';
  link.href = origin;
  link.crossOrigin = 'anonymous';
  document.head.append(link);
}
