import type { Budget } from '../../../engine/index';

/** Where completions come from. */
export type ProviderKind = 'simulator' | 'openai' | 'proxy';

/** Everything the model dialog sets except the API key (which never enters the store). */
export interface ModelSettings {
  provider: ProviderKind;
  simulator: { seed: number; latencyMs: number };
  openai: { baseUrl: string; model: string };
  proxy: { model: string };
  concurrency: number;
  /** Requests started per minute; 0 for no limit. */
  requestsPerMinute: number;
  /** A streamed answer with no new data for this many seconds is cut and reported as stalled. */
  stallSeconds: number;
  budget: Budget;
  cache: boolean;
  /** Keep the API key in this browser's localStorage (only then is it written anywhere). */
  rememberKey: boolean;
}

export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
  provider: 'simulator',
  simulator: { seed: 0, latencyMs: 300 },
  openai: { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
  proxy: { model: 'gpt-4o-mini' },
  concurrency: 8,
  requestsPerMinute: 0,
  stallSeconds: 30,
  budget: {},
  cache: true,
  rememberKey: false,
};

export const SETTINGS_STORAGE_KEY = 'got-studio.model-settings';
export const API_KEY_STORAGE_KEY = 'got-studio.api-key';

/** The settings saved on this device, merged over the defaults (a broken entry gives the defaults). */
export function loadModelSettings(storage: Pick<Storage, 'getItem'> | null): ModelSettings {
  try {
    const raw = storage?.getItem(SETTINGS_STORAGE_KEY);
    if (!raw) return DEFAULT_MODEL_SETTINGS;
    const saved = JSON.parse(raw) as Partial<ModelSettings>;
    const d = DEFAULT_MODEL_SETTINGS;
    return {
      ...d,
      ...saved,
      simulator: { ...d.simulator, ...saved.simulator },
      openai: { ...d.openai, ...saved.openai },
      proxy: { ...d.proxy, ...saved.proxy },
      budget: { ...saved.budget },
    };
  } catch {
    return DEFAULT_MODEL_SETTINGS;
  }
}

/** Saves the settings (never a key: the type has none, and `apiKey` fields are stripped defensively). */
export function saveModelSettings(storage: Pick<Storage, 'setItem'> | null, settings: ModelSettings): void {
  const { ...copy } = settings as ModelSettings & { apiKey?: unknown };
  delete copy.apiKey;
  try {
    storage?.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(copy));
  } catch {
    // A full or disabled storage only loses the preference.
  }
}

/**
 * Holds the API key in memory for the page's life; writes it to storage only when the user ticked
 * "remember on this device", and removes it from storage the moment they untick it.
 */
export class KeyVault {
  private key: string;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null) {
    this.key = storage?.getItem(API_KEY_STORAGE_KEY) ?? '';
  }

  get(): string {
    return this.key;
  }

  set(key: string, remember: boolean): void {
    this.key = key;
    try {
      if (remember && key) this.storage?.setItem(API_KEY_STORAGE_KEY, key);
      else this.storage?.removeItem(API_KEY_STORAGE_KEY);
    } catch {
      // Storage refused: the key stays in memory only.
    }
  }

  /** Whether a key is remembered on this device. */
  remembered(): boolean {
    return Boolean(this.storage?.getItem(API_KEY_STORAGE_KEY));
  }
}

/** The model identity a run records (never a key): what the run log, history and exports show. */
export function modelLabel(s: ModelSettings): { baseUrl: string; model: string } {
  if (s.provider === 'simulator') return { baseUrl: 'simulator', model: 'simulator' };
  if (s.provider === 'proxy') return { baseUrl: '/api/llm/v1', model: s.proxy.model };
  return { baseUrl: s.openai.baseUrl, model: s.openai.model };
}
