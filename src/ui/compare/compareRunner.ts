import {
  compareSchemes,
  createLimiter,
  GraphInvalidError,
  outcomeOf,
  runSamples,
  SharedBudget,
  type Budget,
  type FunctionRegistry,
  type GotDocument,
  type LanguageModel,
  type RequestLimiter,
  type SampleOutcome,
  type SampleRun,
  type SchemeComparison,
  type ScriptRunner,
  type ThoughtState,
  type TokenUsage,
} from '../../engine/index';
import { sharingCallSlots } from './callSlots';
import type { KeptResults } from './keptResults';

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

/** One scheme's run on one sample, as it finished (or as it was kept from an earlier run). */
export interface CompareOutcome extends SampleOutcome {
  scheme: string;
  /** True when it came from the kept results instead of a run now. */
  kept: boolean;
  finals: FinalPoint[];
}

export interface CompareResult {
  rows: SchemeComparison[];
  outcomes: CompareOutcome[];
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
  /** Model calls in flight at once, across every scheme running side by side. */
  concurrency: number;
  seed: number;
  /** One cap for the whole comparison: every scheme and sample shares it (the engine's batch budget rule). */
  budget?: Budget;
  signal?: AbortSignal;
  /** Rows found here are shown at once instead of run again; rows that finish are kept there. */
  kept?: KeptResults;
  onProgress?: (done: number, total: number, label: string) => void;
  /** Each sample's outcome as soon as its run ends (or is found kept), so partial results can be shown. */
  onOutcome?: (outcome: CompareOutcome) => void;
}

/** The comparison's rows and points from the outcomes so far, schemes in the order given. */
export function comparisonOf(schemes: readonly string[], outcomes: readonly CompareOutcome[]): Pick<CompareResult, 'rows' | 'finals'> {
  return {
    rows: compareSchemes(schemes.map((scheme) => ({ scheme, outcomes: outcomes.filter((o) => o.scheme === scheme) }))),
    finals: outcomes.flatMap((o) => o.finals),
  };
}

const hasCap = (b: Budget | undefined) => b !== undefined && Object.values(b).some((v) => v !== undefined);

/** The final thoughts' volume and latency of a run, from its events. */
function finalsOf(run: Extract<SampleRun, { kind: 'ran' }>, scheme: string, sample: number): FinalPoint[] {
  const byId = new Map(run.events.flatMap((ev) => (ev.type === 'thought.created' || ev.type === 'thought.input' ? [[ev.thought.id as string, ev.thought] as const] : [])));
  return run.summary.finalThoughtIds.flatMap((id) => {
    const t = byId.get(id);
    return t ? [{ scheme, sample, volume: t.volume, latency: t.latency, score: run.summary.bestScore }] : [];
  });
}

/**
 * Runs every graph on the same samples with the engine's batch loop and gathers the paper's
 * comparison. Without a budget cap the schemes run side by side (one limit on calls in flight for
 * all), so every scheme's first results come early; with a cap they run one after another, since
 * runs going at once would each see the same remainder and could overrun it together.
 */
export async function runComparison(entries: readonly CompareEntry[], samples: readonly number[], deps: CompareDeps): Promise<CompareResult> {
  const outcomes: CompareOutcome[] = [];
  const errors: string[] = [];
  const total = entries.length * samples.length;
  const budget = new SharedBudget(deps.budget ?? {});
  const sideBySide = !hasCap(deps.budget) && entries.length > 1;
  const slots: RequestLimiter | null = sideBySide ? createLimiter({ maxConcurrency: deps.concurrency }) : null;
  let done = 0;
  let stop: string | null = null;

  const finish = (outcome: CompareOutcome, label: string) => {
    done += 1;
    outcomes.push(outcome);
    deps.onOutcome?.(outcome);
    deps.onProgress?.(done, total, label);
  };

  const compareOne = async (entry: CompareEntry) => {
    const label = (sample: number) => `${entry.scheme} · row ${sample}`;
    const toRun: number[] = [];
    for (const sample of samples) {
      const kept = await deps.kept?.get(entry.document, sample);
      if (!kept) toRun.push(sample);
      else finish({ ...kept.outcome, scheme: entry.scheme, kept: true, finals: kept.finals.map((f) => ({ ...f, scheme: entry.scheme, sample, score: kept.outcome.score })) }, label(sample));
    }
    if (!toRun.length || deps.signal?.aborted || stop) return;
    try {
      const batch = await runSamples(entry.document, {
        samples: toRun.map((sample) => ({ label: label(sample), sampleIndex: sample })),
        functions: deps.functions,
        ...(deps.scripts ? { scripts: deps.scripts } : {}),
        concurrency: deps.concurrency,
        seed: deps.seed,
        budget,
        ...(deps.signal ? { signal: deps.signal } : {}),
        prepare: async (s) => {
          const sample = s.sampleIndex as number;
          const [input, { model, cost }] = await Promise.all([deps.input(entry.document, sample), deps.prepareModel(sample)]);
          return { model: slots ? sharingCallSlots(model, slots) : model, cost, input };
        },
        onProgress: (e) => {
          if (e.type === 'sample.start') return deps.onProgress?.(done, total, e.sample.label);
          const run = e.run;
          const sample = run.sample.sampleIndex as number;
          if (run.kind === 'not run') {
            done += 1;
            errors.push(`${entry.scheme}, row ${sample}: ${run.error}`);
            return deps.onProgress?.(done, total, run.sample.label);
          }
          if (run.summary.status === 'cancelled') return;
          const outcome = outcomeOf(run.summary, sample);
          const finals = finalsOf(run, entry.scheme, sample);
          deps.kept?.put(entry.document, sample, { outcome, finals: finals.map((f) => ({ volume: f.volume, latency: f.latency })) });
          finish({ ...outcome, scheme: entry.scheme, kept: false, finals }, run.sample.label);
        },
      });
      if (batch.stop?.kind === 'budget') stop = batch.stop.message;
    } catch (err) {
      if (!(err instanceof GraphInvalidError)) throw err;
      errors.push(`${entry.scheme}: ${err.message}`);
    }
  };

  if (sideBySide) await Promise.all(entries.map(compareOne));
  else for (const entry of entries) if (!deps.signal?.aborted && !stop) await compareOne(entry);
  return { ...comparisonOf(entries.map((e) => e.scheme), outcomes), outcomes, errors, cancelled: deps.signal?.aborted ?? false, stop };
}
