import type { GotDocument } from '../../graph/document';
import type { ThoughtState } from '../../graph/specs';
import { buildDocMergeExample, DOC_MERGE_SCHEMES } from './docMerge';
import { buildKeywordCountingExample, KEYWORD_SCHEMES } from './keywordCounting';
import { buildSetIntersectionExample } from './setIntersection';
import { LIST_SCHEMES, LIST_SIZES } from './shapes';
import { buildSortingExample } from './sorting';

/** One gallery example: where its default input comes from and how to build it. */
export interface ExampleSpec {
  /** File stem: `public/examples/<id>.got.json`. */
  id: string;
  task: 'sorting' | 'setIntersection' | 'keywordCounting' | 'docMerge';
  scheme: string;
  /** Dataset file (relative to the public folder) and loader giving the default input (sample 0). */
  dataset: { file: string; loader: string };
  build(input: ThoughtState): GotDocument;
}

const pad = (n: number): string => String(n).padStart(3, '0');

/** Every example graph the gallery ships, in gallery order. */
export const exampleSpecs: readonly ExampleSpec[] = [
  ...LIST_SIZES.flatMap((size) =>
    LIST_SCHEMES.map((scheme): ExampleSpec => ({
      id: `sorting-${pad(size)}-${scheme.toLowerCase()}`,
      task: 'sorting',
      scheme,
      dataset: { file: `datasets/got/sorting_${pad(size)}.csv`, loader: 'sorting' },
      build: (input) => buildSortingExample(size, scheme, input),
    })),
  ),
  ...LIST_SIZES.flatMap((size) =>
    LIST_SCHEMES.map((scheme): ExampleSpec => ({
      id: `set-intersection-${pad(size)}-${scheme.toLowerCase()}`,
      task: 'setIntersection',
      scheme,
      dataset: { file: `datasets/got/set_intersection_${pad(size)}.csv`, loader: 'setIntersection' },
      build: (input) => buildSetIntersectionExample(size, scheme, input),
    })),
  ),
  ...KEYWORD_SCHEMES.map((scheme): ExampleSpec => ({
    id: `keyword-counting-${scheme.toLowerCase()}`,
    task: 'keywordCounting',
    scheme,
    dataset: { file: 'datasets/got/countries.csv', loader: 'keywordCounting' },
    build: (input) => buildKeywordCountingExample(scheme, input),
  })),
  ...DOC_MERGE_SCHEMES.map((scheme): ExampleSpec => ({
    id: `doc-merge-${scheme.toLowerCase()}`,
    task: 'docMerge',
    scheme,
    dataset: { file: 'datasets/got/documents.csv', loader: 'docMerge' },
    build: (input) => buildDocMergeExample(scheme, input),
  })),
];

/** One entry of `public/examples/index.json`, the gallery manifest. */
export interface ExampleManifestEntry {
  id: string;
  title: string;
  description: string;
  task: string;
  scheme: string;
  file: string;
}

export { buildDocMergeExample, buildKeywordCountingExample, buildSetIntersectionExample, buildSortingExample };
export { LIST_SCHEMES, LIST_SIZES, TOT_LEVELS } from './shapes';
export { DOC_MERGE_SCHEMES, KEYWORD_SCHEMES };
export { reduction, scaleStudy, type ScaleCell, type ScaleTask } from './scaleStudy';
