import type { OperationId, RunEvent, RunStatus } from '../../engine/index';
import type { ColorBy } from '../thoughts/colorScale';
import type { OperationRunView, RunsSlice } from '../store/runsSlice';
import { highlightFor, noHighlight, type RunHighlight } from './highlight';
import type { LiveRun, RunSelection } from './liveTypes';
import { applyRunEvents, emptyLiveRun, liveRunFromEvents } from './projectEvents';
import { selectOpFigures, selectOpOrder, type OpFigures } from './runSelectors';
import type { RunProblem } from './runProblems';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from './settings/modelSettings';

export type RunPhase = 'idle' | 'running' | 'paused' | 'finished';
export type RunViewMode = 'operations' | 'thoughts' | 'split' | 'compare';

/** A batch over dataset rows: how far it got. */
export interface BatchProgress {
  from: number;
  to: number;
  done: number;
  failed: number;
  /** The row running now, if any. */
  current: number | null;
  cost: number;
  promptTokens: number;
  completionTokens: number;
  /** One line per finished row, in order. */
  rows: BatchRow[];
}

/** How one row of a batch ended. */
export interface BatchRow {
  row: number;
  status: RunStatus | 'not started';
  score: number | null;
  solved: boolean | null;
  cost: number;
  wallMs: number;
}

/** Run controls and views: what the top bar, canvases and panels read. */
export interface RunUi {
  phase: RunPhase;
  /** Step mode: each operation waits for "Step" before it starts. */
  stepping: boolean;
  /** The operation held before starting (step mode) — what "Step" will release. */
  heldOp: OperationId | null;
  /** Wall-clock epoch ms the current run started (for the elapsed timer). */
  startedWall: number | null;
  /** Wall-clock epoch ms the run ended. */
  endedWall: number | null;
  /** Where the run on screen came from. */
  source: { kind: 'live' } | { kind: 'history'; id: string; title: string } | null;
  view: RunViewMode;
  colorBy: ColorBy;
  selection: RunSelection;
  batch: BatchProgress | null;
  problem: RunProblem | null;
  /** Which tab the run panel shows. */
  panel: 'detail' | 'summary' | 'history';
  /** Bumped when a run is added to the history, so the list reloads. */
  historyVersion: number;
}

export interface RunSlice {
  live: LiveRun;
  runUi: RunUi;
  highlight: RunHighlight;
  modelSettings: ModelSettings;
  /** Whether a key is held in memory (the key itself never enters the store). */
  hasApiKey: boolean;
  /** Applies one animation frame's worth of events. */
  ingestRunEvents: (batch: readonly RunEvent[]) => void;
  /** Shows a recorded run, rebuilt from its event log. */
  showRecordedRun: (events: readonly RunEvent[], source: RunUi['source']) => void;
  clearRun: () => void;
  patchRunUi: (patch: Partial<RunUi>) => void;
  selectInRun: (selection: RunSelection) => void;
  setModelSettings: (settings: ModelSettings) => void;
  setHasApiKey: (has: boolean) => void;
}

/** The slice needs the editor's `runs` view (node strips and edge counts) next to its own state. */
export type RunHost = RunSlice & Pick<RunsSlice, 'runs'>;
type SetState = (partial: Partial<RunHost>) => void;
type GetState = () => RunHost;

export const initialRunUi = (): RunUi => ({
  phase: 'idle',
  stepping: false,
  heldOp: null,
  startedWall: null,
  endedWall: null,
  source: null,
  view: 'operations',
  colorBy: 'score',
  selection: null,
  batch: null,
  problem: null,
  panel: 'summary',
  historyVersion: 0,
});

/** Node strip figures for the editor's operation nodes. */
export function opRunView(o: OpFigures): OperationRunView {
  return {
    status: o.status,
    thoughtsIn: o.thoughtsIn,
    thoughtsOut: o.thoughtsOut,
    bestScore: o.bestScore,
    tokens: o.totals.promptTokens + o.totals.completionTokens,
    cost: o.totals.cost,
    ms: o.ms ?? undefined,
    error: o.error ?? undefined,
  };
}

