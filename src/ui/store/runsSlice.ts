import type { OperationStatus } from '../../engine/index';
import type { SliceCreator } from './types';

/** What an operation node's status strip shows during and after a run (filled by the run view). */
export interface OperationRunView {
  status: OperationStatus;
  thoughtsIn?: number;
  thoughtsOut?: number;
  bestScore?: number | null;
  tokens?: number;
  cost?: number;
  ms?: number;
  error?: string;
}

/** Prices of the model the run will use, for the cost preview (dollars per million tokens). */
export interface ModelPricing {
  label: string;
  promptPerMTok: number;
  completionPerMTok: number;
}

/**
 * Run state, kept apart from the document: a run never rewrites the graph. The editor reads
 * `runs.ops[id]` for node strips and `runs.edges[from->to]` for thoughts that flowed; the run view
 * writes them through `setRunView` (or replaces this slice with its own richer one).
 */
export interface RunsSlice {
  runs: {
    active: boolean;
    ops: Record<string, OperationRunView | undefined>;
    edges: Record<string, number | undefined>;
  };
  /** The chosen model's prices; null while unknown (the simulator costs nothing). */
  modelPricing: ModelPricing;
  setRunView: (patch: Partial<RunsSlice['runs']>) => void;
  clearRunView: () => void;
  setModelPricing: (pricing: ModelPricing) => void;
}

export const SIMULATOR_PRICING: ModelPricing = { label: 'Offline simulator', promptPerMTok: 0, completionPerMTok: 0 };

export const createRunsSlice: SliceCreator<RunsSlice> = (set, get) => ({
  runs: { active: false, ops: {}, edges: {} },
  modelPricing: SIMULATOR_PRICING,
  setRunView: (patch) => set({ runs: { ...get().runs, ...patch } }),
  clearRunView: () => set({ runs: { active: false, ops: {}, edges: {} } }),
  setModelPricing: (modelPricing) => set({ modelPricing }),
});
