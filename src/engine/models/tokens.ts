import type { ChatMessage } from './types';

/** The slice of gpt-tokenizer's encoding modules this file uses. */
interface Encoding {
  countTokens(text: string): number;
}

type EncodingName = 'o200k_base' | 'cl100k_base';

const loaded = new Map<EncodingName, Promise<Encoding>>();

// Literal import paths so the bundler splits each (large) encoding into its own lazy chunk.
function loadEncoding(name: EncodingName): Promise<Encoding> {
  let pending = loaded.get(name);
  if (!pending) {
    pending =
      name === 'o200k_base'
        ? import('gpt-tokenizer/encoding/o200k_base').then((m) => m.default)
        : import('gpt-tokenizer/encoding/cl100k_base').then((m) => m.default);
    pending.catch(() => loaded.delete(name));
    loaded.set(name, pending);
  }
  return pending;
}

/** The BPE a model family uses: gpt-3.5 / gpt-4 (not 4o) use cl100k, everything newer o200k. */
export function encodingForModel(model: string): EncodingName {
  const m = model.toLowerCase();
  if (/^(gpt-3\.5|gpt-4(?![o.]))/.test(m) || m.includes('simulator')) return 'cl100k_base';
  return 'o200k_base';
}

// OpenAI's documented chat framing: ~3 tokens per message plus 3 to prime the reply.
const TOKENS_PER_MESSAGE = 3;
const TOKENS_REPLY_PRIMING = 3;

/** Prompt tokens a chat request will use, counted with the model's real tokenizer (loaded on first use). */
export async function estimatePromptTokens(messages: readonly ChatMessage[], model: string): Promise<number> {
  const encoding = await loadEncoding(encodingForModel(model));
  let total = TOKENS_REPLY_PRIMING;
  for (const message of messages) {
    total += TOKENS_PER_MESSAGE + encoding.countTokens(message.role) + encoding.countTokens(message.content);
  }
  return total;
}

/** Tokens in a piece of generated text, with the model's tokenizer. */
export async function countTextTokens(text: string, model: string): Promise<number> {
  const encoding = await loadEncoding(encodingForModel(model));
  return encoding.countTokens(text);
}

/** A quick estimate with no tokenizer (about four characters a token), for places that cannot wait. */
export function roughTokenCount(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.round(text.length / 4));
}
