import type { FunctionRegistry, ScriptRunner } from '../functions/types';
import { rebuildGrs } from '../grs/reduce';
import type { Thought } from '../grs/thought';
import type { TokenUsage } from '../models/types';
import { replayModel } from '../run/replay';
import { runGraph } from '../run/runGraph';
import type { Recording, RecordingSample } from './format';

export interface VerifyOptions {
  functions: FunctionRegistry;
  scripts?: ScriptRunner;
}

/** The figures of a thought a re-run must reproduce (not its timings, which the re-run's own clock measures). */
const figures = (t: Thought) => ({
  state: t.state,
  parents: t.parents,
  opId: t.opId,
  score: t.score,
  valid: t.valid,
  solved: t.solved,
  pruned: t.pruned?.opId ?? null,
  volume: t.volume,
  latency: t.latency,
  promptTokens: t.promptTokens,
  completionTokens: t.completionTokens,
  cost: Math.round(t.cost * 1e12),
});

/** The recorded dollars of each usage: the re-run prices its calls as the original run did. */
function recordedCost(sample: RecordingSample): (usage: TokenUsage) => number {
  const byUsage = new Map<string, number>();
  for (const e of sample.events) if (e.type === 'call.done' && !e.cached) byUsage.set(`${e.promptTokens}:${e.completionTokens}`, e.cost);
  return (u) => byUsage.get(`${u.promptTokens}:${u.completionTokens}`) ?? 0;
}

/**
 * Runs a recorded run's graph again through the real engine, with a model that answers every call
 * from the recording (`replayModel`), and lists where the result differs from the recording:
 * thoughts (state, lineage, score, validity, volume, latency, tokens, cost) and totals. An empty
 * list means the recording is what this engine makes of those answers.
 */
export async function verifyRecordingSample(recording: Recording, index: number, options: VerifyOptions): Promise<string[]> {
  const sample = recording.samples[index];
  if (!sample) return [`there is no run #${index} in the recording`];
  const original = rebuildGrs(sample.events);
  const { settings } = recording;
  const again = await runGraph(recording.document, {
    model: replayModel(sample.events, { baseUrl: settings.baseUrl, model: settings.model }),
    functions: options.functions,
    ...(options.scripts ? { scripts: options.scripts } : {}),
    input: sample.input,
    seed: settings.seed,
    concurrency: settings.concurrency,
    budget: settings.budget,
    sampleIndex: sample.sampleIndex,
    cost: recordedCost(sample),
  });
  const diffs: string[] = [];
  const ids = new Set([...original.thoughtOrder, ...again.grs.thoughtOrder]);
  for (const id of ids) {
    const a = original.thoughts[id];
    const b = again.grs.thoughts[id];
    if (!a || !b) diffs.push(`thought ${id}: ${a ? 'missing from the re-run' : 'made by the re-run only'}`);
    else if (JSON.stringify(figures(a)) !== JSON.stringify(figures(b))) diffs.push(`thought ${id}: ${JSON.stringify(figures(a))} became ${JSON.stringify(figures(b))}`);
  }
  const s = original.summary;
  const r = again.summary;
  for (const k of ['status', 'requests', 'completions', 'promptTokens', 'completionTokens', 'bestScore', 'solved'] as const) {
    if (s && s[k] !== r[k]) diffs.push(`run ${k}: ${String(s[k])} became ${String(r[k])}`);
  }
  return diffs;
}
