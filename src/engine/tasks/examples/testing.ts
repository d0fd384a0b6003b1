import { builtinFunctions, mergeFunctionRegistries } from '../../functions/builtins';
import type { ThoughtState } from '../../graph/specs';
import { simulatorModel } from '../../models/simulator/simulatorModel';
import type { RunResult } from '../../run/options';
import { runGraph } from '../../run/runGraph';
import { taskFunctions } from '../functions';
import { loadDatasetRow } from '../loaders';
import { parseDatasetText, type DatasetRow } from '../shared/dataset';
import { exampleSpecs, type ExampleSpec } from './index';

// Vite inlines the shipped datasets (tests only: nothing in the app imports this module).
const datasetTexts = import.meta.glob<string>('../../../../public/datasets/got/*.{csv,json}', { query: '?raw', import: 'default', eager: true });

const rowCache = new Map<string, DatasetRow[]>();

/** The rows of a shipped dataset file (relative to public/). */
export function rowsOf(file: string): DatasetRow[] {
  let rows = rowCache.get(file);
  if (!rows) {
    const text = datasetTexts[`../../../../public/${file}`];
    if (text === undefined) throw new Error(`dataset ${file} is not shipped`);
    rows = parseDatasetText(text, file);
    rowCache.set(file, rows);
  }
  return rows;
}

/** An example's input for a dataset row, through its task's loader. */
export const inputOf = (s: ExampleSpec, sample: number): ThoughtState => loadDatasetRow(s.dataset.loader, rowsOf(s.dataset.file)[sample] ?? {}, sample);

/** A gallery example by id. */
export function specOf(id: string): ExampleSpec {
  const found = exampleSpecs.find((s) => s.id === id);
  if (!found) throw new Error(`no example ${id}`);
  return found;
}

export const testFunctions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
const instantModel = simulatorModel({ latency: { baseMs: 0, perTokenMs: 0 } });

/** Runs an example on one dataset row on the simulator in-process: no latency, no cache, default seed. */
export function runExample(s: ExampleSpec, sample: number): Promise<RunResult> {
  const input = inputOf(s, sample);
  return runGraph(s.build(input), { model: instantModel, functions: testFunctions, input, seed: 0, sampleIndex: sample, concurrency: Infinity, cache: false });
}
