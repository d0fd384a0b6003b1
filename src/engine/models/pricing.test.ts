import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES, costOf, lookupPrice, parsePriceTable } from './pricing';
import { encodingForModel, estimatePromptTokens, countTextTokens } from './tokens';

describe('prices', () => {
  it('finds a dated model by its family, preferring the longest family name', () => {
    expect(lookupPrice(DEFAULT_PRICES, 'gpt-4o-mini-2024-07-18')).toEqual({ input: 0.15, output: 0.6 });
    expect(lookupPrice(DEFAULT_PRICES, 'gpt-4o-2024-08-06')).toEqual({ input: 2.5, output: 10 });
    expect(lookupPrice(DEFAULT_PRICES, 'gpt-4.1-nano')).toEqual({ input: 0.1, output: 0.4 });
    expect(lookupPrice(DEFAULT_PRICES, 'llama3.1:8b')).toBeUndefined();
  });

  it('prices the simulator like gpt-3.5-turbo', () => {
    expect(lookupPrice(DEFAULT_PRICES, 'simulator')).toEqual(lookupPrice(DEFAULT_PRICES, 'gpt-3.5-turbo'));
  });

  it('uses an edited table', () => {
    const table = { ...DEFAULT_PRICES, 'my-model': { input: 1, output: 2 } };
    expect(lookupPrice(table, 'my-model')).toEqual({ input: 1, output: 2 });
  });

  it('reads a user price table laid over the defaults, and says which entry is wrong', () => {
    const read = parsePriceTable('{"my-model": {"input": 1, "output": 2}, "gpt-4o": {"input": 2, "output": 8}}');
    expect(read.ok && lookupPrice(read.table, 'my-model')).toEqual({ input: 1, output: 2 });
    expect(read.ok && lookupPrice(read.table, 'gpt-4o')).toEqual({ input: 2, output: 8 });
    expect(read.ok && lookupPrice(read.table, 'gpt-4o-mini')).toEqual(DEFAULT_PRICES['gpt-4o-mini']);
    expect(parsePriceTable('{"m": {"input": -1, "output": 2}}')).toMatchObject({ ok: false, message: expect.stringMatching(/^m\.input: /) });
    expect(parsePriceTable('{"m": {"input": 1}}')).toMatchObject({ ok: false, message: expect.stringContaining('m.output') });
    expect(parsePriceTable('{oops')).toMatchObject({ ok: false, message: expect.stringMatching(/^not JSON/) });
  });

  it('computes dollars per million tokens, and nothing without a price', () => {
    expect(costOf({ promptTokens: 1_000_000, completionTokens: 500_000 }, { input: 0.5, output: 1.5 })).toBeCloseTo(1.25);
    expect(costOf({ promptTokens: 100, completionTokens: 100 }, undefined)).toBe(0);
  });
});

describe('tokens', () => {
  it('picks the tokenizer of the model family', () => {
    expect(encodingForModel('gpt-3.5-turbo')).toBe('cl100k_base');
    expect(encodingForModel('gpt-4-turbo')).toBe('cl100k_base');
    expect(encodingForModel('gpt-4o-mini')).toBe('o200k_base');
    expect(encodingForModel('gpt-4.1')).toBe('o200k_base');
  });

  it('counts prompt tokens with the real tokenizer plus the chat framing', async () => {
    const messages = [{ role: 'user' as const, content: 'Sort the list [3, 1, 2].' }];
    const text = await countTextTokens('Sort the list [3, 1, 2].', 'gpt-4o');
    expect(text).toBeGreaterThan(5);
    // 3 to prime the reply + 3 per message + the role token + the content.
    expect(await estimatePromptTokens(messages, 'gpt-4o')).toBe(3 + 3 + 1 + text);
  });
});
