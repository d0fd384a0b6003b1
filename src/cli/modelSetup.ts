import { resolve } from 'node:path';
import {
  DEFAULT_PRICES,
  SIMULATOR_PRICE_KEY,
  costOf,
  lookupPrice,
  openAIModel,
  redactSecrets,
  redactUrl,
  simulatorModel,
  withCache,
  withMemoryLayer,
  type LanguageModel,
  type OpenAIModel,
  type ModelErrorKind,
  type PriceTable,
  type TokenUsage,
} from '../engine/index';
import { folderCacheStore } from '../server/folderCacheStore';
import { CliError, EXIT } from './errors';
import { nodeFetch } from './http/nodeFetch';
import { watchFirstCall } from './warmUp';

export interface ModelOptions {
  model?: string;
  baseUrl?: string;
  seed: number;
  latencyMs?: number;
  tokenMs?: number;
  concurrency: number;
  /** Requests per minute to an OpenAI-compatible server (0 or absent: no limit). */
  requestsPerMinute?: number;
  cache: boolean;
  cacheDir?: string;
  /** Dollars per million tokens by model (default: the built-in table). */
  prices?: PriceTable;
}

/** The model a command runs with, ready to be wrapped per sample with the cache. */
export interface ModelSetup {
  kind: 'simulator' | 'openai';
  base: LanguageModel;
  /** As recorded in reports (no key, no credentials in the URL). */
  record: { baseUrl: string; model: string };
  cost: (usage: TokenUsage) => number;
  cache: boolean;
  /** The model for one sample: cached by request and sample row when the cache is on. */
  forSample(sampleIndex: number | null): LanguageModel;
  /** Where cached answers live (for messages). */
  cacheLocation: string | null;
  /** Things to tell the user before the run (e.g. a model with no price). */
  notes: string[];
  /** When the first request to the server was sent, and when its answer began to arrive (never, for the simulator). */
  firstCall: { waiting: Promise<void>; answering: Promise<void> };
  /** Readies the provider's first call (the SDK loaded, its client made, a request built, nothing sent); nothing to do for the simulator. */
  prepare(): Promise<void>;
  /** The HTTP client of every request to the server (the SDK's, the reachability check's, the warm-up's): one pool of keep-alive connections. */
  fetch: typeof fetch;
}

const SIMULATOR_NAMES = new Set(['simulator', 'sim', 'offline']);
const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** Call failures that mean the model cannot be used at all (exit 4), not a bad answer. */
export const UNREACHABLE_KINDS: ReadonlySet<ModelErrorKind> = new Set(['connection', 'auth', 'notFound', 'timeout']);

/** The key for an OpenAI-compatible server and the headers that carry it: the one place the CLI reads it. */
export interface ServerKey {
  /** OPENAI_API_KEY, or none when it is unset or blank. */
  apiKey: string | undefined;
  /** `Authorization: Bearer KEY` for requests the CLI makes itself (none without a key). */
  headers: Record<string, string>;
}

/** Reads the API key from the environment; callers pass it on to the server and to redaction, never to a message. */
export function serverKey(env: Readonly<Record<string, string | undefined>>): ServerKey {
  const apiKey = env['OPENAI_API_KEY'] || undefined;
  return { apiKey, headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} };
}

