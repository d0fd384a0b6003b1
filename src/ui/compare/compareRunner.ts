import {
  runGraph,
  type FunctionRegistry,
  type GotDocument,
  type LanguageModel,
  type ScriptRunner,
  type ThoughtState,
  type TokenUsage,
} from '../../engine/index';
import { compareSchemes, outcomeOf, type SampleOutcome, type SchemeComparison } from '../../engine/index';

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
}

export interface CompareDeps {
  prepareModel: (sampleIndex: number) => Promise<{ model: LanguageModel; cost: (u: TokenUsage) => number }>;
  functions: FunctionRegistry;
  scripts?: ScriptRunner;
  input: (doc: GotDocument, sample: number) => Promise<ThoughtState>;
  concurrency: number;
  seed: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label: string) => void;
}

/** Runs every graph on the same samples, one run at a time, and gathers the paper's comparison. */
export async function runComparison(
  entries: readonly CompareEntry[],
  samples: readonly number[],
  deps: CompareDeps,
): Promise<CompareResult> {
  const outcomes: CompareResult['outcomes'] = [];
  const finals: FinalPoint[] = [];
  const errors: string[] = [];
  const total = entries.length * samples.length;
  let done = 0;
  for (const entry of entries) {
    for (const sample of samples) {
      if (deps.signal?.aborted) break;
      deps.onProgress?.(done, total, `${entry.scheme} · row ${sample}`);
      try {
        const [input, { model, cost }] = await Promise.all([deps.input(entry.document, sample), deps.prepareModel(sample)]);
        const result = await runGraph(entry.document, {
          model,
          cost,
          functions: deps.functions,
          scripts: deps.scripts,
          input,
          concurrency: deps.concurrency,
          seed: deps.seed,
          sampleIndex: sample,
          signal: deps.signal,
        });
        if (result.summary.status === 'cancelled') break;
        outcomes.push({ ...outcomeOf(result.summary, sample), scheme: entry.scheme });
        const byId = new Map(
          result.events.flatMap((e) =>
            e.type === 'thought.created' || e.type === 'thought.input' ? [[e.thought.id as string, e.thought] as const] : [],
          ),
        );
        for (const id of result.summary.finalThoughtIds) {
          const t = byId.get(id);
          if (t) finals.push({ scheme: entry.scheme, sample, volume: t.volume, latency: t.latency, score: result.summary.bestScore });
        }
      } catch (err) {
        errors.push(`${entry.scheme}, row ${sample}: ${err instanceof Error ? err.message : String(err)}`);
      }
      done += 1;
      deps.onProgress?.(done, total, `${entry.scheme} · row ${sample}`);
    }
  }
  const rows = compareSchemes(entries.map((e) => ({ scheme: e.scheme, outcomes: outcomes.filter((o) => o.scheme === e.scheme) })));
  return { rows, outcomes, finals, errors, cancelled: deps.signal?.aborted ?? false };
}
