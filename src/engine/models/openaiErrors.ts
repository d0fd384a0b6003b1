import type * as Sdk from 'openai';
import { ModelError } from './types';

/** What an error message may name about the endpoint (never the key itself). */
export interface ErrorContext {
  baseUrl: string;
  model: string;
  apiKey?: string;
  maxRetries: number;
  timeoutMs: number;
}

/** Removes the API key, and anything shaped like an OpenAI key, from text a user or a log will see. */
export function redactSecrets(text: string, apiKey?: string): string {
  let out = text;
  if (apiKey && apiKey.length >= 4) out = out.split(apiKey).join('[redacted]');
  // Servers echo partial keys ("Incorrect API key provided: sk-ab***yz"): drop those too.
  out = out.replace(/\bsk-[A-Za-z0-9_*.-]{2,}/g, 'sk-[redacted]');
  // Credentials written into a URL (`https://user:pass@host`).
  return out.replace(/\/\/[^/@\s]*@/g, '//[redacted]@');
}

/** A URL as messages may show it: credentials in it (`user:pass@`) and key-like query values removed. */
export function displayUrl(url: string): string {
  return redactSecrets(url).replace(/([?&](?:key|api[-_]?key|token)=)[^&#]*/gi, '$1[redacted]');
}

function serverMessage(err: Sdk.APIError, apiKey?: string): string {
  const body = err.error as { message?: unknown } | string | undefined;
  const raw =
    typeof body === 'string' ? body : typeof body?.message === 'string' ? body.message : err.message.replace(/^\d{3}\s*/, '');
  const clean = redactSecrets(raw, apiKey).replace(/\s+/g, ' ').trim();
  return clean.length > 240 ? `${clean.slice(0, 240)}…` : clean;
}

function causeText(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { message?: unknown; code?: unknown; cause?: unknown };
    if (typeof e.code === 'string') parts.push(e.code);
    if (typeof e.message === 'string') parts.push(e.message);
    current = e.cause;
  }
  return parts.join(' ');
}

const retried = (ctx: ErrorContext): string =>
  ctx.maxRetries > 0 ? ` after ${ctx.maxRetries} ${ctx.maxRetries === 1 ? 'retry' : 'retries'}` : '';

/** Maps anything the SDK (or a stream) throws to a ModelError whose message says what to do. */
export function toModelError(err: unknown, sdk: typeof Sdk, ctx: ErrorContext): ModelError {
  if (err instanceof ModelError) return err;
  const where = displayUrl(ctx.baseUrl);
  if (err instanceof sdk.APIUserAbortError) return new ModelError('aborted', 'the call was cancelled');
  if (err instanceof sdk.APIConnectionTimeoutError) {
    return new ModelError(
      'timeout',
      `the server at ${where} did not answer within ${Math.round(ctx.timeoutMs / 1000)} s${retried(ctx)}`,
    );
  }
  if (err instanceof sdk.APIConnectionError) {
    const cause = causeText(err);
    if (/ECONNREFUSED/i.test(cause)) {
      return new ModelError('connection', `could not connect to ${where}: connection refused (is the server running?)`);
    }
    if (/ENOTFOUND|EAI_AGAIN/i.test(cause)) {
      return new ModelError('connection', `could not connect to ${where}: the host name was not found`);
    }
    if (/Failed to fetch|NetworkError|Load failed/i.test(cause)) {
      return new ModelError(
        'connection',
        `could not reach ${where}: the server is down or does not allow this page's origin (CORS); the Studio's /api/llm proxy avoids CORS`,
      );
    }
    return new ModelError('connection', `could not connect to ${where}: ${redactSecrets(cause, ctx.apiKey) || 'connection error'}`);
  }
  if (err instanceof sdk.APIError && typeof err.status === 'number') {
    const status = err.status;
    const says = serverMessage(err, ctx.apiKey);
    if (status === 401) {
      return new ModelError('auth', 'the server refused the API key (401): check the key in Model settings', 401);
    }
    if (status === 403) {
      return new ModelError('auth', `the server denied access (403): the key has no permission for this model or endpoint. Server said: ${says}`, 403);
    }
    if (status === 404) {
      const aboutModel = /model/i.test(says) || (err as { code?: unknown }).code === 'model_not_found';
      return aboutModel
        ? new ModelError('notFound', `the server at ${where} does not know the model "${ctx.model}" (404): check the model name. Server said: ${says}`, 404)
        : new ModelError('notFound', `nothing answers at ${where}/chat/completions (404): check the base URL (it usually ends in /v1)`, 404);
    }
    if (status === 429) {
      return new ModelError(
        'rateLimit',
        `the server at ${where} kept refusing with 429 (rate limit)${retried(ctx)}: lower the concurrency or requests per minute in Model settings. Server said: ${says}`,
        429,
      );
    }
    if (status >= 500) {
      return new ModelError('server', `the server at ${where} failed with ${status}${retried(ctx)}: ${says}`, status);
    }
    if (status === 400 || status === 422) {
      return new ModelError('badRequest', `the server rejected the request (${status}): ${says}`, status);
    }
    return new ModelError('unknown', `the server at ${where} answered ${status}: ${says}`, status);
  }
  if (err instanceof sdk.APIError && err.status === undefined && !(err instanceof sdk.APIConnectionError)) {
    // An `error` event inside a stream that had already started.
    return new ModelError('server', `the server at ${where} reported an error mid-answer: ${serverMessage(err, ctx.apiKey)}`);
  }
  if (err instanceof SyntaxError || (err instanceof sdk.OpenAIError && /JSON/i.test(err.message))) {
    return new ModelError('badAnswer', `the server at ${where} sent something that is not OpenAI-style JSON: ${redactSecrets(err.message, ctx.apiKey)}`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ModelError('unknown', `the call to ${where} failed: ${redactSecrets(message, ctx.apiKey)}`);
}
