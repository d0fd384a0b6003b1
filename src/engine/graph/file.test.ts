import { describe, expect, it } from 'vitest';
import { documentSchema } from './document';
import { parseDocumentFile, serializeDocument } from './file';
import { migrateDocument } from './migrations';

const v2 = (operations: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'got-studio', version: 2, operations, ...extra }, null, 2);

describe('parseDocumentFile', () => {
  it('reads a current-version file and fills defaults', () => {
    const r = parseDocumentFile(v2([{ id: 'g', type: 'generate', params: { prompt: 'x' } }]));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.document.title).toBe('Untitled graph');
      expect(r.document.operations[0]?.inputs).toEqual([]);
      expect(r.notes).toEqual([]);
    }
  });

  it('reports a JSON syntax error with its line and column', () => {
    const r = parseDocumentFile('{\n  "format": "got-studio",\n  "version": 2,\n  "operations": [}\n');
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'json-syntax', line: 4, column: 18 });
    expect(r.diagnostics[0]?.message).toContain('line 4, column 18');
  });

  it('points at a trailing comma and at a truncated file', () => {
    expect(parseDocumentFile('{"a": 1,\n}').diagnostics[0]).toMatchObject({
      line: 2,
      column: 1,
      message: expect.stringContaining('trailing commas'),
    });
    expect(parseDocumentFile('{"format": "got-studio"').diagnostics[0]).toMatchObject({
      line: 1,
      column: 24,
      message: expect.stringContaining('end of the file'),
    });
    expect(parseDocumentFile('  ').diagnostics[0]).toMatchObject({ code: 'json-syntax', message: 'The file is empty.' });
  });

  it('says plainly that a file of another format is not a graph', () => {
    expect(parseDocumentFile('{"format": "excalidraw"}').diagnostics[0]).toMatchObject({
      code: 'foreign-file',
      message: expect.stringContaining('"excalidraw"'),
    });
    expect(parseDocumentFile('[1, 2]').diagnostics[0]).toMatchObject({
      code: 'foreign-file',
      message: expect.stringContaining('found a list'),
    });
    expect(parseDocumentFile('{"name": "package"}').diagnostics[0]).toMatchObject({ code: 'foreign-file' });
  });

  it('refuses a file from a newer version with a clear message', () => {
    const r = parseDocumentFile(JSON.stringify({ format: 'got-studio', version: 99, operations: [] }));
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'newer-version',
        message:
          'This graph was saved by a newer GoT Studio (file version 99; this app reads up to version 2). Update GoT Studio to open it.',
      },
    ]);
  });

  it('names the operation (id and type) and the field of a schema error', () => {
    const r = parseDocumentFile(
      v2([
        { id: 'ok', type: 'generate' },
        { id: 'bad', type: 'keepBest' },
        { id: 's', type: 'score', inputs: 'ok' },
      ]),
    );
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'unknown-type',
        opId: 'bad',
        field: 'type',
        message: 'Operation \'bad\' (keepBest): unknown operation type "keepBest"',
      }),
      expect.objectContaining({
        code: 'schema',
        opId: 's',
        field: 'inputs',
        message: expect.stringContaining("Operation 's' (score): inputs:"),
      }),
    ]);
  });

  it('reports document-level schema errors with their path', () => {
    const r = parseDocumentFile(v2([], { title: 5 }));
    expect(r.diagnostics[0]).toMatchObject({ code: 'schema', field: 'title' });
  });

  it('notes fields it ignored', () => {
    const r = parseDocumentFile(v2([], { apiKey: 'sk-x' }));
    expect(r.ok && r.notes).toEqual(['Ignored unknown field: apiKey.']);
  });
});

