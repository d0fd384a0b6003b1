import { z } from 'zod/mini';
import { documentSchema } from '../graph/document';
import { RECORDING_FORMAT, RECORDING_VERSION } from './format';

// zod/mini, as the graph's schemas: the player's prefetch stays small. zod 4 numbers are always finite.

/** Ids become record keys in the GRS: never a key that reaches an object's prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const idSchema = z.string().check(
  z.minLength(1),
  z.maxLength(500),
  z.refine((s) => !FORBIDDEN_KEYS.has(s), { message: 'this id is not allowed' }),
);
const time = z.number().check(z.gte(0));
const count = z.int().check(z.gte(0));
const money = z.number().check(z.gte(0));
const score = z.nullable(z.number());
const stateSchema = z.record(z.string(), z.unknown());
const text = (max: number) => z.string().check(z.maxLength(max));
/** JSON has no Infinity: an unlimited concurrency is written as null. */
const concurrencySchema = z.pipe(
  z.nullable(z.number().check(z.positive())),
  z.transform((n: number | null) => n ?? Number.POSITIVE_INFINITY),
);

export const budgetSchema = z.object({ requests: z.optional(z.number().check(z.gte(0))), tokens: z.optional(z.number().check(z.gte(0))), cost: z.optional(z.number().check(z.gte(0))) });
const modelIdSchema = z.object({ baseUrl: text(2000), model: text(500) });
const totalsSchema = z.object({ requests: count, completions: count, cacheHits: count, promptTokens: count, completionTokens: count, cost: money });
const annotationsSchema = z.object({ score, scored: z.boolean(), valid: z.nullable(z.boolean()), validated: z.boolean(), solved: z.nullable(z.boolean()), compared: z.boolean() });

const thoughtSchema = z.extend(annotationsSchema, {
  id: idSchema,
  kind: z.enum(['input', 'llm']),
  opId: z.nullable(idSchema),
  parents: z.array(idSchema),
  state: stateSchema,
  origin: z.nullable(z.object({ callId: idSchema, completion: count, part: count })),
  parseError: z.optional(z.object({ message: z.string(), raw: z.string() })),
  volume: count,
  latency: count,
  ms: time,
  finishedAt: time,
  promptTokens: z.number().check(z.gte(0)),
  completionTokens: z.number().check(z.gte(0)),
  cost: money,
  criticalMs: time,
  pruned: z.nullable(z.object({ opId: idSchema, reason: z.string() })),
});

const summarySchema = z.extend(totalsSchema, {
  status: z.enum(['completed', 'failed', 'cancelled', 'budget']),
  reason: z.optional(z.string()),
  budgetCap: z.optional(z.enum(['requests', 'tokens', 'cost'])),
  unrecorded: z.optional(z.array(z.enum(['requests', 'completions', 'cacheHits', 'wallMs', 'criticalPath']))),
  wallMs: time,
  criticalPath: z.object({ hops: count, ms: time, thoughtIds: z.array(idSchema) }),
  finalThoughtIds: z.array(idSchema),
  bestScore: score,
  solved: z.nullable(z.boolean()),
});

const errorKind = z.enum(['auth', 'notFound', 'rateLimit', 'server', 'timeout', 'stall', 'connection', 'aborted', 'badRequest', 'badAnswer', 'budget', 'unknown']);
const messageSchema = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });

export const runSettingsSchema = z.object({
  model: modelIdSchema,
  concurrency: concurrencySchema,
  budget: budgetSchema,
  seed: z.int(),
  cache: z.boolean(),
  sampleIndex: z.nullable(count),
});

/** One event of a run's log, as the engine's RunEventMap defines it (src/engine/run/events.ts). */
export const runEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run.start'), at: time, runId: idSchema, document: documentSchema, input: stateSchema, settings: runSettingsSchema }),
  z.object({ type: z.literal('thought.input'), at: time, thought: thoughtSchema }),
  z.object({ type: z.literal('thought.created'), at: time, thought: thoughtSchema }),
  z.object({ type: z.literal('operation.start'), at: time, opId: idSchema }),
  z.object({
    type: z.literal('operation.done'),
    at: time,
    opId: idSchema,
    status: z.enum(['done', 'failed', 'skipped', 'cancelled']),
    outputs: z.array(z.extend(annotationsSchema, { id: idSchema })),
    totals: totalsSchema,
    ms: time,
    error: z.optional(z.string()),
  }),
  z.object({
    type: z.literal('call.start'),
    at: time,
    callId: idSchema,
    opId: idSchema,
    purpose: z.enum(['generate', 'aggregate', 'improve', 'score', 'validate']),
    inputIds: z.array(idSchema),
    messages: z.array(messageSchema),
    n: z.int().check(z.gte(1)),
    seed: z.optional(z.int()),
    temperature: z.optional(z.number()),
    maxTokens: z.optional(z.int()),
  }),
  z.object({ type: z.literal('call.token'), at: time, callId: idSchema, index: count, delta: z.string() }),
  z.object({ type: z.literal('call.retry'), at: time, callId: idSchema, attempt: count, reason: z.string(), status: z.optional(z.int()), delayMs: time }),
  z.object({
    type: z.literal('call.done'),
    at: time,
    callId: idSchema,
    texts: z.array(z.string()),
    promptTokens: count,
    completionTokens: count,
    cost: money,
    ms: time,
    cached: z.boolean(),
    requests: count,
  }),
  z.object({ type: z.literal('call.error'), at: time, callId: idSchema, opId: idSchema, kind: errorKind, message: z.string() }),
  z.extend(z.partial(annotationsSchema), { type: z.literal('thought.annotated'), at: time, thoughtId: idSchema, opId: idSchema }),
  z.object({ type: z.literal('thought.pruned'), at: time, thoughtId: idSchema, opId: idSchema, reason: z.string() }),
  z.object({ type: z.literal('log'), at: time, level: z.enum(['info', 'warn', 'error']), message: z.string(), opId: z.optional(idSchema), thoughtId: z.optional(idSchema) }),
  z.object({ type: z.literal('run.done'), at: time, summary: summarySchema }),
]);

/** The model a recording was made with, without secrets. */
export const recordingModelSchema = z.object({
  baseUrl: text(2000),
  model: text(500),
  concurrency: concurrencySchema,
  budget: budgetSchema,
  seed: z.int(),
  cache: z.boolean(),
});

export const recordingSampleSchema = z.object({
  sampleIndex: z.nullable(count),
  input: stateSchema,
  events: z.array(runEventSchema).check(z.minLength(1)),
});

export const recordingSchema = z.object({
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(RECORDING_VERSION),
  title: text(1000),
  createdAt: z.optional(text(100)),
  /** Where the graph came from (a file name), if anywhere. */
  source: z._default(z.nullable(text(1000)), null),
  document: documentSchema,
  settings: recordingModelSchema,
  samples: z.array(recordingSampleSchema).check(z.minLength(1)),
});
