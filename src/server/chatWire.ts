import type { ChatMessage } from '../engine/index';

/** A chat-completions request body, checked. */
export interface ChatBody {
  model: string;
  messages: ChatMessage[];
  n: number;
  stream: boolean;
  includeUsage: boolean;
  temperature?: number;
  maxTokens?: number;
  seed?: number;
}

const ROLES = new Set(['system', 'user', 'assistant', 'developer']);

function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  // Content parts: keep the text parts (this server reads text only).
  if (Array.isArray(content)) {
    return content
      .map((part: unknown) => (part && typeof part === 'object' && 'text' in part ? String((part as { text: unknown }).text) : ''))
      .join('');
  }
  return undefined;
}

/** Reads a request body as the OpenAI API would, or says what is wrong with it. */
export function parseChatBody(raw: unknown): { ok: true; body: ChatBody } | { ok: false; message: string } {
  if (!raw || typeof raw !== 'object') return { ok: false, message: 'The body must be a JSON object.' };
  const b = raw as Record<string, unknown>;
  if (typeof b.model !== 'string' || !b.model) return { ok: false, message: "'model' is required." };
  if (!Array.isArray(b.messages) || b.messages.length === 0) return { ok: false, message: "'messages' must be a non-empty array." };
  const messages: ChatMessage[] = [];
  for (const [i, m] of b.messages.entries()) {
    const msg = m as Record<string, unknown> | null;
    const text = contentText(msg?.content);
    if (!msg || typeof msg.role !== 'string' || !ROLES.has(msg.role) || text === undefined) {
      return { ok: false, message: `messages[${i}] needs a role (system, user or assistant) and text content.` };
    }
    messages.push({ role: msg.role === 'developer' ? 'system' : (msg.role as ChatMessage['role']), content: text });
  }
  const n = b.n === undefined || b.n === null ? 1 : b.n;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 128) return { ok: false, message: "'n' must be an integer from 1 to 128." };
  const optionalNumber = (key: string): number | undefined | false => {
    const v = b[key];
    if (v === undefined || v === null) return undefined;
    return typeof v === 'number' && Number.isFinite(v) ? v : false;
  };
  const temperature = optionalNumber('temperature');
  const maxTokens = optionalNumber('max_completion_tokens') ?? optionalNumber('max_tokens');
  const seed = optionalNumber('seed');
  if (temperature === false || maxTokens === false || seed === false) {
    return { ok: false, message: "'temperature', 'max_tokens' and 'seed' must be numbers." };
  }
  const options = b.stream_options as { include_usage?: unknown } | undefined;
  return {
    ok: true,
    body: {
      model: b.model,
      messages,
      n,
      stream: b.stream === true,
      includeUsage: options?.include_usage === true,
      temperature,
      maxTokens,
      seed,
    },
  };
}

/** An OpenAI-style error body. */
export function errorBody(message: string, type: string, code: string | null = null) {
  return { error: { message, type, param: null, code } };
}

/** One `chat.completion.chunk` of a stream. */
export function chunk(id: string, created: number, model: string, choices: unknown[], usage?: unknown) {
  return { id, object: 'chat.completion.chunk', created, model, choices, ...(usage === undefined ? {} : { usage }) };
}

/** The `usage` object the API sends. */
export function usageBody(promptTokens: number, completionTokens: number) {
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}
