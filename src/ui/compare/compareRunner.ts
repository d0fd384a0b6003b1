import {
  compareSchemes,
  GraphInvalidError,
  outcomeOf,
  runSamples,
  SharedBudget,
  type Budget,
  type FunctionRegistry,
  type GotDocument,
  type LanguageModel,
  type SampleOutcome,
  type SchemeComparison,
  type ScriptRunner,
  type ThoughtState,
  type TokenUsage,
} from '../../engine/index';

/** One graph to compare, under its scheme label. */
export interface CompareEntry {
  scheme: string;
  document: GotDocument;
}

/** A final thought of one run, for the volume-versus-latency chart. */
export interface FinalPoint {
  scheme: string;
  sample: number;
  volume: number;
  latency: number;
  score: number | null;
}

export interface CompareResult {
  rows: SchemeComparison[];
  outcomes: Array<SampleOutcome & { scheme: string }>;
  finals: FinalPoint[];
  /** Runs that could not start (invalid graph, bad row), in words. */
  errors: string[];
  cancelled: boolean;
  /** Why the comparison stopped before its last run (the shared budget ran out), in the engine's words. */
  stop: string | null;
}

export interface CompareDeps {
  prepareModel: (sampleIndex: number) => Promise<{ model: LanguageModel; cost: (u: TokenUsage) => number }>;
  functions: FunctionRegistry;
  scripts?: ScriptRunner;
  input: (doc: GotDocument, sample: number) => Promise<ThoughtState>;
  concurrency: number;
  seed: number;
  /** One cap for the whole comparison: every scheme and sample shares it (the engine's batch budget rule). */
  budget?: Budget;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label: string) => void;
  /** Each sample's outcome as soon as its run ends, so partial results can be shown. */
  onOutcome?: (outcome: SampleOutcome & { scheme: string }) => void;
}

/** Runs every graph on the same samples with the engine's batch loop, one run at a time, and gathers the paper's comparison. */
export async function runComparison(entries: readonly CompareEntry[], samples: readonly number[], deps: CompareDeps): Promise<CompareResult> {
  const outcomes: CompareResult['outcomes'] = [];
  const finals: FinalPoint[] = [];
  const errors: string[] = [];
  const total = entries.length * samples.length;
  const budget = new SharedBudget(deps.budget ?? {});
  let done = 0;
  let stop: string | null = null;
  for (const entry of entries) {
    if (deps.signal?.aborted || stop) break;
    const label = (sample: number) => `${entry.scheme} · row ${sample}`;
    try {
      const batch = await runSamples(entry.document, {
        samples: samples.map((sample) => ({ label: label(sample), sampleIndex: sample })),
        functions: deps.functions,
        ...(deps.scripts ? { scripts: deps.scripts } : {}),
        concurrency: deps.concurrency,
        seed: deps.seed,
        budget,
        ...(deps.signal ? { signal: deps.signal } : {}),
        prepare: async (s) => {
          const sample = s.sampleIndex as number;
          const [input, { model, cost }] = await Promise.all([deps.input(entry.document, sample), deps.prepareModel(sample)]);
          return { model, cost, input };
        },
        onProgress: (e) => {
          const sample = e.type === 'sample.start' ? e.sample.sampleIndex : e.run.sample.sampleIndex;
          if (e.type === 'sample.start') return deps.onProgress?.(done, total, label(sample as number));
          done += 1;
          const run = e.run;
          if (run.kind === 'not run') errors.push(`${entry.scheme}, row ${sample}: ${run.error}`);
          else if (run.summary.status !== 'cancelled') {
            const outcome = { ...outcomeOf(run.summary, sample), scheme: entry.scheme };
            outcomes.push(outcome);
            deps.onOutcome?.(outcome);
            const byId = new Map(run.events.flatMap((ev) => (ev.type === 'thought.created' || ev.type === 'thought.input' ? [[ev.thought.id as string, ev.thought] as const] : [])));
            for (const id of run.summary.finalThoughtIds) {
              const t = byId.get(id);
              if (t) finals.push({ scheme: entry.scheme, sample: sample as number, volume: t.volume, latency: t.latency, score: run.summary.bestScore });
            }
          }
          deps.onProgress?.(done, total, label(sample as number));
        },
      });
      if (batch.stop?.kind === 'budget') stop = batch.stop.message;
    } catch (err) {
      if (!(err instanceof GraphInvalidError)) throw err;
      errors.push(`${entry.scheme}: ${err.message}`);
    }
  }
  const rows = compareSchemes(entries.map((e) => ({ scheme: e.scheme, outcomes: outcomes.filter((o) => o.scheme === e.scheme) })));
  return { rows, outcomes, finals, errors, cancelled: deps.signal?.aborted ?? false, stop };
}