/** Builds the simulator (the default) or the OpenAI-compatible provider, with the response cache. */
export function setupModel(options: ModelOptions, env: Readonly<Record<string, string | undefined>>, cwd: string): ModelSetup {
  const name = options.model?.trim() || 'simulator';
  const prices = options.prices ?? DEFAULT_PRICES;
  const notes: string[] = [];
  const useSimulator = options.baseUrl === undefined && SIMULATOR_NAMES.has(name.toLowerCase());
  let base: LanguageModel;
  let cost: (usage: TokenUsage) => number;
  let makeProvider: (() => OpenAIModel) | null = null;
  // The provider `prepare` readies, handed to the first sample (its own object, as every sample's).
  let spare: OpenAIModel | null = null;
  const firstCall = { sent: (): void => undefined, answering: (): void => undefined };
  const waiting = new Promise<void>((resolve) => (firstCall.sent = resolve));
  const answering = new Promise<void>((resolve) => (firstCall.answering = resolve));
  const httpFetch = nodeFetch();
  if (useSimulator) {
    base = simulatorModel({ seed: options.seed, latencyMs: options.latencyMs, tokenMs: options.tokenMs });
    const price = lookupPrice(prices, SIMULATOR_PRICE_KEY);
    cost = (usage) => costOf(usage, price);
  } else {
    const baseUrl = options.baseUrl ?? env['OPENAI_BASE_URL'] ?? OPENAI_DEFAULT_BASE_URL;
    const { apiKey } = serverKey(env);
    if (baseUrl === OPENAI_DEFAULT_BASE_URL && !apiKey) {
      throw new CliError(EXIT.usage, `--model ${name} uses OpenAI, which needs OPENAI_API_KEY in the environment (or give --base-url for a local server).`);
    }
    const limit = {
      ...(Number.isFinite(options.concurrency) ? { maxConcurrency: options.concurrency } : {}),
      ...(options.requestsPerMinute ? { requestsPerMinute: options.requestsPerMinute } : {}),
    };
    const pricing = lookupPrice(prices, name);
    if (!pricing) notes.push(`No price for the model "${name}": costs show as $0 (right for a local server; else give --prices FILE with its dollars per million tokens).`);
    // One provider object per sample, so each run's log says what the provider noticed (e.g. a server ignoring n);
    // the endpoint's limiter and what it learned about the server are shared between them.
    const fetchWatched = watchFirstCall(httpFetch, { sent: () => firstCall.sent(), answering: () => firstCall.answering() });
    makeProvider = () => openAIModel({ baseUrl, model: name, fetch: fetchWatched, ...(apiKey ? { apiKey } : {}), ...(pricing ? { pricing } : {}), ...limit });
    base = makeProvider();
    spare = base as OpenAIModel;
    cost = (usage) => costOf(usage, pricing);
  }
  const cacheDir = options.cache ? resolve(cwd, options.cacheDir ?? '.got-cache') : null;
  // Memory in front of the folder; a failing folder (read-only, full) never fails a call: withCache reports it and goes on.
  const store = cacheDir ? withMemoryLayer(folderCacheStore(cacheDir)) : null;
  // The folder's keys are listed now, while the server is checked, not on the first call's lookup.
  store?.warm();
  return {
    kind: useSimulator ? 'simulator' : 'openai',
    base,
    record: { baseUrl: redactUrl(base.id.baseUrl), model: base.id.model },
    cost,
    cache: options.cache,
    cacheLocation: cacheDir,
    notes,
    firstCall: { waiting, answering },
    fetch: httpFetch,
    prepare: async () => spare?.prepare(),
    forSample: (sampleIndex) => {
      const model = spare ?? makeProvider?.() ?? base;
      spare = null;
      return store ? withCache(model, store, { enabled: true, sampleIndex }) : model;
    },
  };
}

/**
 * Checks before a run that an OpenAI-compatible server answers at all, so a wrong URL fails in a
 * second with exit 4 rather than after the SDK's retries. Any HTTP answer counts as reachable,
 * except 401/403 (the key is refused).
 */
export async function checkReachable(setup: ModelSetup, env: Readonly<Record<string, string | undefined>>, signal: AbortSignal): Promise<void> {
  if (setup.kind !== 'openai') return;
  // The SDK loads, and the first call's request is built once, while the server is asked: the run's first call waits for neither.
  const ready = setup.prepare();
  ready.catch(() => undefined);
  const baseUrl = setup.base.id.baseUrl.replace(/\/+$/, '');
  const { apiKey, headers } = serverKey(env);
  let status: number;
  try {
    const res = await setup.fetch(`${baseUrl}/models`, {
      headers,
      signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]),
    });
    status = res.status;
    // Read to its end (a cancelled body closes the connection) and let the HTTP client take the
    // connection back (a macrotask later), so the run's first call reuses it instead of opening one.
    await res.arrayBuffer();
    await new Promise((done) => setImmediate(done));
  } catch (e) {
    if (signal.aborted) throw new CliError(EXIT.cancelled, 'Cancelled.');
    throw unreachable(setup.record.baseUrl, redactSecrets(describeFetchError(e), apiKey));
  }
  await ready;
  if (status === 401 || status === 403) {
    throw new CliError(
      EXIT.modelUnreachable,
      `The model server at ${setup.record.baseUrl} refused the API key (HTTP ${status}). Check OPENAI_API_KEY${apiKey ? '' : ' (it is not set)'}.`,
    );
  }
}

/** The exit-4 error for a model that cannot be used, with what to check for its kind of failure. */
export function unreachable(baseUrl: string, why: string, kind: ModelErrorKind = 'connection'): CliError {
  // Fetch errors quote the URL they refused, credentials included.
  const reason = redactSecrets(why).replace(/[.\s]+$/, '');
  if (kind === 'notFound') {
    // The provider's message already names the server and the model.
    return new CliError(EXIT.modelUnreachable, `${reason}.\nCheck --model (GET ${baseUrl}/models lists what the server serves).`);
  }
  if (kind === 'auth') {
    return new CliError(EXIT.modelUnreachable, `The model server at ${baseUrl} refused the request: ${reason}.\nCheck OPENAI_API_KEY.`);
  }
  return new CliError(
    EXIT.modelUnreachable,
    `Cannot reach the model at ${baseUrl}: ${reason}.\nCheck that the server is running, that --base-url is right (OpenAI-compatible servers usually end in /v1), and your network or proxy.`,
  );
}

function describeFetchError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ENOTFOUND') return 'the host name does not resolve';
  if ((e as Error).name === 'TimeoutError') return 'no answer within 10 s';
  return cause?.message ?? (e as Error).message;
}
