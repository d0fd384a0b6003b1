// Where the run timeline docks: the foot of the run drawer (details, summary, history) while the
// drawer is open, so the timeline covers neither the graph's legend nor the drawer's text; none
// (it floats over the bottom of the window) in the Operations view or with the drawer folded.
import { useSyncExternalStore } from 'react';

let dock: HTMLElement | null = null;
const listeners = new Set<() => void>();

/** A ref callback for the element the timeline docks in (null when it goes). */
export function setTimelineDock(element: HTMLElement | null): void {
  if (element === dock) return;
  dock = element;
  for (const listener of listeners) listener();
}

/** The element the timeline docks in now, if any. */
export function useTimelineDock(): HTMLElement | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => dock,
    () => null,
  );
}
