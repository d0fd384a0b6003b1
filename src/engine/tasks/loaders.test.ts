import { describe, expect, it } from 'vitest';
import countriesCsv from '../../../public/datasets/got/countries.csv?raw';
import documentsCsv from '../../../public/datasets/got/documents.csv?raw';
import pureDocumentsJson from '../../../public/datasets/got/pure_documents.json?raw';
import setIntersection032Csv from '../../../public/datasets/got/set_intersection_032.csv?raw';
import sorting064Csv from '../../../public/datasets/got/sorting_064.csv?raw';
import { GROUND_TRUTH_COUNTRIES_KEY } from './keywordCounting/loader';
import { countMentions } from './keywordCounting/scoring';
import { datasetLoaders, loadDatasetRow } from './loaders';
import { DatasetError, parseDatasetText } from './shared/dataset';

describe('parseDatasetText', () => {
  it('reads a CSV into one record per data row keyed by the header', () => {
    const rows = parseDatasetText(sorting064Csv, 'sorting_064.csv');
    expect(rows).toHaveLength(100);
    expect(Object.keys(rows[0] ?? {})).toEqual(['ID', 'Unsorted', 'Sorted']);
  });

  it('keeps multi-line quoted fields of documents.csv whole', () => {
    const rows = parseDatasetText(documentsCsv, 'documents.csv');
    expect(rows).toHaveLength(100);
    const doc = rows[0]?.['document1'] ?? '';
    expect(doc.startsWith('NON-DISCLOSURE AGREEMENT (NDA)\n\n1. Agreement between')).toBe(true);
    expect(doc.split('\n').length).toBeGreaterThan(5);
    expect(rows[99]?.['id']).toBe('99');
  });

  it('unescapes doubled quotes inside quoted fields', () => {
    expect(parseDatasetText('a,b\n1,"say ""hi"",\nthere"\n', 'x.csv')).toEqual([{ a: '1', b: 'say "hi",\nthere' }]);
  });

  it('reads pure_documents.json as one row per document', () => {
    const rows = parseDatasetText(pureDocumentsJson, 'pure_documents.json');
    expect(rows).toHaveLength(50);
    expect(rows[0]?.['document']).toMatch(/^NON-DISCLOSURE AGREEMENT/);
  });

  it('names the file when the text is not what its name says', () => {
    expect(() => parseDatasetText('{"a": 1}', 'rows.json')).toThrow(DatasetError);
    expect(() => parseDatasetText('{"a": 1}', 'rows.json')).toThrow(/rows\.json/);
    expect(() => parseDatasetText('a,b\n1,"open quote\n', 'bad.csv')).toThrow(/bad\.csv/);
  });
});

describe('dataset loaders', () => {
  it('are registered under the four task names', () => {
    expect(Object.keys(datasetLoaders).sort()).toEqual(['docMerge', 'keywordCounting', 'setIntersection', 'sorting']);
  });

  it('turn a sorting row into the original list and a copy to work on', () => {
    const row = parseDatasetText(sorting064Csv, 'sorting_064.csv')[0];
    const state = loadDatasetRow('sorting', row ?? {});
    expect(state['original']).toHaveLength(64);
    expect(state['current']).toEqual(state['original']);
    expect((state['original'] as number[]).slice(0, 4)).toEqual([6, 3, 6, 5]);
  });

  it('turn a set-intersection row into both sets and an empty answer', () => {
    const row = parseDatasetText(setIntersection032Csv, 'set_intersection_032.csv')[0];
    const state = loadDatasetRow('setIntersection', row ?? {});
    expect(state['set1']).toHaveLength(32);
    expect(state['set2']).toHaveLength(32);
    expect(state['current']).toEqual([]);
    expect(Object.keys(state)).not.toContain('INTERSECTION');
  });

  it('keep the country mentions of a keyword row under a ground-truth key that agrees with the text', () => {
    const rows = parseDatasetText(countriesCsv, 'countries.csv');
    for (const row of rows.slice(0, 20)) {
      const state = loadDatasetRow('keywordCounting', row);
      const names = state[GROUND_TRUTH_COUNTRIES_KEY] as string[];
      for (const name of new Set(names)) expect(countMentions(state['text'] as string, name)).toBe(names.filter((n) => n === name).length);
    }
  });

  it('turn a documents row into four documents, line breaks kept', () => {
    const row = parseDatasetText(documentsCsv, 'documents.csv')[0] ?? {};
    const state = loadDatasetRow('docMerge', row);
    expect([state['doc1'], state['doc2'], state['doc3'], state['doc4']]).toEqual([row['document1'], row['document2'], row['document3'], row['document4']]);
    expect(state['doc1']).toMatch(/\n2\. Information sharing/);
  });

  it('name the loader and the row when a row has the wrong shape', () => {
    expect(() => loadDatasetRow('sorting', { ID: '0' }, 7)).toThrow(/loader "sorting", row 7: the row has no "Unsorted" column/);
    expect(() => loadDatasetRow('nope', {})).toThrow(/unknown dataset loader "nope"/);
  });
});
