import { z } from 'zod/mini';
import { hashString, serializeDocument, type GotDocument, type SampleOutcome } from '../../engine/index';

/** What a kept result is for: one graph on one dataset row with one model (never a key) and seed. */
export interface KeptChoice {
  document: GotDocument;
  sample: number;
  /** The model's identity and prices: what shapes its answers and costs, without secrets. */
  model: { provider: string; baseUrl: string; model: string; price: { input: number; output: number } };
  seed: number;
}

/** One finished run kept for later: its outcome and its final thoughts' volume and latency. */
export interface KeptSample {
  outcome: SampleOutcome;
  finals: Array<{ volume: number; latency: number }>;
}

/** What shapes a run's result in a graph: its operations, task and dataset; not its title, layout, comments or default input. */
export function graphContentHash(doc: GotDocument): string {
  const { dataset } = doc;
  const bare: GotDocument = {
    ...doc,
    title: '',
    description: '',
    scheme: undefined,
    input: {},
    comments: [],
    dataset: dataset ? { file: dataset.file, loader: dataset.loader, sample: 0 } : undefined,
    operations: doc.operations.map((op) => ({ id: op.id, type: op.type, inputs: op.inputs, params: op.params })),
  };
  return hashString(serializeDocument(bare));
}

/** The kept result's key: a hash, so nothing of the settings can be read back from it. */
export function keptResultKey(choice: KeptChoice): string {
  const { model } = choice;
  return hashString(
    JSON.stringify(['kept-v1', graphContentHash(choice.document), choice.sample, model.provider, model.baseUrl, model.model, model.price.input, model.price.output, choice.seed]),
  );
}

const count = z.number().check(z.gte(0));
const outcomeSchema = z.object({
  sampleIndex: z.nullable(z.int()),
  status: z.literal('completed'),
  score: z.nullable(z.number()),
  solved: z.nullable(z.boolean()),
  wallMs: count,
  requests: count,
  completions: count,
  cacheHits: count,
  promptTokens: count,
  completionTokens: count,
  cost: count,
});
const keptSampleSchema = z.object({
  outcome: outcomeSchema,
  finals: z.array(z.object({ volume: count, latency: count })).check(z.maxLength(1000)),
});

/** A stored entry if it has the shape of a kept result for `sample`, else null (stored entries are not trusted). */
export function checkKeptSample(value: unknown, sample: number): KeptSample | null {
  const parsed = keptSampleSchema.safeParse(value);
  if (!parsed.success || parsed.data.outcome.sampleIndex !== sample) return null;
  return parsed.data;
}
