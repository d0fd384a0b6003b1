import { describe, expect, test } from 'vitest';
import { emptyDocument } from '../document/graphEdits';
import { storedRecentEntry, storedRecord } from './storedRecord';

const v1 = {
  format: 'got-studio',
  version: 1,
  title: 'Old draft',
  nodes: [
    { id: 'g', type: 'generate', params: { prompt: 'p' }, position: { x: 0, y: 0 } },
    { id: 'm', type: 'aggregate', params: { prompt: 'merge' }, position: { x: 200, y: 0 } },
  ],
  edges: [{ source: 'g', target: 'm' }],
};

describe('documents read back from browser storage', () => {
  test('an autosave record written by an older version is migrated like an opened file', () => {
    const record = storedRecord({ doc: v1, fileName: 'old.got.json', savedAt: 7, dirty: true });
    expect(record).toMatchObject({ fileName: 'old.got.json', savedAt: 7, dirty: true, doc: { title: 'Old draft', version: 2 } });
    expect(record?.doc.operations.find((o) => o.id === 'm')?.inputs).toEqual(['g']);
  });

  test('a record whose document fails the file checks is dropped, not loaded into the editor', () => {
    const bad = { ...emptyDocument(), operations: [{ id: 'g', type: 'frobnicate', inputs: [], params: {} }] };
    expect(storedRecord({ doc: bad, fileName: null, savedAt: 3 })).toBeNull();
    expect(storedRecord({ doc: { ...emptyDocument(), version: 99 }, fileName: null, savedAt: 3 })).toBeNull();
    expect(storedRecord('not a record')).toBeNull();
    expect(storedRecord(null)).toBeNull();
  });

  test('malformed side fields fall back to safe values instead of reaching the editor', () => {
    const record = storedRecord({ doc: emptyDocument(), fileName: 42, savedAt: 'soon', dirty: 'yes' });
    expect(record).toMatchObject({ fileName: null, savedAt: 0, dirty: false });
  });

  test('a Recent entry needs a key and a valid document', () => {
    expect(storedRecentEntry({ key: 'a.got.json', title: 'A', fileName: 'a.got.json', savedAt: 1, doc: emptyDocument() })).toMatchObject({ key: 'a.got.json', title: 'A' });
    expect(storedRecentEntry({ title: 'no key', doc: emptyDocument() })).toBeNull();
    expect(storedRecentEntry({ key: 'b', doc: { nodes: 'x' } })).toBeNull();
  });
});
