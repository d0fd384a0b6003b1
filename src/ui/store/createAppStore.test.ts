import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { TYPING_GROUP_MS } from './documentSlice';
import { copyItems } from '../document/clipboard';

function setup() {
  let now = 1000;
  const store = createAppStore({ clock: () => now });
  const tick = (ms: number) => (now += ms);
  const s = () => store.getState();
  const undo = () => store.temporal.getState().undo();
  const redo = () => store.temporal.getState().redo();
  return { store, s, tick, undo, redo };
}

function chain() {
  const t = setup();
  const a = t.s().addOperation('generate', { x: 0, y: 0 });
  const b = t.s().addOperation('score', { x: 300, y: 0 });
  const c = t.s().addOperation('keepBestN', { x: 600, y: 0 });
  t.s().connect(a, b);
  t.s().connect(b, c);
  return { ...t, a, b, c };
}

describe('document actions', () => {
  it('adds an operation with its declared initial parameters and selects it', () => {
    const { s } = setup();
    const id = s().addOperation('keepBestN', { x: 10.4, y: 20.6 });
    expect(s().doc.operations).toEqual([{ id, type: 'keepBestN', inputs: [], params: { n: 1, higherIsBetter: true }, position: { x: 10, y: 21 } }]);
    expect(s().selection).toEqual([id]);
  });

  it('gives each new operation a fresh id', () => {
    const { s } = setup();
    const ids = [s().addOperation('generate', { x: 0, y: 0 }), s().addOperation('generate', { x: 0, y: 0 })];
    expect(new Set(ids).size).toBe(2);
  });

  it('moves operations and comments', () => {
    const { s } = setup();
    const id = s().addOperation('score', { x: 0, y: 0 });
    const note = s().addComment({ x: 5, y: 5 }, 'hi');
    s().moveItems({ [id]: { x: 100, y: 50 }, [note]: { x: -20, y: 7 } });
    expect(s().doc.operations[0]!.position).toEqual({ x: 100, y: 50 });
    expect(s().doc.comments[0]!.position).toEqual({ x: -20, y: 7 });
  });

  it('deleting an operation removes its edges from successors and from the selection', () => {
    const { s, a, b, c } = chain();
    s().select([b, c]);
    s().deleteItems([b]);
    expect(s().doc.operations.map((o) => o.id)).toEqual([a, c]);
    expect(s().doc.operations.find((o) => o.id === c)!.inputs).toEqual([]);
    expect(s().selection).toEqual([c]);
  });

  it('connects operations in the order edges are added', () => {
    const { s } = setup();
    const a = s().addOperation('generate', { x: 0, y: 0 });
    const b = s().addOperation('generate', { x: 0, y: 0 });
    const agg = s().addOperation('aggregate', { x: 0, y: 0 });
    expect(s().connect(b, agg)).toEqual({ ok: true });
    expect(s().connect(a, agg)).toEqual({ ok: true });
    expect(s().doc.operations.find((o) => o.id === agg)!.inputs).toEqual([b, a]);
  });

  it('refuses a self-loop with a reason', () => {
    const { s, a } = chain();
    const r = s().connect(a, a);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/cannot feed itself/);
  });

  it('refuses a duplicate edge with a reason', () => {
    const { s, a, b } = chain();
    const r = s().connect(a, b);
    expect(!r.ok && r.reason).toMatch(/already feeds/);
  });

  it('refuses a cycle, names both operations and leaves the document untouched', () => {
    const { s, a, c } = chain();
    const before = s().doc;
    const r = s().connect(c, a);
    expect(!r.ok && r.reason).toMatch(/cycle/);
    expect(!r.ok && r.reason).toContain(a);
    expect(!r.ok && r.reason).toContain(c);
    expect(s().doc).toBe(before);
  });

  it('refuses an edge to an unknown operation', () => {
    const { s, a } = chain();
    expect(s().connect(a, 'nope').ok).toBe(false);
  });

  it('disconnects an edge', () => {
    const { s, a, b } = chain();
    s().disconnect(a, b);
    expect(s().doc.operations.find((o) => o.id === b)!.inputs).toEqual([]);
  });

  it('reconnects an edge to a new source keeping its input place, as one undo step', () => {
    const { s, store } = setup();
    const x = s().addOperation('generate', { x: 0, y: 0 });
    const y = s().addOperation('generate', { x: 0, y: 0 });
    const z = s().addOperation('generate', { x: 0, y: 0 });
    const k = s().addOperation('keepBestN', { x: 0, y: 0 });
    s().connect(x, k);
    s().connect(y, k);
    expect(s().reconnect(x, k, z, k)).toEqual({ ok: true });
    expect(s().doc.operations.find((o) => o.id === k)!.inputs).toEqual([z, y]);
    store.temporal.getState().undo();
    expect(s().doc.operations.find((o) => o.id === k)!.inputs).toEqual([x, y]);
  });

  it('refuses a reconnection that would make a cycle and keeps the old edge', () => {
    const { s, a, b, c } = chain();
    const r = s().reconnect(b, c, b, a);
    expect(!r.ok && r.reason).toMatch(/cycle/);
    expect(s().doc.operations.find((o) => o.id === c)!.inputs).toEqual([b]);
    expect(s().doc.operations.find((o) => o.id === a)!.inputs).toEqual([]);
  });

  it('reorders the inputs of an operation', () => {
    const { s } = setup();
    const x = s().addOperation('generate', { x: 0, y: 0 });
    const y = s().addOperation('generate', { x: 0, y: 0 });
    const z = s().addOperation('generate', { x: 0, y: 0 });
    const k = s().addOperation('keepBestN', { x: 0, y: 0 });
    [x, y, z].forEach((i) => s().connect(i, k));
    s().reorderInput(k, 2, 0);
    expect(s().doc.operations.find((o) => o.id === k)!.inputs).toEqual([z, x, y]);
  });

  it('sets and clears parameters, and labels', () => {
    const { s, c } = chain();
    s().setParam(c, 'n', 3);
    expect(s().doc.operations.find((o) => o.id === c)!.params.n).toBe(3);
    s().setParam(c, 'n', undefined);
    expect('n' in s().doc.operations.find((o) => o.id === c)!.params).toBe(false);
    s().setLabel(c, 'Best of merge');
    expect(s().doc.operations.find((o) => o.id === c)!.label).toBe('Best of merge');
    s().setLabel(c, '  ');
    expect(s().doc.operations.find((o) => o.id === c)!.label).toBeUndefined();
  });

  it('sets the input state and document metadata', () => {
    const { s } = setup();
    s().setInput({ original: [3, 1, 2] });
    s().setMeta({ title: 'Sort', task: 'sorting' });
    expect(s().doc.input).toEqual({ original: [3, 1, 2] });
    expect(s().doc.title).toBe('Sort');
    expect(s().doc.task).toBe('sorting');
  });

  it('adds, edits and deletes comments', () => {
    const { s } = setup();
    const id = s().addComment({ x: 0, y: 0 }, 'why');
    s().updateComment(id, { text: 'because', width: 300 });
    expect(s().doc.comments[0]).toMatchObject({ id, text: 'because', width: 300 });
    s().deleteItems([id]);
    expect(s().doc.comments).toEqual([]);
  });

  it('duplicates a selection with fresh ids, internal edges renamed and outside inputs kept', () => {
    const { s, a, b, c } = chain();
    const ids = s().duplicateItems([b, c]);
    expect(ids).toHaveLength(2);
    const [b2, c2] = ids.map((id) => s().doc.operations.find((o) => o.id === id)!);
    expect(b2!.inputs).toEqual([a]);
    expect(c2!.inputs).toEqual([b2!.id]);
    expect(b2!.position).toEqual({ x: 340, y: 40 });
    expect(s().selection).toEqual(ids);
  });

  it('copy and paste into another document keeps only edges inside the copied set', () => {
    const { s, b, c } = chain();
    const payload = JSON.parse(JSON.stringify(copyItems(s().doc, [b, c])));
    const other = setup();
    const ids = other.s().paste(payload, { x: 10, y: 0 });
    const ops = other.s().doc.operations;
    expect(ops.map((o) => o.type)).toEqual(['score', 'keepBestN']);
    expect(ops[0]!.inputs).toEqual([]);
    expect(ops[1]!.inputs).toEqual([ids[0]]);
    expect(ops[0]!.params).toEqual(s().doc.operations.find((o) => o.id === b)!.params);
  });

  it('loading a document replaces it, clears the selection and the undo history', () => {
    const { s, store } = chain();
    s().loadDocument({ ...s().doc, title: 'Other', operations: [] });
    expect(s().doc.title).toBe('Other');
    expect(s().selection).toEqual([]);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes structural edits one by one', () => {
    const { s, undo, redo, a, b, c } = chain();
    expect(s().doc.operations.find((o) => o.id === c)!.inputs).toEqual([b]);
    undo();
    expect(s().doc.operations.find((o) => o.id === c)!.inputs).toEqual([]);
    undo();
    expect(s().doc.operations.find((o) => o.id === b)!.inputs).toEqual([]);
    redo();
    redo();
    expect(s().doc.operations.find((o) => o.id === b)!.inputs).toEqual([a]);
    expect(s().doc.operations.find((o) => o.id === c)!.inputs).toEqual([b]);
  });

  it('typing in one field is one undo step', () => {
    const { s, undo, redo, tick, a } = chain();
    for (const text of ['S', 'So', 'Sor', 'Sort']) {
      tick(150);
      s().setParam(a, 'prompt', text);
    }
    undo();
    expect(s().doc.operations.find((o) => o.id === a)!.params.prompt).toBe('');
    redo();
    expect(s().doc.operations.find((o) => o.id === a)!.params.prompt).toBe('Sort');
  });

  it('a pause longer than the grouping window starts a new undo step', () => {
    const { s, undo, tick, a } = chain();
    s().setParam(a, 'prompt', 'Sort');
    tick(TYPING_GROUP_MS + 1);
    s().setParam(a, 'prompt', 'Sort these');
    undo();
    expect(s().doc.operations.find((o) => o.id === a)!.params.prompt).toBe('Sort');
  });

  it('editing another field starts a new undo step', () => {
    const { s, undo, a } = chain();
    s().setParam(a, 'samples', 5);
    s().setParam(a, 'branchesPerPrompt', 2);
    undo();
    expect(s().doc.operations.find((o) => o.id === a)!.params).toMatchObject({ samples: 5, branchesPerPrompt: 1 });
  });

  it('selection changes are not history', () => {
    const { s, store, a } = chain();
    const steps = store.temporal.getState().pastStates.length;
    s().select([a]);
    s().selectAll();
    expect(store.temporal.getState().pastStates.length).toBe(steps);
  });

  it('a refused connection adds no undo step', () => {
    const { s, store, a, c } = chain();
    const steps = store.temporal.getState().pastStates.length;
    s().connect(c, a);
    expect(store.temporal.getState().pastStates.length).toBe(steps);
  });

  it('undo after a delete brings the operation and its edges back', () => {
    const { s, undo, a, b, c } = chain();
    s().deleteItems([b]);
    undo();
    expect(s().doc.operations.find((o) => o.id === b)!.inputs).toEqual([a]);
    expect(s().doc.operations.find((o) => o.id === c)!.inputs).toEqual([b]);
  });

  it('moving items to where they already are adds no undo step', () => {
    const { s, store, a } = chain();
    const steps = store.temporal.getState().pastStates.length;
    s().moveItems({ [a]: { x: 0, y: 0 } });
    expect(store.temporal.getState().pastStates.length).toBe(steps);
  });

  it('a new edit after undo drops the redo stack', () => {
    const { s, store, undo, a } = chain();
    undo();
    s().setLabel(a, 'x');
    expect(store.temporal.getState().futureStates).toHaveLength(0);
  });
});
