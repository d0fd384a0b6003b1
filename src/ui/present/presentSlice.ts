import type { SliceCreator } from '../store/types';

/** Presentation mode: the canvas alone, larger type, a caption, keyboard stepping. Never persisted. */
export interface PresentSlice {
  presenting: boolean;
  /** Bumped by F: the thoughts canvas (its own React Flow instance) fits itself for presenting. */
  presentFit: number;
  setPresenting: (on: boolean) => void;
  requestPresentFit: () => void;
}

export const createPresentSlice: SliceCreator<PresentSlice> = (set, get) => ({
  presenting: false,
  presentFit: 0,
  setPresenting: (presenting) => set({ presenting }),
  requestPresentFit: () => set({ presentFit: get().presentFit + 1 }),
});
