import { describe, expect, test } from 'vitest';
import { builtinFunctions } from '../functions/builtins';
import { rebuildGrs } from '../grs/reduce';
import { scriptedModel } from '../models/scripted';
import type { RunEvent } from './events';
import { GraphInvalidError } from './errors';
import { startRun, type RunHandle, type RunHandleStatus } from './runHandle';
import { doc, op, params } from './testing';

const chain = [op('a', 'generate', [], params.generate(2, 'a')), op('b', 'improve', ['a'], params.improve()), op('c', 'improve', ['b'], params.improve())];
const model = (latency = 0) => scriptedModel({ answer: (_c, i) => `x${i}`, latency });
const start = (m = model(), extra: { paused?: boolean; signal?: AbortSignal } = {}) => startRun(doc(chain, { current: '' }), { model: m, functions: builtinFunctions(), ...extra });
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await tick(2);
  if (!cond()) throw new Error('timed out');
};
const startedOps = (h: RunHandle) => h.events.flatMap((e) => (e.type === 'operation.start' ? [e.opId] : []));

describe('RunHandle', () => {
  test('runs to the end: done resolves with the summary, the status says done, the GRS is the reducer’s', async () => {
    const h = start();
    expect(h.status.kind).toBe('running');
    const summary = await h.done;
    expect(summary.status).toBe('completed');
    expect(h.status).toEqual({ kind: 'done', summary });
    expect(h.events.at(-1)?.type).toBe('run.done');
    expect(rebuildGrs(h.events)).toEqual(h.grs);
  });

  test('a listener that subscribes after the start gets the events so far, then each new one once, with its index', async () => {
    const h = start(model(5));
    await tick(1);
    const seen: Array<[string, number]> = [];
    h.subscribe((e, i) => seen.push([e.type, i]));
    const late: number[] = [];
    h.subscribe((_e, i) => late.push(i), { from: h.events.length });
    await h.done;
    expect(seen.map(([, i]) => i)).toEqual(h.events.map((_e, i) => i));
    expect(seen[0]?.[0]).toBe('run.start');
    expect(late[0]).toBeGreaterThan(0);
    expect(late.at(-1)).toBe(h.events.length - 1);
  });

  test('an unsubscribed listener hears nothing more, and a listener that throws does not stop the run', async () => {
    const h = start(model(5));
    let count = 0;
    const off = h.subscribe(() => (count += 1));
    h.subscribe(() => {
      throw new Error('broken watcher');
    });
    off();
    const before = count;
    expect((await h.done).status).toBe('completed');
    expect(count).toBe(before);
  });

  test('pause holds new operations and calls (calls in flight finish); resume lets them go', async () => {
    const m = model(20);
    const h = start(m);
    await until(() => m.calls.length === 1);
    h.pause();
    expect(h.status.kind).toBe('paused');
    await tick(80);
    expect(m.calls).toHaveLength(1);
    expect(h.grs.thoughtOrder.length).toBeGreaterThan(1);
    const statuses: RunHandleStatus['kind'][] = [];
    h.onStatus((s) => statuses.push(s.kind));
    h.resume();
    expect((await h.done).status).toBe('completed');
    expect(statuses[0]).toBe('running');
    expect(statuses.at(-1)).toBe('done');
  });

  test('started paused, each step runs one operation to its end and no more', async () => {
    const m = model(0);
    const h = start(m, { paused: true });
    await tick();
    expect(h.status).toMatchObject({ kind: 'paused', waiting: ['a'], next: 'a' });
    expect(m.calls).toHaveLength(0);
    h.step();
    await until(() => h.status.kind === 'paused' && (h.status as { next: string | null }).next === 'b');
    expect(startedOps(h)).toEqual(['a']);
    expect(h.grs.operations.a?.status).toBe('done');
    h.step();
    await until(() => (h.status as { next?: string | null }).next === 'c');
    expect(startedOps(h)).toEqual(['a', 'b']);
    h.resume();
    expect((await h.done).status).toBe('completed');
    expect(startedOps(h)).toEqual(['a', 'b', 'c']);
  });

  test('a step while paused mid-operation lets that operation finish, and only it', async () => {
    // b streams: it starts on a's first thought, and its second call comes after the pause.
    const m = scriptedModel({ answer: (_c, i) => `x${i}`, latency: (c) => (c.prompt.startsWith('a ') ? (c.prompt.includes('x1') ? 60 : 10) : 5) });
    const ops = [op('r', 'generate', [], params.generate(2, 'r')), op('a', 'generate', ['r'], params.generate(1, 'a {{current}}')), op('b', 'improve', ['a'], params.improve()), op('c', 'improve', ['b'], params.improve())];
    const h = startRun(doc(ops, { current: '' }), { model: m, functions: builtinFunctions() });
    await until(() => h.grs.operations.b?.status === 'running');
    h.pause();
    await until(() => h.status.kind === 'paused' && h.status.next === 'b');
    const calls = m.calls.length;
    expect(h.grs.operations.a?.status).toBe('done');
    h.step();
    await until(() => h.grs.operations.b?.status === 'done');
    await until(() => h.status.kind === 'paused' && h.status.next === 'c');
    expect(m.calls.length).toBe(calls + 1);
    h.resume();
    expect((await h.done).status).toBe('completed');
  });

  test('cancel stops a running or paused run: done resolves cancelled with a consistent GRS', async () => {
    const h = start(model(30));
    await until(() => h.events.some((e) => e.type === 'call.start'));
    h.cancel();
    const summary = await h.done;
    expect(summary.status).toBe('cancelled');
    expect(h.status.kind).toBe('cancelled');
    expect(rebuildGrs(h.events)).toEqual(h.grs);

    const paused = start(model(), { paused: true });
    await tick();
    paused.cancel();
    expect((await paused.done).status).toBe('cancelled');
  });

  test('the caller’s abort signal cancels the run too', async () => {
    const controller = new AbortController();
    const h = start(model(30), { signal: controller.signal });
    await tick(5);
    controller.abort();
    expect((await h.done).status).toBe('cancelled');
  });

  test('grsAt(i) is the GRS after the first i events: empty at 0, the final GRS at the end', async () => {
    const h = start();
    await h.done;
    expect(h.grsAt(0).thoughtOrder).toEqual([]);
    const firstCreated = h.events.findIndex((e) => e.type === 'thought.created');
    const mid = h.grsAt(firstCreated + 1);
    expect(mid.thoughtOrder).toHaveLength(2);
    expect(mid.operations.a?.status).toBe('running');
    expect(mid.summary).toBeNull();
    expect(h.grsAt(h.events.length)).toEqual(h.grs);
    expect(h.grsAt(h.events.length + 5)).toEqual(h.grs);
  });

  test('an invalid graph throws GraphInvalidError at once, before any event', () => {
    expect(() => startRun(doc([op('a', 'improve', ['missing'], params.improve())]), { model: model(), functions: builtinFunctions() })).toThrow(GraphInvalidError);
  });

  test('the caller’s onEvent sees each event before the handle’s subscribers', async () => {
    const order: string[] = [];
    const h = startRun(doc(chain, { current: '' }), { model: model(), functions: builtinFunctions(), onEvent: (e: RunEvent) => order.push(`opt ${e.type}`) });
    h.subscribe((e) => order.push(`sub ${e.type}`), { from: h.events.length });
    await h.done;
    expect(order.at(-2)).toBe('opt run.done');
    expect(order.at(-1)).toBe('sub run.done');
  });
});
