import { afterEach, describe, expect, test } from 'vitest';
import { emptyDocument } from '../document/graphEdits';
import { clearWriteAhead, readWriteAhead, writeAhead, WRITE_AHEAD_MAX_CHARS } from './writeAhead';

function fakeStorage(opts: { full?: boolean } = {}) {
  const items = new Map<string, string>();
  const ls = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (opts.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k: string) => void items.delete(k),
  };
  (globalThis as { localStorage?: unknown }).localStorage = ls;
  return items;
}

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

const record = (savedAt: number, title = 'Draft') => ({ doc: { ...emptyDocument(), title }, fileName: null, savedAt, dirty: true });

describe('the write-ahead copy in localStorage', () => {
  test('reads back what was written', () => {
    fakeStorage();
    expect(writeAhead(record(5))).toEqual({ ok: true });
    expect(readWriteAhead()).toMatchObject({ savedAt: 5, fileName: null, dirty: true, doc: { title: 'Draft' } });
  });

  test('a full storage is reported, not thrown', () => {
    fakeStorage({ full: true });
    const outcome = writeAhead(record(1));
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.message).toMatch(/quota/);
  });

  test('a document past the size bound is reported and not written', () => {
    const items = fakeStorage();
    const big = record(1, 'x'.repeat(WRITE_AHEAD_MAX_CHARS));
    expect(writeAhead(big).ok).toBe(false);
    expect(items.size).toBe(0);
  });

  test('clearing up to an older revision keeps a newer copy, up to its own revision removes it', () => {
    fakeStorage();
    writeAhead(record(10));
    clearWriteAhead(9);
    expect(readWriteAhead()?.savedAt).toBe(10);
    clearWriteAhead(10);
    expect(readWriteAhead()).toBeNull();
  });

  test('a truncated or foreign entry reads as nothing', () => {
    const items = fakeStorage();
    items.set('got-studio:write-ahead', '{"doc":{"title":"x","operations":[');
    expect(readWriteAhead()).toBeNull();
    items.set('got-studio:write-ahead', '{"doc":{"title":1},"savedAt":3}');
    expect(readWriteAhead()).toBeNull();
  });

  test('a copy whose document is not a valid graph reads as nothing, so a bad copy never reaches the editor', () => {
    const items = fakeStorage();
    const bad = { ...emptyDocument(), operations: [{ id: 'g', type: 'frobnicate', inputs: [], params: {} }] };
    items.set('got-studio:write-ahead', JSON.stringify({ doc: bad, fileName: null, savedAt: 5 }));
    expect(readWriteAhead()).toBeNull();
    items.set('got-studio:write-ahead', JSON.stringify({ doc: { title: 'x', operations: [] }, fileName: null, savedAt: 5 }));
    expect(readWriteAhead()).toBeNull();
  });
});
