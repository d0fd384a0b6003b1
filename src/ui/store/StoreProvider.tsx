import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { TemporalState } from 'zundo';
import type { AppStore } from './createAppStore';
import type { AppState, HistoryState } from './types';
import { viewedState } from '../timeline/viewedRun';

const StoreContext = createContext<AppStore | null>(null);

/** Provides one app store to the tree (tests and the bench make their own). */
export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for actions and imperative reads in event handlers. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStoreApi must be used inside <StoreProvider>');
  return store;
}

/** Selects a narrow piece of state; re-renders only when it changes (Object.is). Run state is read as the timeline shows it. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), (s) => selector(viewedState(s)));
}

/** Selects a derived array or object, compared shallowly. */
export function useAppStoreShallow<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), useShallow((s: AppState) => selector(viewedState(s))));
}

/** Undo/redo availability and actions. */
export function useHistory<T>(selector: (s: TemporalState<HistoryState>) => T): T {
  return useStore(useAppStoreApi().temporal, selector);
}
