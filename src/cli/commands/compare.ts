import { basename } from 'node:path';
import { compareSchemes, outcomeOf, SharedBudget, type SchemeRuns } from '../../engine/index';
import type { CliIo } from '../io';
import { CliError, EXIT, type ExitCode } from '../errors';
import { resolveInputs, type RunInput } from '../inputs';
import { formatDiagnostic, loadGraph, type LoadedGraph } from '../loadGraph';
import { checkReachable, setupModel } from '../modelSetup';
import { createProgress } from '../progress';
import { formatComparison, QUANTILE_METHOD, type ComparisonFormat } from '../report/formatComparison';
import { runBatch } from '../runBatch';
import { WorkerScriptRunner } from '../workerScriptRunner';
import { budgetFrom, cliFunctions, modelOptionsFrom, pricesFrom, type RunningOptions } from './common';
import { checkOutWritable, writeReport } from '../outFile';
import { runsFailed } from './run';

export interface CompareCommandOptions extends RunningOptions {
  format: string;
  out?: string;
}

const FORMATS: readonly ComparisonFormat[] = ['table', 'csv', 'json'];

/** `compare A B …`: runs each graph on the same samples and prints the paper's comparison per scheme. */
export async function compareCommand(files: readonly string[], o: CompareCommandOptions, io: CliIo): Promise<ExitCode> {
  if (!FORMATS.includes(o.format as ComparisonFormat)) throw new CliError(EXIT.usage, `--format must be one of ${FORMATS.join(', ')}.`);
  const format = o.format as ComparisonFormat;
  const functions = cliFunctions();
  // Load and check every graph before spending a single request.
  const graphs: LoadedGraph[] = [];
  for (const file of files) graphs.push(await loadGraph(file, io.cwd, functions));
  const names = uniqueNames(graphs);
  const inputsPerGraph: RunInput[][] = [];
  for (const g of graphs) inputsPerGraph.push(await resolveInputs(o, g, io.cwd));
  if (o.out !== undefined) await checkOutWritable(o.out, io.cwd);
  const budget = budgetFrom(o);
  const modelOptions = modelOptionsFrom(o);
  const setup = setupModel({ ...modelOptions, prices: await pricesFrom(o, io.cwd) }, io.env, io.cwd);
  const progress = createProgress(io, o.quiet === true);
  for (const note of setup.notes) progress.note(note);
  for (const g of graphs) for (const line of [...g.notes, ...g.warnings.map(formatDiagnostic)]) progress.note(`${basename(g.path)}: ${line}`);
  await checkReachable(setup, io.env, io.signal);

  const schemes: SchemeRuns[] = [];
  const shared = new SharedBudget(budget);
  let stop: CliError | null = null;
  const failures: string[] = [];
  const scripts = new WorkerScriptRunner();
  try {
    for (const [i, graph] of graphs.entries()) {
      const named = { ...graph, name: names[i]! };
      const batch = await runBatch({
        graph: named, inputs: inputsPerGraph[i]!, setup, functions, scripts, concurrency: modelOptions.concurrency,
        budget: shared, seed: modelOptions.seed, signal: io.signal, progress,
      });
      const outcomes = batch.runs.flatMap((r) => (r.summary ? [outcomeOf(r.summary, r.sampleIndex)] : []));
      schemes.push({ scheme: named.name, file: graph.path, higherIsBetter: graph.higherIsBetter, outcomes });
      failures.push(...batch.failures);
      if (batch.stop) {
        stop = batch.stop;
        break;
      }
    }
  } finally {
    progress.finish();
    await scripts.close();
  }

  const rows = compareSchemes(schemes);
  io.stdout.write(`${formatComparison(rows, format)}\n`);
  if (o.out !== undefined) {
    const text = o.out.toLowerCase().endsWith('.csv')
      ? formatComparison(rows, 'csv')
      : JSON.stringify({ quantileMethod: QUANTILE_METHOD, model: setup.record, schemes: rows, samples: schemes }, null, 2);
    const path = await writeReport(o.out, io.cwd, text);
    if (o.quiet !== true) io.stderr.write(`Wrote ${path}\n`);
  }
  if (stop) throw stop;
  if (failures.length > 0) throw runsFailed(failures, inputsPerGraph.reduce((n, x) => n + x.length, 0));
  return EXIT.ok;
}

// Two graphs with the same scheme label get their file names added, so rows stay distinguishable.
function uniqueNames(graphs: readonly LoadedGraph[]): string[] {
  return graphs.map((g) => (graphs.filter((h) => h.name === g.name).length > 1 ? `${g.name} (${basename(g.path)})` : g.name));
}
