import {
  DEFAULT_PRICES,
  lookupPrice,
  parsePriceTable,
  SIMULATOR_PRICE_KEY,
  type ModelPrice,
  type PriceTable,
} from '../../../engine/index';
import type { ModelSettings } from './modelSettings';

/** localStorage key of the user's own prices (not secret: dollars per million tokens by model name). */
export const PRICES_STORAGE_KEY = 'got-studio.model-prices';

type PriceStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

/** The device's storage, or null outside a browser. */
export const deviceStorage = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);

/** The user's own prices saved on this device (a broken entry counts as none). */
export function loadPriceOverrides(storage: Pick<Storage, 'getItem'> | null): PriceTable {
  try {
    const raw = storage?.getItem(PRICES_STORAGE_KEY);
    if (!raw) return {};
    const parsed = parsePriceTable(raw, {});
    return parsed.ok ? parsed.table : {};
  } catch {
    return {};
  }
}

/** The price table runs and previews use: the defaults with this device's own prices laid over them. */
export function loadPriceTable(storage: Pick<Storage, 'getItem'> | null): PriceTable {
  return { ...DEFAULT_PRICES, ...loadPriceOverrides(storage) };
}

/** Saves one model's price on this device (added for an unknown model, replacing a default for a known one). */
export function savePrice(storage: PriceStorage, model: string, price: ModelPrice): void {
  const name = model.trim();
  if (!name || !(price.input >= 0) || !(price.output >= 0)) return;
  const next = { ...loadPriceOverrides(storage), [name]: { input: price.input, output: price.output } };
  try {
    storage?.setItem(PRICES_STORAGE_KEY, JSON.stringify(next));
  } catch {
    // A full or disabled storage only loses the preference.
  }
}

/** The name a provider's calls are priced under: the simulator's fixed key, else the model name. */
export function priceKey(settings: ModelSettings): string {
  if (settings.provider === 'simulator') return SIMULATOR_PRICE_KEY;
  return settings.provider === 'proxy' ? settings.proxy.model : settings.openai.model;
}

/** The price a provider's calls are costed at, from `table`; undefined when the model has none. */
export function priceFor(settings: ModelSettings, table: PriceTable = loadPriceTable(deviceStorage())): ModelPrice | undefined {
  return lookupPrice(table, priceKey(settings));
}
