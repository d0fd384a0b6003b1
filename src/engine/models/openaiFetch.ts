import type { RetryInfo } from './types';

/** Request header that ties an HTTP attempt to its call; removed before the request leaves. */
export const CALL_HEADER = 'x-got-studio-call';

/** What the fetch wrapper needs to know about a call to report the SDK's retries. */
export interface CallTrace {
  /** HTTP attempts made so far for the current SDK request. */
  attempts: number;
  maxRetries: number;
  timeoutMs: number;
  /** The call's own signal: when it fired, a failed attempt is a cancel, not a retry. */
  signal: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
  /** Asked before each attempt is sent; when it throws, the attempt is not sent and the call is given up. */
  beforeAttempt?: () => void;
  /** Told why an attempt was refused, before the refusal is thrown to the SDK (which must not retry it). */
  onRefused?: (err: unknown) => void;
}

// Mirrors the SDK's rule for which answers it retries.
function willRetryStatus(response: Response): boolean {
  const header = response.headers.get('x-should-retry');
  if (header === 'true') return true;
  if (header === 'false') return false;
  return response.status === 408 || response.status === 409 || response.status === 429 || response.status >= 500;
}

// Mirrors the SDK's wait: retry-after-ms, then retry-after, else exponential backoff (reported without jitter).
function retryDelayMs(headers: Headers | undefined, retryNumber: number): number {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0 && ms <= 60_000) return ms;
  const after = headers?.get('retry-after');
  if (after) {
    const seconds = Number.parseFloat(after);
    const wait = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(after) - Date.now();
    if (Number.isFinite(wait) && wait >= 0 && wait <= 60_000) return wait;
  }
  return Math.min(0.5 * 2 ** (retryNumber - 1), 8) * 1000;
}

/**
 * A fetch for the SDK that sees every HTTP attempt of a call: each is announced (and may be
 * refused, e.g. by a request cap) before it is sent, and each retry the SDK is about to make is
 * reported (attempt number, status or reason, delay) through the call's `onRetry`.
 */
export function tracingFetch(base: typeof fetch, traces: Map<string, CallTrace>): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    const callId = headers.get(CALL_HEADER);
    headers.delete(CALL_HEADER);
    const trace = callId ? traces.get(callId) : undefined;
    if (trace?.beforeAttempt) {
      try {
        trace.beforeAttempt();
      } catch (err) {
        trace.onRefused?.(err);
        throw err;
      }
    }
    if (trace) trace.attempts += 1;
    const retryNumber = trace ? trace.attempts : 0;
    const retriesLeft = trace ? trace.attempts <= trace.maxRetries : false;
    try {
      const response = await base(input, { ...init, headers });
      if (trace && retriesLeft && !response.ok && willRetryStatus(response)) {
        trace.onRetry?.({
          attempt: retryNumber,
          reason: `server answered ${response.status}`,
          status: response.status,
          delayMs: retryDelayMs(response.headers, retryNumber),
        });
      }
      return response;
    } catch (err) {
      if (trace && retriesLeft && !trace.signal.aborted) {
        const timedOut = init?.signal?.aborted === true;
        trace.onRetry?.({
          attempt: retryNumber,
          reason: timedOut ? `no answer within ${Math.round(trace.timeoutMs / 1000)} s` : 'connection failed',
          delayMs: retryDelayMs(undefined, retryNumber),
        });
      }
      throw err;
    }
  };
}
