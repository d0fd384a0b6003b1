/** A chat message as the model sees it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** A retry the provider is about to make. */
export interface RetryInfo {
  attempt: number;
  reason: string;
  status?: number;
  delayMs: number;
}

export interface CompletionRequest {
  messages: ChatMessage[];
  /** Completions wanted (OpenAI's `n`). */
  n: number;
  temperature?: number;
  maxTokens?: number;
  /** Deterministic per call position and run seed: the simulator derives its answers from it, the cache keys on it. */
  seed?: number;
  signal?: AbortSignal;
  /** Streamed text of completion `index`. */
  onToken?: (index: number, delta: string) => void;
  onRetry?: (info: RetryInfo) => void;
  /** Something the run log should say (e.g. "the server ignores n: falling back to k requests"). */
  onNotice?: (message: string) => void;
  /** Awaited once before the call's first request (never for an answer from the cache): may wait for room under a cap, or throw (a ModelError 'budget'). */
  admit?: () => Promise<void>;
  /**
   * Called just before each request is sent (every retry and per-completion fallback too) with the
   * completions it asks for; it may throw (a ModelError 'budget') and then that request is not sent.
   */
  beforeRequest?: (n: number) => void;
}

export interface CompletionResult {
  texts: string[];
  usage: TokenUsage;
  /** HTTP requests actually sent: retries, and one per completion where the server ignored `n`, included. */
  requests: number;
  /** Wall milliseconds of the call. */
  ms: number;
  /** True when the answer came from the response cache. */
  cached: boolean;
}

/** Why a call failed, in words a user can act on. */
export type ModelErrorKind =
  | 'auth'
  | 'notFound'
  | 'rateLimit'
  | 'server'
  | 'timeout'
  | 'stall'
  | 'connection'
  | 'aborted'
  | 'badRequest'
  | 'badAnswer'
  | 'budget'
  | 'unknown';

export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

/** Anything that completes chat messages: the OpenAI-compatible provider, the simulator, a scripted test model. */
export interface LanguageModel {
  /** Stable identity for the cache key: base URL + model name. */
  readonly id: { baseUrl: string; model: string };
  complete(request: CompletionRequest): Promise<CompletionResult>;
  /**
   * Waits for work the model left running after its calls answered (a response cache's writes) and
   * says what the user should know of it; the engine asks once, before a run ends, and logs each line.
   */
  settle?(): Promise<string[]>;
}

/** Dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}
