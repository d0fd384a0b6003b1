import { basename, resolve } from 'node:path';
import { createRecording, exportRun, parseRecording, serializeRecording, verifyRecordingSample, playEvents, type Recording, type RunEvent, type RunSummary } from '../../engine/index';
import { CliError, EXIT, type ExitCode } from '../errors';
import type { CliIo } from '../io';
import { readTextFile } from '../loadGraph';
import { createProgress } from '../progress';
import { formatRunTable } from '../report/runTable';
import type { SampleRun } from '../runBatch';
import type { ModelSetup } from '../modelSetup';
import { WorkerScriptRunner } from '../workerScriptRunner';
import { cliFunctions } from './common';
import { writeReport } from '../outFile';

export interface ReplayCommandOptions {
  speed: string;
  out?: string;
  events?: boolean;
  quiet?: boolean;
  verify?: boolean;
}

/** `--speed`: a factor > 0 (1 = real time), or 0 / "instant" for no waiting. */
export function parseSpeed(text: string): number {
  if (/^(0|instant|max)$/i.test(text.trim())) return Number.POSITIVE_INFINITY;
  const n = Number(text.replace(/x$/i, ''));
  if (!Number.isFinite(n) || n <= 0) throw new CliError(EXIT.usage, `--speed: "${text}" is not a factor > 0 (1 = real time, 2, 10) or "instant".`);
  return n;
}

/** Reads and checks a recording file: exit 2 when missing, 3 with every problem when it is not a valid recording. */
export async function loadRecording(file: string, cwd: string): Promise<Recording> {
  const path = resolve(cwd, file);
  const parsed = parseRecording(await readTextFile(path, 'Recording'));
  if (!parsed.ok) throw new CliError(EXIT.invalidGraph, `The recording ${path} cannot be replayed:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}`);
  return parsed.recording;
}

/** The report of a recording, in the format `run --out` writes: the same figures, since the events are the run's own. */
export function reportOfRecording(recording: Recording, includeEvents: boolean, createdAt: string) {
  const { baseUrl, model, ...settings } = recording.settings;
  return exportRun({
    document: recording.document,
    ...(recording.source === null ? {} : { source: recording.source }),
    settings: { model: { baseUrl, model }, ...settings },
    samples: recording.samples.map((s) => ({ sampleIndex: s.sampleIndex, input: s.input, events: s.events })),
    includeEvents,
    createdAt,
  });
}

/**
 * `replay FILE`: plays a recording back on its own clock (no model, no key, no network), shows its
 * progress and summary like `run`, and writes the same report `run --out` wrote for it.
 */
export async function replayCommand(file: string, o: ReplayCommandOptions, io: CliIo): Promise<ExitCode> {
  const speed = parseSpeed(o.speed);
  const recording = await loadRecording(file, io.cwd);
  const progress = createProgress(io, o.quiet === true);
  const label = (s: Recording['samples'][number]) => (s.sampleIndex === null ? 'input' : `#${s.sampleIndex}`);
  const summaries: Array<RunSummary | null> = [];
  try {
    for (const [i, sample] of recording.samples.entries()) {
      progress.startSample({ scheme: recording.document.scheme ?? recording.title, label: label(sample), position: i + 1, total: recording.samples.length, operations: recording.document.operations.length });
      let summary: RunSummary | null = null;
      await playEvents(sample.events, {
        speed,
        signal: io.signal,
        onEvents: (batch: readonly RunEvent[]) => {
          for (const e of batch) {
            progress.event(e);
            if (e.type === 'run.done') summary = e.summary;
          }
        },
      });
      summaries.push(summary);
      progress.endSample(label(sample), summary);
    }
  } catch (e) {
    if (io.signal.aborted) throw new CliError(EXIT.cancelled, 'Cancelled (Ctrl+C).');
    throw e;
  } finally {
    progress.finish();
  }
  io.stdout.write(`${recording.title} (replayed) on ${recording.settings.model}\n`);
  io.stdout.write(`${formatRunTable(recording.samples.map((s, i) => ({ label: label(s), summary: summaries[i] ?? null })))}\n`);
  if (o.verify === true) await verify(recording, io);
  if (o.out !== undefined) {
    const report = reportOfRecording(recording, o.events === true, new Date().toISOString());
    const path = await writeReport(o.out, io.cwd, JSON.stringify(report, null, 2));
    if (o.quiet !== true) io.stderr.write(`Wrote ${path}\n`);
  }
  return EXIT.ok;
}

/** `--verify`: the engine runs each recorded graph again on the recorded answers; any difference is exit 6. */
async function verify(recording: Recording, io: CliIo): Promise<void> {
  const scripts = new WorkerScriptRunner();
  try {
    for (const [i, s] of recording.samples.entries()) {
      const diffs = await verifyRecordingSample(recording, i, { functions: cliFunctions(), scripts });
      const label = s.sampleIndex === null ? 'input' : `#${s.sampleIndex}`;
      if (diffs.length) throw new CliError(EXIT.runFailed, `Run ${label}: the engine makes something else of the recorded answers (${diffs.length} difference(s)):\n${diffs.slice(0, 10).map((d) => `  ${d}`).join('\n')}`);
      io.stdout.write(`verified ${label}: the engine re-ran the graph on the recorded answers and made the same thoughts, scores, volume, latency, tokens and cost\n`);
    }
  } finally {
    await scripts.close();
  }
}


/** What `run --record FILE` needs of the run: the graph, model settings and each sample's events. */
export interface RecordedBatch {
  document: Recording['document'];
  graphPath: string;
  title: string;
  setup: Pick<ModelSetup, 'record' | 'cache'>;
  concurrency: number;
  budget: Recording['settings']['budget'];
  seed: number;
  runs: readonly SampleRun[];
}

/** Writes `run --record FILE`: every sample's events (partial ones too), the graph (its file name, not its folder) and the settings without secrets. */
export async function writeRecordingFile(file: string, cwd: string, b: RecordedBatch): Promise<string> {
  const recording = createRecording({
    title: b.title,
    document: b.document,
    source: basename(b.graphPath),
    settings: { model: b.setup.record, concurrency: b.concurrency, budget: b.budget, seed: b.seed, cache: b.setup.cache },
    samples: b.runs.filter((r) => r.events.length > 0).map((r) => ({ sampleIndex: r.sampleIndex, input: r.input, events: r.events })),
    createdAt: new Date().toISOString(),
  });
  return writeReport(file, cwd, serializeRecording(recording));
}
