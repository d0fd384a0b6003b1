import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PRICES } from '../../../engine/index';
import { buildModel } from './buildModel';
import { loadPriceTable, PRICES_STORAGE_KEY, priceFor, priceKey, savePrice } from './modelPrices';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from './modelSettings';

/** A Map-backed Storage, like one browser profile's localStorage. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    key: (i) => [...items.keys()][i] ?? null,
  };
}

const openai = (model: string): ModelSettings => ({ ...DEFAULT_MODEL_SETTINGS, provider: 'openai', openai: { baseUrl: 'http://x/v1', model }, cache: false });

afterEach(() => vi.unstubAllGlobals());

describe('model prices saved on this device', () => {
  it('gives the default table when nothing is saved', () => {
    expect(loadPriceTable(memoryStorage())).toEqual(DEFAULT_PRICES);
  });

  it('replaces a known model’s default price and survives a reload of the storage', () => {
    const storage = memoryStorage();
    savePrice(storage, 'gpt-4o-mini', { input: 1, output: 2 });
    expect(priceFor(openai('gpt-4o-mini'), loadPriceTable(storage))).toEqual({ input: 1, output: 2 });
    expect(priceFor(openai('gpt-4o'), loadPriceTable(storage))).toEqual(DEFAULT_PRICES['gpt-4o']);
  });

  it('adds a price for a model the defaults do not know', () => {
    const storage = memoryStorage();
    expect(priceFor(openai('llama3.1'), loadPriceTable(storage))).toBeUndefined();
    savePrice(storage, 'llama3.1', { input: 0.2, output: 0.3 });
    savePrice(storage, 'qwen2.5', { input: 0.1, output: 0.1 });
    const table = loadPriceTable(storage);
    expect(priceFor(openai('llama3.1'), table)).toEqual({ input: 0.2, output: 0.3 });
    expect(priceFor(openai('qwen2.5'), table)).toEqual({ input: 0.1, output: 0.1 });
  });

  it('prices the simulator under its own key and the proxy under its model name', () => {
    expect(priceKey(DEFAULT_MODEL_SETTINGS)).toBe('simulator');
    expect(priceKey({ ...DEFAULT_MODEL_SETTINGS, provider: 'proxy', proxy: { model: 'gpt-4.1' } })).toBe('gpt-4.1');
  });

  it('ignores a broken saved entry and refuses a negative price', () => {
    const storage = memoryStorage();
    storage.setItem(PRICES_STORAGE_KEY, '{"gpt-4o": {"input": "cheap"}}');
    expect(loadPriceTable(storage)).toEqual(DEFAULT_PRICES);
    savePrice(storage, 'gpt-4o', { input: -1, output: 2 });
    expect(storage.getItem(PRICES_STORAGE_KEY)).toBe('{"gpt-4o": {"input": "cheap"}}');
  });

  it('costs a run’s calls at the price saved on this device', async () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    savePrice(storage, 'my-model', { input: 10, output: 20 });
    const { cost } = await buildModel(openai('my-model'), '', null);
    expect(cost({ promptTokens: 1_000_000, completionTokens: 500_000 })).toBeCloseTo(20);
    expect((await buildModel(openai('unknown-model'), '', null)).cost({ promptTokens: 1000, completionTokens: 1000 })).toBe(0);
  });
});
