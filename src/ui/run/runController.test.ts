import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { BATCH_BUDGET_RULE, builtinFunctions, ModelError, scriptedModel, type GotDocument, type LanguageModel, type RunEvent } from '../../engine/index';
import { RunController } from './runController';
import { createRunSlice, type RunHost } from './runSlice';
import { DEFAULT_MODEL_SETTINGS } from './settings/modelSettings';
import { selectFailedCalls, selectOpFigures } from './runSelectors';

const doc: GotDocument = {
  format: 'got-studio',
  version: 2,
  title: 'Two steps',
  description: '',
  input: { current: 'abc' },
  comments: [],
  operations: [
    { id: 'gen', type: 'generate', inputs: [], params: { samples: 3, prompt: 'Rewrite {{current}}' } },
    { id: 'improve', type: 'improve', inputs: ['gen'], params: { prompt: 'Improve {{current}}' } },
    { id: 'score', type: 'score', inputs: ['improve'], params: { scorer: { kind: 'function', name: 'text.length' } } },
    { id: 'best', type: 'keepBestN', inputs: ['score'], params: { n: 1 } },
  ],
};

function setup(model: LanguageModel) {
  const store = createStore<RunHost & { doc: GotDocument }>()((set, get) => ({
    doc,
    runs: { active: false, ops: {}, edges: {} },
    ...createRunSlice()(set, get),
  }));
  const recorded: RunEvent[][] = [];
  const controller = new RunController({
    store,
    prepareModel: async () => ({ model, cost: (u) => (u.promptTokens + u.completionTokens) / 1e6 }),
    functions: async () => builtinFunctions(),
    sampleInput: async () => ({}),
    record: async ({ events }) => void recorded.push(events),
    schedule: (flush) => setTimeout(flush, 0),
  });
  return { store, controller, recorded };
}

const until = async (cond: () => boolean, ms = 5000) => {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 2));
  }
};

const echo = (latency = 0) =>
  scriptedModel({ answer: (call, i) => `${call.prompt.split(' ').pop()}${'!'.repeat(i + 1)}`, latency, streamChunk: 2 });