describe('migrateDocument', () => {
  it('turns a version 1 node/edge list into operations with inputs in edge order', () => {
    const v1 = {
      format: 'got-studio',
      version: 1,
      title: 'Old',
      nodes: [
        { id: 'a', type: 'generate', params: { prompt: 'p' }, position: { x: 1, y: 2 } },
        { id: 'b', type: 'generate', params: { prompt: 'q' }, position: { x: 3, y: 4 } },
        { id: 'm', type: 'aggregate', params: { prompt: 'merge' }, position: { x: 5, y: 6 } },
      ],
      edges: [
        { source: 'b', target: 'm' },
        { source: 'a', target: 'm' },
      ],
    };
    const r = parseDocumentFile(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.version).toBe(2);
    expect(r.document.title).toBe('Old');
    expect(r.document.operations.map((o) => [o.id, o.inputs])).toEqual([
      ['a', []],
      ['b', []],
      ['m', ['b', 'a']],
    ]);
    expect(r.document.operations[2]?.position).toEqual({ x: 5, y: 6 });
    expect(r.notes[0]).toMatch(/version 1 node\/edge list: 3 nodes became operations and 2 edges became ordered inputs/);
  });

  it('imports a plain React Flow export with data.params, loose type names and comment nodes', () => {
    const exported = {
      nodes: [
        { id: 'g', type: 'Generate', position: { x: 0, y: 0 }, data: { label: 'Split', params: { prompt: 'split' } } },
        { id: 'k', type: 'keep_best_n', position: { x: 0, y: 100 }, data: { params: { n: 1 } } },
        { id: 'c1', type: 'comment', position: { x: 9, y: 9 }, data: { text: 'why' } },
      ],
      edges: [
        { id: 'e1', source: 'g', target: 'k' },
        { id: 'e2', source: 'g', target: 'ghost' },
      ],
      viewport: { x: 0, y: 0, zoom: 1 },
    };
    const r = parseDocumentFile(JSON.stringify(exported));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.operations.map((o) => [o.id, o.type, o.label, o.inputs])).toEqual([
      ['g', 'generate', 'Split', []],
      ['k', 'keepBestN', undefined, ['g']],
    ]);
    expect(r.document.comments).toEqual([{ id: 'c1', text: 'why', position: { x: 9, y: 9 } }]);
    expect(r.notes).toEqual([
      'The file has no "format" field: it was read as a plain node/edge export.',
      expect.stringContaining('2 nodes became operations and 1 edge became ordered inputs'),
      '1 comment node became canvas comments.',
      'Dropped 1 edge whose target is not a node in the file.',
      'Ignored unknown field: viewport.',
    ]);
  });

  it('reads parameters kept flat in a node’s data', () => {
    const r = parseDocumentFile(
      JSON.stringify({ nodes: [{ id: 'k', type: 'keepBestN', data: { label: 'Best', n: 2, higherIsBetter: false } }], edges: [] }),
    );
    expect(r.ok && r.document.operations[0]).toMatchObject({ id: 'k', label: 'Best', params: { n: 2, higherIsBetter: false } });
  });

  it('leaves a current document unchanged and refuses a bad version number', () => {
    const raw = { format: 'got-studio', version: 2, operations: [] };
    expect(migrateDocument(raw)).toEqual({ ok: true, value: raw, notes: [] });
    expect(migrateDocument({ format: 'got-studio', version: '2' })).toMatchObject({ ok: false, diagnostics: [{ code: 'schema' }] });
  });
});

describe('serializeDocument', () => {
  const doc = documentSchema.parse({
    version: 2,
    operations: [
      {
        params: { prompt: 'p', samples: 2, apiKey: 'sk-secret', parser: { kind: 'text', key: 'current' } },
        type: 'generate',
        id: 'g',
        position: { y: 2, x: 1 },
      },
    ],
    format: 'got-studio',
    input: { zeta: 1, alpha: [1, 2] },
    title: 'T',
  });

  it('writes a stable key order with two-space indentation', () => {
    const text = serializeDocument(doc);
    expect(
      text.startsWith('{\n  "format": "got-studio",\n  "version": 2,\n  "title": "T",\n  "description": "",\n  "input": {\n    "zeta": 1,'),
    ).toBe(true);
    expect(text.indexOf('"parser"')).toBeLessThan(text.indexOf('"prompt"'));
    expect(text.indexOf('"prompt"')).toBeLessThan(text.indexOf('"samples"'));
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('never writes a key or secret field', () => {
    expect(serializeDocument(doc)).not.toContain('sk-secret');
    expect(serializeDocument(doc)).not.toMatch(/apiKey/);
  });

  it('round-trips through parseDocumentFile', () => {
    const again = parseDocumentFile(serializeDocument(doc));
    expect(again.ok).toBe(true);
    if (again.ok) expect(serializeDocument(again.document)).toBe(serializeDocument(doc));
  });
});
