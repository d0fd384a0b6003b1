import { describe, expect, it } from 'vitest';
import { rebuildGrs } from '../../engine/index';
import { tinyRunEvents } from '../run/testEvents';
import { createRunHistory, findRunEvents, HISTORY_LIMIT, memoryKeyValue } from './runHistory';

describe('run history', () => {
  it('keeps a run’s event log so its GRS can be rebuilt when reopened', async () => {
    const history = createRunHistory(memoryKeyValue(), () => 1000);
    const events = tinyRunEvents();
    const record = await history.save(events, 'Tiny');
    expect(record).toMatchObject({ title: 'Tiny', status: 'completed', thoughts: 3, bestScore: 0 });
    const loaded = await history.load(record.id);
    expect(rebuildGrs(loaded ?? []).thoughts).toEqual(rebuildGrs(events).thoughts);
    expect((await history.list()).map((r) => r.id)).toEqual([record.id]);
  });

  it('stores finished calls without their streamed tokens, and the GRS rebuilds the same', async () => {
    const history = createRunHistory(memoryKeyValue());
    const events = tinyRunEvents();
    const loaded = (await history.load((await history.save(events, 'x')).id)) ?? [];
    expect(loaded.some((e) => e.type === 'call.token')).toBe(false);
    expect(rebuildGrs(loaded)).toEqual(rebuildGrs(events));
  });

  it('marks a run without its end as incomplete', async () => {
    const history = createRunHistory(memoryKeyValue());
    const record = await history.save(tinyRunEvents().slice(0, 5), 'Partial');
    expect(record.status).toBe('incomplete');
  });

  it('drops the oldest runs past the limit, events included', async () => {
    const kv = memoryKeyValue();
    const history = createRunHistory(kv);
    const first = await history.save(tinyRunEvents(), 'first');
    for (let i = 0; i < HISTORY_LIMIT; i += 1) await history.save(tinyRunEvents(), `run ${i}`);
    expect(await history.list()).toHaveLength(HISTORY_LIMIT);
    expect(await history.load(first.id)).toBeNull();
  });

  it('removes a run on request', async () => {
    const history = createRunHistory(memoryKeyValue());
    const r = await history.save(tinyRunEvents(), 'x');
    await history.remove(r.id);
    expect(await history.list()).toEqual([]);
  });

  it('never stores credentials that were part of the base URL', async () => {
    const kv = memoryKeyValue();
    const history = createRunHistory(kv);
    const events = tinyRunEvents();
    const start = events[0]!;
    if (start.type === 'run.start') start.settings.model.baseUrl = 'https://user:sk-secret@example.com/v1';
    const r = await history.save(events, 'x');
    expect(JSON.stringify(await history.load(r.id))).not.toContain('sk-secret');
  });

  it('finds a run by its run id, and a fork names the run it forked', async () => {
    const history = createRunHistory(memoryKeyValue());
    const original = tinyRunEvents();
    const start = original[0];
    if (start?.type !== 'run.start') throw new Error('no run.start');
    const fork = original.map((e) => (e.type === 'run.start' ? { ...e, runId: `${e.runId}-fork` as typeof e.runId, settings: { ...e.settings, fork: { fromRunId: e.runId, rerun: [] } } } : e));
    const saved = await history.save(original, 'original');
    const forked = await history.save(fork, 'fork');
    expect(saved.runId).toBe(start.runId);
    expect(forked.forkOf).toBe(start.runId);
    expect(rebuildGrs((await findRunEvents(history, start.runId)) ?? []).runId).toBe(start.runId);
    expect(await findRunEvents(history, 'nowhere')).toBeNull();
  });

  it('a run that cannot be stored leaves neither its record nor its events behind, and the runs before it stay', async () => {
    const stored = new Map<string, unknown>();
    const history = createRunHistory(memoryKeyValue(stored));
    const kept = await history.save(tinyRunEvents(), 'kept');
    const events = tinyRunEvents();
    // A value the browser cannot store (as a full disk would refuse it): the save must fail whole.
    (events[events.length - 1] as unknown as { extra: unknown }).extra = () => undefined;
    await expect(history.save(events, 'broken')).rejects.toThrow(/could not be kept in the history .*export it as JSON/);
    expect((await history.list()).map((r) => r.title)).toEqual(['kept']);
    expect([...stored.keys()].sort()).toEqual([`events:${kept.id}`, 'index']);
  });
});
