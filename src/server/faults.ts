/** Failures the model server can be told to act out, for tests and demos. A `count` left out means every request. */
export interface FaultPlan {
  /** Answer 429 with `retry-after-ms` (default 10 ms). */
  rateLimit?: { count?: number; retryAfterMs?: number };
  /** Answer 500 (or `status`), with `retry-after-ms` when given so clients retry quickly. */
  serverError?: { count?: number; status?: number; retryAfterMs?: number };
  /** Wait this long before sending the response headers. */
  slowFirstByte?: { ms: number; count?: number };
  /** Stream `afterChunks` content chunks, then hang with the connection open. */
  stall?: { afterChunks: number; count?: number };
  /** Answer 200 with a body that is not what the API promises. */
  garbage?: { count?: number; kind?: GarbageKind };
  /** Answer with one completion whatever `n` asks for. */
  ignoreN?: boolean;
}

/** `text`: an HTML page; `brokenJson`: truncated JSON; `noChoices`: valid JSON chunks with no choices. */
export type GarbageKind = 'text' | 'brokenJson' | 'noChoices';

/** The faults one request draws from a plan, with counts consumed. */
export interface DrawnFaults {
  rateLimit?: { retryAfterMs: number };
  serverError?: { status: number; retryAfterMs?: number };
  slowFirstByteMs?: number;
  stallAfterChunks?: number;
  garbage?: GarbageKind;
  ignoreN: boolean;
}

type Counted = { count?: number };

/** Holds a fault plan and hands each request its share of it. */
export class FaultState {
  private plan: FaultPlan = {};

  constructor(plan?: FaultPlan) {
    this.set(plan);
  }

  /** Replaces the plan (a copy is kept, so counts run down independently of the caller's object). */
  set(plan: FaultPlan | undefined): void {
    this.plan = structuredClone(plan ?? {});
  }

  private take(fault: Counted | undefined): boolean {
    if (!fault) return false;
    if (fault.count === undefined) return true;
    if (fault.count <= 0) return false;
    fault.count -= 1;
    return true;
  }

  /** Faults for the next chat request; at most one of 429, 500 and garbage, in that order. */
  draw(): DrawnFaults {
    const p = this.plan;
    const drawn: DrawnFaults = { ignoreN: p.ignoreN === true };
    if (this.take(p.rateLimit)) drawn.rateLimit = { retryAfterMs: p.rateLimit?.retryAfterMs ?? 10 };
    else if (this.take(p.serverError))
      drawn.serverError = { status: p.serverError?.status ?? 500, retryAfterMs: p.serverError?.retryAfterMs };
    else if (this.take(p.garbage)) drawn.garbage = p.garbage?.kind ?? 'brokenJson';
    if (this.take(p.slowFirstByte)) drawn.slowFirstByteMs = p.slowFirstByte?.ms;
    if (this.take(p.stall)) drawn.stallAfterChunks = p.stall?.afterChunks;
    return drawn;
  }
}
