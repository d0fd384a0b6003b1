import type { StateCreator, StoreApi } from 'zustand';
import type { TemporalState } from 'zundo';
import type { GotDocument } from '../../engine/index';
import type { DocumentSlice } from './documentSlice';
import type { SelectionSlice } from './selectionSlice';
import type { UiSlice } from './uiSlice';
import type { RunsSlice } from './runsSlice';
import type { RunSlice } from '../run/runSlice';
import type { TimelineSlice } from '../timeline/timelineSlice';
import type { PresentSlice } from '../present/presentSlice';
import type { FoldSlice } from '../canvas/foldSlice';

/** The whole app state: typed slices combined at the root. */
export type AppState = DocumentSlice & SelectionSlice & UiSlice & RunsSlice & RunSlice & TimelineSlice & PresentSlice & FoldSlice;

/** The part of the state undo/redo tracks: the document only. */
export type HistoryState = { doc: GotDocument };

/** A slice creator inside the root's temporal middleware. */
export type SliceCreator<S> = StateCreator<AppState, [['temporal', unknown]], [], S>;

/** The undo/redo store zundo attaches to the root store. */
export const temporalOf = (api: object): StoreApi<TemporalState<HistoryState>> =>
  (api as { temporal: StoreApi<TemporalState<HistoryState>> }).temporal;
