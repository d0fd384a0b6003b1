import type { useAppStoreApi } from '../../store/StoreProvider';
import { appKeyVault } from './keyVault';
import { deviceStorage, priceFor } from './modelPrices';
import { modelLabel, saveModelSettings, type ModelSettings } from './modelSettings';

/** Applies settings: the store, this device's saved preferences (never the key), the key vault, and the editor's cost preview at this device's price. */
export function applyModelSettings(api: ReturnType<typeof useAppStoreApi>, settings: ModelSettings, key: string): void {
  const s = api.getState();
  s.setModelSettings(settings);
  saveModelSettings(deviceStorage(), settings);
  appKeyVault().set(key, settings.rememberKey);
  s.setHasApiKey(key !== '');
  const price = priceFor(settings);
  const name = settings.provider === 'simulator' ? 'Offline simulator' : modelLabel(settings).model;
  // Without a price the preview says so rather than showing a silent $0.
  const label = price ? name : `${name} · no price — cost shown as $0`;
  s.setModelPricing({ label, promptPerMTok: price?.input ?? 0, completionPerMTok: price?.output ?? 0 });
}
