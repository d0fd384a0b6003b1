import type { IncomingMessage } from 'node:http';

/** The proxy's request body limit: GOT_PROXY_MAX_BODY bytes, else 4 MB. */
export function proxyBodyLimit(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.GOT_PROXY_MAX_BODY);
  return Number.isSafeInteger(set) && set > 0 ? set : 4 * 1024 * 1024;
}

export type LimitedBody = { ok: true; body: Buffer } | { ok: false; tooLarge: true };

/**
 * Reads a request body up to `max` bytes. A declared or actual size past it stops reading at
 * once (the rest is never buffered); the caller answers 413 and closes the connection.
 */
export function readLimitedBody(req: IncomingMessage, max: number): Promise<LimitedBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return Promise.resolve({ ok: false, tooLarge: true });
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', reject);
      // Paused, not destroyed: destroying the request would take the socket before the 413 is sent.
      req.pause();
    };
    const onData = (part: Buffer) => {
      size += part.length;
      if (size <= max) return void parts.push(part);
      stop();
      parts.length = 0;
      resolve({ ok: false, tooLarge: true });
    };
    const onEnd = () => {
      stop();
      resolve({ ok: true, body: Buffer.concat(parts) });
    };
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}
