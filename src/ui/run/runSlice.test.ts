import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ThoughtId } from '../../engine/index';
import { FrameBatcher } from './frameBatcher';
import { createRunSlice, type RunHost } from './runSlice';
import { tinyRunEvents } from './testEvents';
import { selectOpFigures, selectStreaming } from './runSelectors';

const makeStore = () =>
  createStore<RunHost>()((set, get) => ({ runs: { active: false, ops: {}, edges: {} }, ...createRunSlice()(set, get) }));
const tid = (s: string) => s as ThoughtId;

describe('run slice', () => {
  it('builds the GRS from the events: thoughts with parents, annotations and pruning', () => {
    const store = makeStore();
    store.getState().ingestRunEvents(tinyRunEvents());
    const grs = store.getState().live.grs;
    expect(grs.thoughtOrder).toEqual(['input', 't1', 't2']);
    expect(grs.thoughts.t1?.score).toBe(0);
    expect(grs.thoughts.t2?.pruned?.reason).toBe('not among the best 1');
    expect(grs.summary?.status).toBe('completed');
  });

  it('fills each operation’s figures: status, thoughts in and out, best score (lower is better), tokens, cost', () => {
    const store = makeStore();
    store.getState().ingestRunEvents(tinyRunEvents());
    const { grs } = store.getState().live;
    expect(selectOpFigures(grs, 'gen')).toMatchObject({
      status: 'done',
      thoughtsIn: 1,
      made: ['t1', 't2'],
      totals: { promptTokens: 10, completionTokens: 8, cost: 0.002 },
    });
    expect(selectOpFigures(grs, 'score')).toMatchObject({ status: 'done', thoughtsIn: 2, bestScore: 0 });
    expect(selectOpFigures(grs, 'best')).toMatchObject({ status: 'done', thoughtsIn: 2, outputIds: ['t1'], bestScore: 0 });
  });

  it('writes the editor’s node strips and edge counts', () => {
    const store = makeStore();
    store.getState().ingestRunEvents(tinyRunEvents());
    const { runs } = store.getState();
    expect(runs.ops.gen).toMatchObject({ status: 'done', thoughtsIn: 1, thoughtsOut: 2, tokens: 18 });
    expect(runs.edges['gen->score']).toBe(2);
    expect(runs.edges['score->best']).toBe(2);
    expect(runs.active).toBe(false);
  });

  it('keeps the identity of thoughts and operations a batch does not touch', () => {
    const store = makeStore();
    const events = tinyRunEvents();
    const cut = events.findIndex((e) => e.type === 'operation.start' && e.opId === 'best');
    store.getState().ingestRunEvents(events.slice(0, cut));
    const before = store.getState();
    store.getState().ingestRunEvents(events.slice(cut));
    const after = store.getState();
    expect(after.live.grs.thoughts.t1).toBe(before.live.grs.thoughts.t1);
    expect(after.live.grs.thoughts.t2).not.toBe(before.live.grs.thoughts.t2);
    expect(selectOpFigures(after.live.grs, 'gen')).toBe(selectOpFigures(before.live.grs, 'gen'));
    expect(after.runs.ops.gen).toBe(before.runs.ops.gen);
    expect(after.runs.ops.best).not.toBe(before.runs.ops.best);
  });

  it('a frame of streamed tokens leaves the thoughts and their order untouched, so the GRS layout is not redone', () => {
    const store = makeStore();
    const events = tinyRunEvents();
    const firstToken = events.findIndex((e) => e.type === 'call.token');
    store.getState().ingestRunEvents(events.slice(0, firstToken));
    const before = store.getState().live.grs;
    const callBefore = before.calls.c1;
    store.getState().ingestRunEvents(events.filter((e) => e.type === 'call.token'));
    const after = store.getState().live.grs;
    expect(after.thoughts).toBe(before.thoughts);
    expect(after.thoughtOrder).toBe(before.thoughtOrder);
    expect(after.operations).toBe(before.operations);
    expect(after.calls).not.toBe(before.calls);
    expect(after.calls.c1?.texts).toEqual(['1 2 3', '2 1 3']);
    // The previous state is never written: its call still has no text.
    expect(before.calls.c1).toBe(callBefore);
    expect(callBefore?.texts).toEqual([]);
  });

  it('a selection’s highlight is kept through streamed tokens and follows thoughts made after it', () => {
    const store = makeStore();
    const events = tinyRunEvents();
    const firstToken = events.findIndex((e) => e.type === 'call.token');
    store.getState().ingestRunEvents(events.slice(0, firstToken));
    store.getState().selectInRun({ kind: 'operation', id: 'gen' as never });
    const selected = store.getState().highlight;
    store.getState().ingestRunEvents(events.filter((e) => e.type === 'call.token'));
    expect(store.getState().highlight).toBe(selected);
    store.getState().ingestRunEvents(events.slice(firstToken).filter((e) => e.type !== 'call.token'));
    expect(Object.keys(store.getState().highlight.thoughts)).toEqual(['t1', 't2']);
  });

  it('shows streamed text on the call while it is generated, as a pending card', () => {
    const store = makeStore();
    const events = tinyRunEvents();
    const afterTokens = events.findIndex((e) => e.type === 'call.done');
    store.getState().ingestRunEvents(events.slice(0, afterTokens));
    const live = store.getState().live;
    expect(selectStreaming(live.grs)).toEqual(['c1']);
    expect(live.grs.calls.c1?.texts).toEqual(['1 2 3', '2 1 3']);
    store.getState().ingestRunEvents(events.slice(afterTokens));
    expect(selectStreaming(store.getState().live.grs)).toEqual([]);
  });

  it('selecting a thought highlights its ancestors, its longest path and its operation', () => {
    const store = makeStore();
    store.getState().ingestRunEvents(tinyRunEvents());
    store.getState().selectInRun({ kind: 'thought', id: tid('t1') });
    const h = store.getState().highlight;
    expect(h.thoughts).toEqual({ t1: 'selected', input: 'path' });
    expect(h.pathEdges).toEqual({ 'input>t1': true });
    expect(h.ops).toEqual({ gen: true });
  });

  it('selecting an operation highlights the thoughts it made or passed on', () => {
    const store = makeStore();
    store.getState().ingestRunEvents(tinyRunEvents());
    store.getState().selectInRun({ kind: 'operation', id: 'best' as never });
    expect(store.getState().highlight.thoughts).toEqual({ t1: 'ofOperation' });
  });

  it('a run reopened from its event log shows the same GRS and figures as the live one', () => {
    const live = makeStore();
    const events = tinyRunEvents();
    for (const e of events) live.getState().ingestRunEvents([e]);
    const reopened = makeStore();
    reopened.getState().showRecordedRun(events, { kind: 'history', id: 'h1', title: 'Tiny' });
    expect(reopened.getState().live.grs.thoughts).toEqual(live.getState().live.grs.thoughts);
    expect(reopened.getState().live.grs.operations).toEqual(live.getState().live.grs.operations);
    expect(selectOpFigures(reopened.getState().live.grs, 'best')).toEqual(selectOpFigures(live.getState().live.grs, 'best'));
    expect(reopened.getState().runUi.phase).toBe('finished');
  });

  it('hands over a frame’s events in one batch, so streaming costs one store update per frame', () => {
    const store = makeStore();
    let updates = 0;
    store.subscribe(() => (updates += 1));
    const frames: Array<() => void> = [];
    const batcher = new FrameBatcher(
      (b: ReturnType<typeof tinyRunEvents>) => store.getState().ingestRunEvents(b),
      (f) => frames.push(f),
    );
    for (const e of tinyRunEvents()) batcher.push(e);
    expect(updates).toBe(0);
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(updates).toBe(1);
    expect(store.getState().live.grs.thoughtOrder).toHaveLength(3);
  });
});
