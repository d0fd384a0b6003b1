import { approxTokens, type TokenCounter } from '../../engine/index';

export type { TokenCounter } from '../../engine/index';

let counter: TokenCounter = approxTokens;

/** The counter estimates use now: a calibrated approximation (within a few percent) until the tokenizer has loaded. */
export const currentTokenCounter = (): TokenCounter => counter;

/** Loads gpt-tokenizer (o200k) in its own chunk, off the startup path, and counts with it from then on. */
export async function loadExactTokenCounter(): Promise<void> {
  const { countTokens } = await import('gpt-tokenizer');
  counter = (text) => countTokens(text);
}
