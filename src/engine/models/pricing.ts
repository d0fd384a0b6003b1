import { z } from 'zod/mini';
import type { ModelPrice, TokenUsage } from './types';

/** Dollars per million tokens by model name; keys match a model exactly or as a name prefix (longest wins). */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** The model name the offline simulator reports as its id. */
export const SIMULATOR_PRICE_KEY = 'simulator';

/**
 * Default prices (USD per 1M tokens, OpenAI list prices for standard usage). Users can edit a copy.
 * `simulator` is priced like gpt-3.5-turbo on purpose, so a simulated run shows a realistic cost
 * for the paper's setting (which used gpt-3.5-turbo); `local` stands for self-hosted models and is free.
 */
export const DEFAULT_PRICES: PriceTable = {
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4-turbo': { input: 10, output: 30 },
  'gpt-4': { input: 30, output: 60 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  o1: { input: 15, output: 60 },
  'o1-mini': { input: 1.1, output: 4.4 },
  o3: { input: 2, output: 8 },
  'o3-mini': { input: 1.1, output: 4.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
  [SIMULATOR_PRICE_KEY]: { input: 0.5, output: 1.5 },
  // The name the simulator answers to over HTTP (SIMULATOR_ID.model), same price.
  'got-simulator': { input: 0.5, output: 1.5 },
  local: { input: 0, output: 0 },
};

/**
 * The price for a model: an exact key, else the longest key the name starts with followed by `-`
 * (so `gpt-4o-mini-2024-07-18` finds `gpt-4o-mini`, not `gpt-4o`). Undefined when unknown.
 */
export function lookupPrice(table: PriceTable, model: string): ModelPrice | undefined {
  const name = model.trim().toLowerCase();
  const exact = table[name] ?? table[model];
  if (exact) return exact;
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    const k = key.toLowerCase();
    if (name.startsWith(`${k}-`) && (!best || k.length > best.length)) best = key;
  }
  return best === undefined ? undefined : table[best];
}

/** Dollars for one call's token usage at a price (0 without a price). */
export function costOf(usage: TokenUsage, price: ModelPrice | undefined): number {
  if (!price) return 0;
  return (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000;
}

const priceTableSchema = z.record(z.string().check(z.minLength(1)), z.strictObject({ input: z.number().check(z.gte(0)), output: z.number().check(z.gte(0)) }));

/**
 * A user's price table (JSON `{"model": {"input": $/1M, "output": $/1M}}`) laid over `base`: their
 * entries win. Says what is wrong (which model, which field) when the text is not such a table.
 */
export function parsePriceTable(text: string, base: PriceTable = DEFAULT_PRICES): { ok: true; table: PriceTable } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `not JSON: ${(err as Error).message}` };
  }
  const parsed = priceTableSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || 'the table';
    return { ok: false, message: `${where}: ${issue?.message ?? 'invalid'} (expected {"model": {"input": 0.5, "output": 1.5}} in dollars per million tokens)` };
  }
  return { ok: true, table: { ...base, ...parsed.data } };
}