/** Writes the editor's `runs.ops` / `runs.edges` (its interface to any run view) for operations whose figures changed, keeping the others' identity. */
export function syncEditorView(prev: LiveRun | null, next: LiveRun, runs: RunsSlice['runs'], active: boolean): RunsSlice['runs'] {
  let ops = runs.ops;
  let edges = runs.edges;
  let changed = runs.active !== active;
  const figures = new Map<string, OpFigures>();
  for (const id of selectOpOrder(next.grs)) {
    const o = selectOpFigures(next.grs, id);
    if (!o) continue;
    figures.set(id, o);
    if (prev && selectOpFigures(prev.grs, id) === o && ops[id]) continue;
    if (ops === runs.ops) ops = { ...ops };
    ops[id] = opRunView(o);
    changed = true;
  }
  for (const node of next.grs.document?.operations ?? []) {
    for (const from of node.inputs) {
      const key = `${from}->${node.id}`;
      const count = figures.get(from)?.thoughtsOut ?? 0;
      if (edges[key] === count) continue;
      if (edges === runs.edges) edges = { ...edges };
      edges[key] = count;
      changed = true;
    }
  }
  return changed ? { active, ops, edges } : runs;
}

/**
 * The run slice. Kept apart from the document: a run never rewrites the graph the user drew.
 * Returns a slice creator usable in the app store (`...createRunSlice(settings)(set, get)`).
 */
export const createRunSlice =
  (settings: ModelSettings = DEFAULT_MODEL_SETTINGS) =>
  (set: SetState, get: GetState): RunSlice => ({
    live: emptyLiveRun(),
    runUi: initialRunUi(),
    highlight: noHighlight,
    modelSettings: settings,
    hasApiKey: false,
    ingestRunEvents: (batch) => {
      if (batch.length === 0) return;
      const s = get();
      const live = applyRunEvents(s.live, batch);
      const running = live.grs.status === 'running';
      const patch: Partial<RunHost> = { live, runs: syncEditorView(s.live, live, s.runs, running) };
      // A selection's highlight follows new thoughts (e.g. a selected operation's outputs); batches that made,
      // marked or passed on none (streamed tokens) keep the thoughts collection and so the highlight.
      if (s.runUi.selection && live.grs.thoughts !== s.live.grs.thoughts) patch.highlight = highlightFor(s.runUi.selection, live);
      set(patch);
    },
    showRecordedRun: (events, source) => {
      const live = liveRunFromEvents(events);
      set({
        live,
        runs: syncEditorView(null, live, { active: false, ops: {}, edges: {} }, false),
        highlight: noHighlight,
        runUi: {
          ...get().runUi,
          phase: 'finished',
          stepping: false,
          heldOp: null,
          source,
          selection: null,
          problem: null,
          startedWall: null,
          endedWall: null,
        },
      });
    },
    clearRun: () =>
      set({
        live: emptyLiveRun(),
        highlight: noHighlight,
        runs: { active: false, ops: {}, edges: {} },
        runUi: {
          ...initialRunUi(),
          view: get().runUi.view,
          colorBy: get().runUi.colorBy,
          panel: get().runUi.panel,
          historyVersion: get().runUi.historyVersion,
        },
      }),
    patchRunUi: (patch) => {
      const ui = get().runUi;
      // A patch that changes nothing (the run handle repeats its status) keeps the object, so views reading runUi do not re-render.
      if ((Object.keys(patch) as Array<keyof RunUi>).every((k) => Object.is(ui[k], patch[k]))) return;
      set({ runUi: { ...ui, ...patch } });
    },
    selectInRun: (selection) => set({ runUi: { ...get().runUi, selection }, highlight: highlightFor(selection, get().live) }),
    setModelSettings: (modelSettings) => set({ modelSettings }),
    setHasApiKey: (hasApiKey) => set({ hasApiKey }),
  });
