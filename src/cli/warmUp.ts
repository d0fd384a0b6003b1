// Cold start of `got-studio run` against an OpenAI-compatible server: while the run's first call
// waits for its answer, the process is idle. That time goes to a rehearsal of the same graph against
// an in-memory server (the simulator's answers streamed through the provider and the openai SDK),
// so the calls after it meet compiled code, and to opening the keep-alive connections the next wave
// of concurrent calls will use. Nothing of it reaches the user's server but `GET /models`.
import {
  openAIModel,
  runGraph,
  simulateCompletion,
  type ChatMessage,
  type FunctionRegistry,
  type GotDocument,
  type ThoughtState,
} from '../engine/index';
import { setMaxListeners } from 'node:events';
import { availableParallelism, loadavg } from 'node:os';
import { IterableResponse } from './http/iterableResponse';

/** Connections opened for the first wave of concurrent calls (the gallery's GoT graphs fan out to 8). */
export const WAVE_CONNECTIONS = 8;

const encoder = new TextEncoder();
const sse = (data: unknown): Uint8Array => encoder.encode(`data: ${JSON.stringify(data)}\n\n`);
// One macrotask between steps: the real call's I/O is handled between any two of them.
const nextTurn = (): Promise<void> => new Promise((done) => setImmediate(done));

/** When a rehearsal may go on: `pause` holds it where it is (the real run needs the process), `stop` ends it. */
export interface RehearsalControl {
  pause: AbortSignal;
  stop: AbortSignal;
}

// One promise per stop signal, however many steps wait on it (one listener, not one per step).
const stopped = new WeakMap<AbortSignal, Promise<void>>();
function whenStopped(stop: AbortSignal): Promise<void> {
  let promise = stopped.get(stop);
  if (!promise) {
    promise = new Promise((done) => stop.addEventListener('abort', () => done(), { once: true }));
    stopped.set(stop, promise);
  }
  return promise;
}

// Waits for the next turn of the event loop, and for as long as the rehearsal is paused; throws once it is stopped.
async function mayGoOn({ pause, stop }: RehearsalControl): Promise<void> {
  await nextTurn();
  if (pause.aborted && !stop.aborted) await whenStopped(stop);
  stop.throwIfAborted();
}

/**
 * A fetch that never touches the network: it answers a chat request with `n` completions, each
 * the simulator's answer, as an event stream (then usage, so no tokenizer loads). Every step
 * waits for its turn (`mayGoOn`), so the real run's I/O is handled between any two of them.
 */
export function simulatedFetch(control: RehearsalControl): typeof fetch {
  return async (input, init) => {
    await mayGoOn(control);
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { n?: number; model?: string; seed?: number; messages?: ChatMessage[] };
    const n = Math.max(1, body.n ?? 1);
    const base = { id: 'rehearsal', object: 'chat.completion.chunk', created: 0, model: body.model ?? 'rehearsal' };
    // One small step per completion. The simulator's answer is made once and sent n times: the
    // parsers and scorers still run on each, without the simulator's work for the other n - 1.
    let text: string | undefined;
    const steps: Array<() => Uint8Array> = Array.from({ length: n }, (_, index) => () => {
      text ??= simulateCompletion(body.messages ?? [], body.seed ?? 0, 0);
      return sse({ ...base, choices: [{ index, delta: { content: text }, finish_reason: 'stop' }] });
    });
    steps.push(() => sse({ ...base, choices: [], usage: { prompt_tokens: 1, completion_tokens: n, total_tokens: 1 + n } }));
    steps.push(() => encoder.encode('data: [DONE]\n\n'));
    // The body as the CLI's HTTP client gives it (an async iterable of bytes), so the SDK's path for it is the one compiled.
    async function* answer(): AsyncGenerator<Uint8Array> {
      for (const step of steps) {
        await mayGoOn(control);
        yield step();
      }
    }
    return new IterableResponse(answer(), { status: 200, headers: new Headers({ 'content-type': 'text/event-stream' }), url: input instanceof Request ? input.url : String(input) }).asResponse();
  };
}

/**
 * Whether the machine has a core to spare for a rehearsal (the last minute's load average below
 * the core count). On a saturated machine the rehearsal's work would take time from the server
 * and from the run itself rather than fill idle time, so it is left out (the connections are not).
 */
export function spareCore(load: number = loadavg()[0] ?? 0, cores: number = availableParallelism()): boolean {
  return load < cores;
}

export interface Rehearsal {
  document: GotDocument;
  functions: FunctionRegistry;
  input: ThoughtState;
}

