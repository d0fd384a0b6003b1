import { createContext, useContext, type ComponentType } from 'react';
import { ModelPickerPlaceholder } from '../topbar/ModelPickerPlaceholder';

/**
 * Places where the live-run view plugs into the editor without editing it: the model picker and
 * run controls in the top bar, a strip under each operation node, and a panel beside the canvas.
 */
export interface EditorSlots {
  ModelPicker: ComponentType;
  RunControls: ComponentType | null;
  /** Replaces the default status/metrics strip of an operation node. */
  NodeStrip: ComponentType<{ opId: string }> | null;
  /** Shown beside (or over) the canvas, e.g. the thoughts (GRS) view. */
  SidePanel: ComponentType | null;
  /** Mounted once, invisible: subscriptions, global run shortcuts. */
  Headless: ComponentType | null;
}

export const defaultSlots: EditorSlots = { ModelPicker: ModelPickerPlaceholder, RunControls: null, NodeStrip: null, SidePanel: null, Headless: null };

export const SlotsContext = createContext<EditorSlots>(defaultSlots);

/** The slot components the app was started with. */
export const useSlots = (): EditorSlots => useContext(SlotsContext);
