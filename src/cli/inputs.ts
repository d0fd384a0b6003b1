import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetLoaders, parseDatasetText, type ThoughtState } from '../engine/index';
import { parseSamples } from './args/parseSamples';
import { CliError, EXIT } from './errors';
import { readTextFile, type LoadedGraph } from './loadGraph';

/** One input a graph runs on. */
export interface RunInput {
  /** The dataset row, or null for `--input` or the document's own input. */
  sampleIndex: number | null;
  input: ThoughtState;
  /** How reports name it: `#3` for a row, `input` otherwise. */
  label: string;
}

export interface InputOptions {
  input?: string;
  dataset?: string;
  samples?: string;
  loader?: string;
}

// The app's public folder: a document's dataset path is relative to it.
const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/** Where a dataset path points: as given (cwd), else beside the graph, else in the app's public folder. */
function resolveDatasetPath(file: string, cwd: string, graphPath?: string): string {
  if (isAbsolute(file)) return file;
  const candidates = [resolve(cwd, file), ...(graphPath ? [resolve(dirname(graphPath), file), resolve(dirname(graphPath), '..', file)] : []), resolve(PUBLIC_DIR, file)];
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}

const datasetCache = new Map<string, Promise<Record<string, string>[]>>();

async function readRows(path: string): Promise<Record<string, string>[]> {
  let rows = datasetCache.get(path);
  if (!rows) {
    rows = readTextFile(path, 'Dataset file').then((text) => {
      try {
        return parseDatasetText(text, path);
      } catch (e) {
        throw new CliError(EXIT.usage, `The dataset cannot be read: ${(e as Error).message}`);
      }
    });
    datasetCache.set(path, rows);
    rows.catch(() => datasetCache.delete(path));
  }
  return rows;
}

/** The inputs a command runs a graph on: `--input`, dataset rows, or the document's input. */
export async function resolveInputs(options: InputOptions, graph: LoadedGraph, cwd: string): Promise<RunInput[]> {
  if (options.input !== undefined && (options.dataset !== undefined || options.samples !== undefined)) {
    throw new CliError(EXIT.usage, 'Give either --input or --dataset/--samples, not both.');
  }
  if (options.input !== undefined) return [{ sampleIndex: null, input: parseInputJson(options.input), label: 'input' }];

  const docDataset = graph.document.dataset;
  if (options.dataset === undefined && options.samples === undefined) {
    return [{ sampleIndex: null, input: graph.document.input, label: docDataset ? `#${docDataset.sample}` : 'input' }];
  }
  const file = options.dataset ?? docDataset?.file;
  if (!file) throw new CliError(EXIT.usage, `--samples needs a dataset: the graph names none, so add --dataset FILE.`);
  const loaderName = options.loader ?? docDataset?.loader;
  if (!loaderName) throw new CliError(EXIT.usage, `The graph names no dataset loader: add --loader (one of ${Object.keys(datasetLoaders).join(', ')}).`);
  const loader = datasetLoaders[loaderName];
  if (!loader) throw new CliError(EXIT.usage, `Unknown dataset loader "${loaderName}": use one of ${Object.keys(datasetLoaders).join(', ')}.`);

  const path = options.dataset !== undefined ? resolve(cwd, file) : resolveDatasetPath(file, cwd, graph.path);
  const rows = await readRows(path);
  const indices = options.samples === undefined ? rows.map((_, i) => i) : parseSamples(options.samples, rows.length, path);
  return indices.map((i) => {
    const row = rows[i];
    if (!row) throw new CliError(EXIT.usage, `--samples: row ${i} does not exist; ${path} has ${rows.length} rows (0-${rows.length - 1}).`);
    try {
      return { sampleIndex: i, input: loader(row), label: `#${i}` };
    } catch (e) {
      throw new CliError(EXIT.usage, `Row ${i} of ${path} cannot be loaded by "${loaderName}": ${(e as Error).message}`);
    }
  });
}

/** `--input` as a JSON object. */
function parseInputJson(text: string): ThoughtState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CliError(EXIT.usage, `--input is not valid JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CliError(EXIT.usage, '--input must be a JSON object, e.g. \'{"original": [3, 1, 2]}\'.');
  return value as ThoughtState;
}