/**
 * Runs the graph against `simulatedFetch` while `control` lets it, and throws nothing: the provider,
 * the SDK's streaming path, the engine and the task's parsers and scorers are compiled on the way.
 */
export async function rehearse(rehearsal: Rehearsal, control: RehearsalControl, fetchImpl: typeof fetch = simulatedFetch(control)): Promise<void> {
  const model = openAIModel({ baseUrl: 'http://rehearsal.invalid/v1', model: 'rehearsal', fetch: fetchImpl, maxRetries: 0 });
  // Every call of the rehearsal listens to this one signal: many at once are expected, not a leak.
  const ending = new AbortController();
  setMaxListeners(0, ending.signal);
  if (control.stop.aborted) return;
  control.stop.addEventListener('abort', () => ending.abort(), { once: true });
  const signal = ending.signal;
  try {
    await mayGoOn(control);
  } catch {
    return;
  }
  await runGraph(rehearsal.document, { model, functions: rehearsal.functions, input: rehearsal.input, concurrency: Infinity, signal }).catch(() => undefined);
}

/**
 * Opens up to `count` keep-alive connections to the server with concurrent `GET /models` (the
 * request the reachability check already makes; never a completion). Each body is read to its
 * end, so its connection stays open for the calls that follow.
 */
export async function openConnections(baseUrl: string, count: number, headers: Record<string, string>, signal: AbortSignal, fetchImpl: typeof fetch = globalThis.fetch): Promise<void> {
  const url = `${baseUrl.replace(/\/+$/, '')}/models`;
  await Promise.allSettled(
    Array.from({ length: count }, async () => {
      const res = await fetchImpl(url, { headers, signal });
      await res.arrayBuffer();
    }),
  );
}

export interface WarmUpPlan {
  baseUrl: string;
  /** Headers for `GET /models` (the key, as the reachability check sends it). */
  headers: Record<string, string>;
  /** How many calls may be in flight at once (the --concurrency limit). */
  concurrency: number;
  /** What to rehearse; none when the graph runs user code (that is never run twice). */
  rehearsal: Rehearsal | null;
}

/**
 * Both warm-ups, the rehearsal for as long as `control` lets it (the first call's wait). Failures are ignored: a
 * warm-up never fails, delays or changes a run.
 */
export async function warmUp(plan: WarmUpPlan, control: RehearsalControl, fetchImpl: typeof fetch = globalThis.fetch): Promise<void> {
  const connections = Math.min(WAVE_CONNECTIONS, plan.concurrency > 0 ? plan.concurrency : WAVE_CONNECTIONS);
  await Promise.allSettled([
    openConnections(plan.baseUrl, connections, plan.headers, AbortSignal.timeout(CONNECT_MS), fetchImpl),
    plan.rehearsal ? rehearse(plan.rehearsal, control) : Promise.resolve(),
  ]);
}

/** The warm-up's connections give up after this long (they never hold the process open longer). */
const CONNECT_MS = 10_000;

/** What `watchFirstCall` tells about the run's first request to the server. */
export interface FirstCallWatch {
  /** A turn of the event loop after it was handed to the HTTP client: the call waits on the server. */
  sent(): void;
  /** Its answer began to arrive (the body's second chunk, or its end): the process has work again. */
  answering(): void;
}

/**
 * Wraps a fetch to watch the first request it makes (its response body is iterated through a
 * counter of its chunks); every later request goes through untouched.
 */
export function watchFirstCall(base: typeof fetch, watch: FirstCallWatch): typeof fetch {
  let first = true;
  return async (input, init) => {
    if (!first) return base(input, init);
    first = false;
    const pending = base(input, init);
    setImmediate(() => watch.sent());
    const response = await pending.catch((err: unknown) => {
      watch.answering();
      throw err;
    });
    if (!response.body) {
      watch.answering();
      return response;
    }
    // Servers send a first chunk at once (the role, or a comment): the answer begins with the second.
    let chunks = 0;
    const tell = () => {
      if (chunks++ === 1) watch.answering();
    };
    const source = response.body as unknown as AsyncIterable<Uint8Array>;
    const body: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]() {
        const it = source[Symbol.asyncIterator]();
        return {
          async next() {
            const step = await it.next();
            if (step.done) chunks = Math.max(chunks, 1);
            tell();
            return step;
          },
          async return() {
            await it.return?.();
            return { done: true, value: undefined };
          },
        };
      },
    };
    return new IterableResponse(body, { status: response.status, statusText: response.statusText, headers: response.headers, url: response.url }).asResponse();
  };
}
