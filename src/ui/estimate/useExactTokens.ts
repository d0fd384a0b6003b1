import { useEffect } from 'react';
import type { AppStore } from '../store/createAppStore';
import { isSimulatorPricing } from './estimateOf';
import { loadExactTokenCounter } from './tokenCounter';

/**
 * Loads the exact tokenizer (about 1 MB gzipped) only once a real model is chosen, in idle time:
 * the offline simulator bills about four characters a token, which the estimate already counts.
 */
export function useExactTokens(store: AppStore): void {
  useEffect(() => {
    let started = false;
    const maybeLoad = () => {
      const s = store.getState();
      if (started || s.exactTokens || isSimulatorPricing(s.modelPricing)) return;
      started = true;
      const load = () => void loadExactTokenCounter().then(() => store.getState().setExactTokens(true), () => (started = false));
      if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
      else setTimeout(load, 0);
    };
    maybeLoad();
    return store.subscribe((s, prev) => {
      if (s.modelPricing !== prev.modelPricing) maybeLoad();
    });
  }, [store]);
}
