import { resolve } from 'node:path';
import { exportRun, operationId, runFork, type RunEvent } from '../../engine/index';
import { CliError, EXIT, type ExitCode } from '../errors';
import type { CliIo } from '../io';
import { loadGraph, readTextFile } from '../loadGraph';
import { checkReachable, setupModel } from '../modelSetup';
import { createProgress } from '../progress';
import { formatRunTable } from '../report/runTable';
import { WorkerScriptRunner } from '../workerScriptRunner';
import { budgetFrom, cliFunctions, modelOptionsFrom, pricesFrom } from './common';
import { writeReport } from '../outFile';
import type { RunCommandOptions } from './run';

/** Options of `run GRAPH --from-run FILE`. */
export interface ForkCommandOptions extends RunCommandOptions {
  fromRun: string;
  rerunFrom?: string[];
}

const isEventLog = (v: unknown): v is RunEvent[] => Array.isArray(v) && v.length > 0 && (v[0] as { type?: unknown } | null)?.type === 'run.start';

/** The event log in a file: a bare log, `{ events }` (a recording), or a `run --out --events` report's first sample. */
export function eventsOf(json: unknown): RunEvent[] | null {
  if (isEventLog(json)) return json;
  const o = json as { events?: unknown; samples?: Array<{ events?: unknown }> } | null;
  if (isEventLog(o?.events)) return o.events;
  const sample = Array.isArray(o?.samples) ? o.samples[0]?.events : undefined;
  return isEventLog(sample) ? sample : null;
}

/**
 * `run GRAPH --from-run FILE [--rerun-from OP]…`: a fork of a recorded run. The operations GRAPH
 * changed (and any named by --rerun-from) run again with their descendants; the rest are kept.
 */
export async function forkCommand(file: string, o: ForkCommandOptions, io: CliIo): Promise<ExitCode> {
  const functions = cliFunctions();
  const graph = await loadGraph(file, io.cwd, functions);
  let events: RunEvent[] | null;
  try {
    events = eventsOf(JSON.parse(await readTextFile(resolve(io.cwd, o.fromRun), 'the run to fork')));
  } catch (e) {
    throw e instanceof CliError ? e : new CliError(EXIT.usage, `--from-run ${o.fromRun}: not JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (!events) throw new CliError(EXIT.usage, `--from-run ${o.fromRun}: no event log in it (write one with run --out FILE --events, or export a recording).`);
  const budget = budgetFrom(o);
  const modelOptions = modelOptionsFrom(o);
  const setup = setupModel({ ...modelOptions, prices: await pricesFrom(o, io.cwd) }, io.env, io.cwd);
  const progress = createProgress(io, o.quiet === true);
  for (const note of setup.notes) progress.note(note);
  await checkReachable(setup, io.env, io.signal);
  const sampleIndex = events[0]?.type === 'run.start' ? events[0].settings.sampleIndex : null;
  const scripts = new WorkerScriptRunner();
  let result;
  try {
    progress.startSample({ scheme: graph.name, label: 'fork', position: 1, total: 1, operations: graph.document.operations.length });
    result = await runFork(
      events,
      { kind: 'edit-document', document: graph.document, rerunFrom: (o.rerunFrom ?? []).map(operationId) },
      { model: setup.forSample(sampleIndex), cost: setup.cost, functions, scripts, concurrency: modelOptions.concurrency, budget, sampleIndex, signal: io.signal, onEvent: (e) => progress.event(e) },
    );
    progress.endSample('fork', result.summary);
  } catch (e) {
    throw e instanceof CliError ? e : new CliError(EXIT.usage, `cannot fork ${o.fromRun}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    progress.finish();
    await scripts.close();
  }
  const rerun = result.grs.settings?.fork?.rerun ?? [];
  io.stdout.write(`${graph.document.title}: fork of ${o.fromRun} on ${setup.record.model}\n`);
  io.stdout.write(`Ran again: ${rerun.length ? rerun.join(', ') : 'nothing'}; kept ${graph.document.operations.length - rerun.length} operation(s) without requests.\n`);
  io.stdout.write(`${formatRunTable([{ label: 'fork', summary: result.summary }])}\n`);
  if (o.out !== undefined) {
    const exported = exportRun({
      document: graph.document,
      source: graph.path,
      settings: { model: setup.record, concurrency: modelOptions.concurrency, budget, seed: result.grs.settings?.seed ?? 0, cache: setup.cache },
      samples: [{ sampleIndex, input: result.grs.input ?? {}, events: result.events, summary: result.summary }],
      includeEvents: o.events === true,
      createdAt: new Date().toISOString(),
    });
    const path = await writeReport(o.out, io.cwd, JSON.stringify(exported, null, 2));
    if (o.quiet !== true) io.stderr.write(`Wrote ${path}\n`);
  }
  return result.summary.status === 'failed' ? EXIT.runFailed : EXIT.ok;
}
