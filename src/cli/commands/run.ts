import { setFlagsFromString } from 'node:v8';
import type { CliIo } from '../io';
import { CliError, EXIT, type ExitCode } from '../errors';
import { resolveInputs } from '../inputs';
import { formatDiagnostic, loadGraph } from '../loadGraph';
import { checkReachable, serverKey, setupModel } from '../modelSetup';
import { createProgress } from '../progress';
import { exportRun } from '../../engine/index';
import { formatRunTable } from '../report/runTable';
import { runBatch } from '../runBatch';
import { WorkerScriptRunner } from '../workerScriptRunner';
import { sandboxedCodeNote } from '../../sandbox/documentCode';
import { writeRecordingFile } from './replay';
import { forkCommand } from './fork';
import { budgetFrom, cliFunctions, modelOptionsFrom, pricesFrom, type RunningOptions } from './common';
import { checkOutWritable, writeReport } from '../outFile';
import { spareCore, warmUp, type WarmUpPlan } from '../warmUp';
import { collectGarbageWhileIdle } from '../idleGc';

export interface RunCommandOptions extends RunningOptions {
  out?: string;
  events?: boolean;
  record?: string;
  fromRun?: string;
  rerunFrom?: string[];
}

/** `run GRAPH`: runs a graph on its inputs, prints a summary table, writes the JSON export. */
export async function runCommand(file: string, o: RunCommandOptions, io: CliIo): Promise<ExitCode> {
  if (o.fromRun !== undefined) return forkCommand(file, { ...o, fromRun: o.fromRun }, io);
  // A run is a burst of code met for the first time (graph checks, SDK, HTTP client, engine): with feedback
  // vectors from each function's first call, V8 optimises it sooner (about 10% off a cold 50 ms-per-call run).
  setFlagsFromString('--no-lazy-feedback-allocation');
  const functions = cliFunctions();
  const graph = await loadGraph(file, io.cwd, functions);
  const budget = budgetFrom(o);
  const modelOptions = modelOptionsFrom(o);
  const inputs = await resolveInputs(o, graph, io.cwd);
  // A report that cannot be written is found out now, not after the run's spend.
  if (o.out !== undefined) await checkOutWritable(o.out, io.cwd);
  const setup = setupModel({ ...modelOptions, prices: await pricesFrom(o, io.cwd) }, io.env, io.cwd);
  const progress = createProgress(io, o.quiet === true);
  for (const note of setup.notes) progress.note(note);
  for (const note of graph.notes) progress.note(note);
  const code = sandboxedCodeNote(graph.document);
  if (code) progress.note(code);
  for (const w of graph.warnings) progress.note(formatDiagnostic(w));
  await checkReachable(setup, io.env, io.signal);

  // The first call's wait is idle: it collects the garbage of the process's start (else due on the first
  // waves of answers) and warms up the rest of the run (a rehearsal in memory, the first wave's
  // connections); the answer's first bytes pause the rehearsal, the run's end stops it.
  const pause = new AbortController();
  const stop = new AbortController();
  const { headers } = serverKey(io.env);
  const rehearsal = code || inputs.length === 0 || !spareCore() ? null : { document: graph.document, functions, input: inputs[0]!.input };
  const plan: WarmUpPlan = { baseUrl: setup.base.id.baseUrl, headers, concurrency: modelOptions.concurrency, rehearsal };
  void setup.firstCall.answering.then(() => pause.abort());
  void setup.firstCall.waiting.then(() => {
    collectGarbageWhileIdle();
    return warmUp(plan, { pause: pause.signal, stop: stop.signal }, setup.fetch);
  });

  const scripts = new WorkerScriptRunner();
  let batch;
  try {
    batch = await runBatch({ graph, inputs, setup, functions, scripts, concurrency: modelOptions.concurrency, budget, seed: modelOptions.seed, signal: io.signal, progress });
  } finally {
    stop.abort();
    progress.finish();
    await scripts.close();
  }

  const title = graph.document.title.includes(graph.name) ? graph.document.title : `${graph.document.title} (${graph.name})`;
  io.stdout.write(`${title} on ${setup.record.model}\n`);
  io.stdout.write(`${formatRunTable(inputs.map((input, i) => ({ label: input.label, summary: batch.runs[i]?.summary ?? null })))}\n`);

  if (o.out !== undefined) {
    const exported = exportRun({
      document: graph.document,
      source: graph.path,
      settings: { model: setup.record, concurrency: modelOptions.concurrency, budget, seed: modelOptions.seed, cache: setup.cache },
      samples: batch.runs.map((r) => ({ sampleIndex: r.sampleIndex, input: r.input, events: r.events, ...(r.summary ? { summary: r.summary } : {}) })),
      includeEvents: o.events === true,
      createdAt: new Date().toISOString(),
    });
    // JSON writes a non-finite number (an unlimited concurrency) as null by itself: no replacer, which tripled the time to write a 2 MB report.
    const path = await writeReport(o.out, io.cwd, JSON.stringify(exported, null, 2));
    if (o.quiet !== true) io.stderr.write(`Wrote ${path}\n`);
  }

  if (o.record !== undefined) {
    const path = await writeRecordingFile(o.record, io.cwd, { document: graph.document, graphPath: graph.path, title, setup, concurrency: modelOptions.concurrency, budget, seed: modelOptions.seed, runs: batch.runs });
    if (o.quiet !== true) io.stderr.write(`Wrote ${path}\n`);
  }

  if (batch.stop) throw batch.stop;
  if (batch.failures.length > 0) throw runsFailed(batch.failures, inputs.length);
  return EXIT.ok;
}

/** The exit-6 error: how many runs failed, and why the first one did. */
export function runsFailed(failures: readonly string[], total: number): CliError {
  return new CliError(EXIT.runFailed, `${failures.length} of ${total} run(s) failed. First: ${failures[0]}`);
}
