import { ModelError } from './types';

/** Limits requests to one endpoint: how many run at once and how many start per window. */
export interface RequestLimiter {
  /** Waits for a free slot (rejects with ModelError 'aborted' if the signal fires); call the returned function when done. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** Requests currently holding a slot. */
  readonly active: number;
}

export interface LimiterOptions {
  maxConcurrency?: number;
  requestsPerMinute?: number;
  /** Window of the rate limit (default one minute; tests shorten it). */
  windowMs?: number;
  now?: () => number;
}

/** A concurrency + requests-per-window limiter, first come first served. */
export function createLimiter(options: LimiterOptions = {}): RequestLimiter {
  const maxConcurrency = options.maxConcurrency && options.maxConcurrency > 0 ? options.maxConcurrency : Infinity;
  const perWindow = options.requestsPerMinute && options.requestsPerMinute > 0 ? options.requestsPerMinute : Infinity;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? (() => performance.now());
  const starts: number[] = [];
  const queue: Array<{ grant: () => void }> = [];
  let active = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const release = (): void => {
    active -= 1;
    pump();
  };

  function pump(): void {
    while (queue.length > 0 && active < maxConcurrency) {
      const t = now();
      while (starts.length > 0 && (starts[0] ?? 0) <= t - windowMs) starts.shift();
      if (starts.length >= perWindow) {
        if (timer === undefined) {
          // Wake when the oldest start leaves the window.
          const wait = Math.max(1, (starts[0] ?? t) + windowMs - t);
          timer = setTimeout(() => {
            timer = undefined;
            pump();
          }, wait);
        }
        return;
      }
      const next = queue.shift();
      if (!next) return;
      active += 1;
      starts.push(t);
      next.grant();
    }
  }

  return {
    get active() {
      return active;
    },
    acquire(signal?: AbortSignal): Promise<() => void> {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(new ModelError('aborted', 'the call was cancelled'));
          return;
        }
        let released = false;
        const entry = {
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(() => {
              if (released) return;
              released = true;
              release();
            });
          },
        };
        const onAbort = (): void => {
          const at = queue.indexOf(entry);
          if (at >= 0) queue.splice(at, 1);
          reject(new ModelError('aborted', 'the call was cancelled'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(entry);
        pump();
      });
    },
  };
}
