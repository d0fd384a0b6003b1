// Where a run's time over its critical-path bound goes, hop by hop: the chain of calls that ended
// the run (each the last call to finish before the next one started), and for each call the time
// in the server (from the server's own trace, matched by seed), outside it (client, SDK, HTTP),
// how long after the first request of its wave the server read it (part of "outside" that is the
// client sending a burst, or the server reading it), and from its answer to the next call's start
// (the engine between operations).

/** The fields of a run event the timeline reads. */
export interface TimelineEvent {
  type: string;
  at: number;
  callId?: string;
  seed?: number;
}

/** One chat request as the server saw it: received and fully answered, on the server's clock (ms). */
export interface ServerTrace {
  seed: number | null;
  receivedAt: number;
  answeredAt: number;
}

interface Call {
  id: string;
  seed: number | undefined;
  start: number;
  done: number;
}

function callsOf(events: readonly TimelineEvent[]): Call[] {
  const calls = new Map<string, Call>();
  for (const e of events) {
    if (e.type === 'call.start' && e.callId) calls.set(e.callId, { id: e.callId, seed: e.seed, start: e.at, done: Number.NaN });
    if (e.type === 'call.done' && e.callId) {
      const c = calls.get(e.callId);
      if (c) c.done = e.at;
    }
  }
  return [...calls.values()].filter((c) => Number.isFinite(c.done));
}

/** The calls that ended the run, first to last: the last call to finish, the last to finish before it started, and so on. */
export function criticalCalls(events: readonly TimelineEvent[]): Call[] {
  const calls = callsOf(events).sort((a, b) => a.done - b.done);
  const chain: Call[] = [];
  let next = calls.at(-1);
  while (next) {
    chain.unshift(next);
    const startedAt: number = next.start;
    next = calls.filter((c) => c.done <= startedAt).at(-1);
  }
  return chain;
}

const ms = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—').padStart(7);

/** Calls started within this long of each other are one wave (sent together by the client). */
const WAVE_MS = 3;

/** How long after the first request of `call`'s wave the server read `call`'s request (NaN without traces). */
function readLag(call: Call, calls: readonly Call[], bySeed: ReadonlyMap<number | null, ServerTrace>): number {
  const own = call.seed === undefined ? undefined : bySeed.get(call.seed);
  if (!own) return Number.NaN;
  const wave = calls.filter((c) => Math.abs(c.start - call.start) <= WAVE_MS && c.seed !== undefined);
  const first = Math.min(...wave.map((c) => bySeed.get(c.seed!)?.receivedAt ?? Infinity));
  return own.receivedAt - first;
}

/** Printable lines: one per hop of the critical chain, then where the excess over the bound went in total. */
export function hopTimeline(events: readonly TimelineEvent[], latencyMs: number, server: readonly ServerTrace[] = []): string[] {
  const chain = criticalCalls(events);
  const calls = callsOf(events);
  const end = events.at(-1)?.at ?? 0;
  if (chain.length === 0) return ['no calls'];
  const bySeed = new Map(server.map((t) => [t.seed, t]));
  const rows = [`${'hop'.padEnd(4)}${'call'.padEnd(18)}${'start'.padStart(7)}${'call ms'.padStart(9)}${'server'.padStart(9)}${'over lat'.padStart(9)}${'outside'.padStart(9)}${'read lag'.padStart(9)}${'→ next'.padStart(9)}`];
  let serverOver = 0;
  let outside = 0;
  let gaps = chain[0]!.start + (end - chain.at(-1)!.done);
  chain.forEach((c, i) => {
    const t = c.seed === undefined ? undefined : bySeed.get(c.seed);
    const inServer = t ? t.answeredAt - t.receivedAt : Number.NaN;
    const callMs = c.done - c.start;
    const gap = i + 1 < chain.length ? chain[i + 1]!.start - c.done : Number.NaN;
    if (Number.isFinite(gap)) gaps += gap;
    if (t) {
      serverOver += inServer - latencyMs;
      outside += callMs - inServer;
    } else outside += callMs - latencyMs;
    rows.push(`${String(i + 1).padEnd(4)}${c.id.slice(0, 17).padEnd(18)}${ms(c.start)}${ms(callMs)}${ms(inServer)}${ms(inServer - latencyMs)}${ms(t ? callMs - inServer : callMs - latencyMs)}${ms(readLag(c, calls, bySeed))}${ms(gap)}`);
  });
  const over = end - chain.length * latencyMs;
  rows.push(
    `${chain.length} hops, ${over.toFixed(0)} ms over ${chain.length} × ${latencyMs} ms: in the server over its latency ${serverOver.toFixed(0)} ms, ` +
      `outside the server (client, SDK, HTTP) ${outside.toFixed(0)} ms, before the first call, between calls and after the last ${gaps.toFixed(0)} ms`,
  );
  return rows;
}