describe('run controller', () => {
  it('runs the graph and shows its GRS, operation figures and summary, and records the run', async () => {
    const { store, controller, recorded } = setup(echo());
    const result = await controller.run();
    const s = store.getState();
    expect(result?.summary.status).toBe('completed');
    expect(s.runUi.phase).toBe('finished');
    expect(s.live.grs.thoughtOrder).toHaveLength(1 + 3 + 3);
    expect(s.live.grs.summary?.finalThoughtIds).toEqual(result?.summary.finalThoughtIds);
    expect(s.runs.ops.gen).toMatchObject({ status: 'done', thoughtsOut: 3 });
    expect(s.runs.edges['gen->improve']).toBe(3);
    expect(recorded).toHaveLength(1);
  });

  it('writes the run to the history even where no frame is ever drawn (a hidden tab)', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    try {
      const { controller, recorded } = setup(echo());
      await controller.run();
      await until(() => recorded.length === 1, 2000);
      expect(frames.length).toBeGreaterThan(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('in step mode holds each operation until Step is pressed', async () => {
    const { store, controller } = setup(echo());
    const done = controller.run({ stepping: true });
    await until(() => store.getState().runUi.heldOp === 'gen');
    expect(store.getState().live.grs.thoughtOrder.length).toBeLessThanOrEqual(1);
    controller.step();
    await until(() => store.getState().runUi.heldOp === 'improve');
    expect(store.getState().runs.ops.gen?.status).toBe('done');
    expect(store.getState().runs.ops.improve?.status ?? 'waiting').toBe('waiting');
    controller.resume();
    expect((await done)?.summary.status).toBe('completed');
  });

  it('sends the run’s first model call before the screen switches to the run, and shows it running soon after', async () => {
    const inner = echo(10);
    const atFirstCall: string[] = [];
    const model: LanguageModel = {
      id: inner.id,
      complete: (request) => {
        if (atFirstCall.length === 0) atFirstCall.push(store.getState().runUi.view, store.getState().runUi.phase);
        return inner.complete(request);
      },
    };
    const { store, controller } = setup(model);
    const done = controller.run({ view: 'thoughts' });
    // The status line says "Running" at once, never the last run's "Done"; the switch of views waits for the first call.
    expect(store.getState().runUi.phase).toBe('running');
    await until(() => store.getState().runUi.view === 'thoughts');
    expect(atFirstCall).toEqual(['operations', 'running']);
    expect((await done)?.summary.status).toBe('completed');
    expect(store.getState().runUi.phase).toBe('finished');
  });

  it('pause holds new model calls until resume', async () => {
    const model = echo(20);
    const { store, controller } = setup(model);
    const done = controller.run();
    await until(() => store.getState().live.grs.callOrder.length >= 1);
    controller.pause();
    expect(store.getState().runUi.phase).toBe('paused');
    await new Promise((r) => setTimeout(r, 80));
    const callsWhilePaused = model.calls.length;
    await new Promise((r) => setTimeout(r, 80));
    expect(model.calls.length).toBe(callsWhilePaused);
    controller.resume();
    expect((await done)?.summary.status).toBe('completed');
    expect(model.calls.length).toBeGreaterThan(callsWhilePaused);
  });

  it('cancel mid-run keeps a consistent partial GRS that can be shown and exported', async () => {
    const { store, controller, recorded } = setup(echo(40));
    const done = controller.run();
    await until(() => store.getState().live.grs.callOrder.length >= 1);
    controller.cancel();
    const result = await done;
    expect(result?.summary.status).toBe('cancelled');
    const s = store.getState();
    expect(s.live.grs.summary?.status).toBe('cancelled');
    expect(s.runUi.problem?.title).toBe('Run cancelled');
    expect(Object.values(s.live.grs.operations).every((o) => o.status !== 'running')).toBe(true);
    expect(recorded[0]?.at(-1)?.type).toBe('run.done');
  });

  it('a failed call shows its error on the operation and says what to do', async () => {
    const model = scriptedModel({ answer: () => 'x', fail: () => new ModelError('auth', 'The API key was rejected (401).', 401) });
    const { store, controller } = setup(model);
    await controller.run();
    const s = store.getState();
    expect(selectOpFigures(s.live.grs, 'gen')?.error).toContain('401');
    expect(s.runs.ops.gen?.error).toContain('401');
    expect(s.runUi.problem).toMatchObject({ severity: 'error', title: expect.stringContaining('401') });
    expect(s.runUi.problem?.hint).toContain('key');
    expect(selectFailedCalls(s.live.grs)).toHaveLength(1);
    expect(s.live.grs.calls[selectFailedCalls(s.live.grs)[0] as string]?.error?.kind).toBe('auth');
  });
});

describe('batch runs', () => {
  it('runs the graph on each dataset row in turn and counts progress and spend', async () => {
    const model = echo();
    const store = createStore<RunHost & { doc: GotDocument }>()((set, get) => ({
      doc,
      runs: { active: false, ops: {}, edges: {} },
      ...createRunSlice()(set, get),
    }));
    const rows: number[] = [];
    const controller = new RunController({
      store,
      prepareModel: async () => ({ model, cost: () => 0.001 }),
      functions: async () => builtinFunctions(),
      sampleInput: async (_d, i) => (rows.push(i), { current: `row${i}` }),
      schedule: (flush) => setTimeout(flush, 0),
    });
    await controller.runBatch(2, 4);
    const s = store.getState();
    expect(rows).toEqual([2, 3, 4]);
    expect(s.runUi.batch).toMatchObject({ from: 2, to: 4, done: 3, failed: 0, current: null });
    expect(s.runUi.batch?.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'completed'],
      [3, 'completed'],
      [4, 'completed'],
    ]);
    // Each run makes 4 calls (one generate with n = 3, three improves).
    expect(s.runUi.batch?.cost).toBeCloseTo(3 * 4 * 0.001);
    expect(s.live.grs.input).toEqual({ current: 'row4' });
  });

  it('one budget caps the whole batch: the rows share it and the batch stops with the engine’s sentence', async () => {
    const model = echo();
    const store = createStore<RunHost & { doc: GotDocument }>()((set, get) => ({
      doc,
      runs: { active: false, ops: {}, edges: {} },
      ...createRunSlice({ ...DEFAULT_MODEL_SETTINGS, budget: { requests: 6 } })(set, get),
    }));
    const controller = new RunController({
      store,
      prepareModel: async () => ({ model, cost: () => 0 }),
      functions: async () => builtinFunctions(),
      sampleInput: async (_d, i) => ({ current: `row${i}` }),
      schedule: (flush) => setTimeout(flush, 0),
    });
    await controller.runBatch(0, 4);
    const s = store.getState();
    // Row 0 makes 4 requests; row 1 gets the 2 left and stops for the budget; rows 2-4 never start.
    expect(model.calls).toHaveLength(6);
    expect(s.runUi.batch?.rows.map((r) => [r.row, r.status])).toEqual([
      [0, 'completed'],
      [1, 'budget'],
    ]);
    expect(s.runUi.problem).toMatchObject({ title: 'A budget cap stopped the batch', detail: `Budget hit: the requests cap of 6 was reached at sample row 1. ${BATCH_BUDGET_RULE}` });
    expect(s.runUi.phase).toBe('finished');
  });

  it('forks the shown run: a thought edit re-runs only what follows it, and both runs are recorded', async () => {
    const { store, controller, recorded } = setup(echo());
    await controller.run();
    const edited = store.getState().live.grs.operations['gen']?.outputs[0]?.id;
    if (!edited) throw new Error('gen made no thought');
    const fork = await controller.fork({ kind: 'edit-thought', thoughtId: edited, state: { current: 'xyz' } });
    expect(fork?.summary.status).toBe('completed');
    // Only the Improve calls (one per thought of gen) run again; gen's one call is kept.
    expect(fork?.events.filter((e) => e.type === 'call.start').every((e) => e.type === 'call.start' && e.opId === 'improve')).toBe(true);
    expect(store.getState().live.grs.thoughts[edited]?.carried?.edited).toBe(true);
    expect(store.getState().live.grs.settings?.fork?.rerun).toEqual(['improve', 'score', 'best']);
    expect(recorded).toHaveLength(2);
  });

  it('forks with an edited graph: only the changed operation and its descendants run again', async () => {
    const { controller } = setup(echo());
    const first = await controller.run();
    const edited: GotDocument = { ...doc, operations: doc.operations.map((o) => (o.id === 'best' ? { ...o, params: { n: 2 } } : o)) };
    const fork = await controller.fork({ kind: 'edit-document', document: edited });
    expect(fork?.grs.settings?.fork?.rerun).toEqual(['best']);
    expect(fork?.summary.requests).toBe(0);
    expect(fork?.summary.finalThoughtIds).toHaveLength(2);
    expect(first?.summary.finalThoughtIds).toHaveLength(1);
  });
});
