import { z } from 'zod';
import { documentSchema } from '../graph/document';
import { RECORDING_FORMAT, RECORDING_VERSION } from './format';

/** Ids become record keys in the GRS: never a key that reaches an object's prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const idSchema = z
  .string()
  .min(1)
  .max(500)
  .refine((s) => !FORBIDDEN_KEYS.has(s), { message: 'this id is not allowed' });
const time = z.number().finite().min(0);
const count = z.number().int().min(0);
const money = z.number().finite().min(0);
const score = z.number().nullable();
const stateSchema = z.record(z.string(), z.unknown());
/** JSON has no Infinity: an unlimited concurrency is written as null. */
const concurrencySchema = z
  .number()
  .positive()
  .nullable()
  .transform((n) => n ?? Number.POSITIVE_INFINITY);

export const budgetSchema = z.object({ requests: z.number().min(0).optional(), tokens: z.number().min(0).optional(), cost: z.number().min(0).optional() });
const modelIdSchema = z.object({ baseUrl: z.string().max(2000), model: z.string().max(500) });
const totalsSchema = z.object({ requests: count, completions: count, cacheHits: count, promptTokens: count, completionTokens: count, cost: money });
const annotationsSchema = z.object({ score, scored: z.boolean(), valid: z.boolean().nullable(), validated: z.boolean(), solved: z.boolean().nullable(), compared: z.boolean() });

const thoughtSchema = annotationsSchema.extend({
  id: idSchema,
  kind: z.enum(['input', 'llm']),
  opId: idSchema.nullable(),
  parents: z.array(idSchema),
  state: stateSchema,
  origin: z.object({ callId: idSchema, completion: count, part: count }).nullable(),
  parseError: z.object({ message: z.string(), raw: z.string() }).optional(),
  volume: count,
  latency: count,
  ms: time,
  finishedAt: time,
  promptTokens: z.number().min(0),
  completionTokens: z.number().min(0),
  cost: money,
  criticalMs: time,
  pruned: z.object({ opId: idSchema, reason: z.string() }).nullable(),
});

const summarySchema = totalsSchema.extend({
  status: z.enum(['completed', 'failed', 'cancelled', 'budget']),
  reason: z.string().optional(),
  budgetCap: z.enum(['requests', 'tokens', 'cost']).optional(),
  unrecorded: z.array(z.enum(['requests', 'completions', 'cacheHits', 'wallMs', 'criticalPath'])).optional(),
  wallMs: time,
  criticalPath: z.object({ hops: count, ms: time, thoughtIds: z.array(idSchema) }),
  finalThoughtIds: z.array(idSchema),
  bestScore: score,
  solved: z.boolean().nullable(),
});

const errorKind = z.enum(['auth', 'notFound', 'rateLimit', 'server', 'timeout', 'stall', 'connection', 'aborted', 'badRequest', 'badAnswer', 'budget', 'unknown']);
const messageSchema = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });

export const runSettingsSchema = z.object({
  model: modelIdSchema,
  concurrency: concurrencySchema,
  budget: budgetSchema,
  seed: z.number().int(),
  cache: z.boolean(),
  sampleIndex: count.nullable(),
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
    outputs: z.array(annotationsSchema.extend({ id: idSchema })),
    totals: totalsSchema,
    ms: time,
    error: z.string().optional(),
  }),
  z.object({
    type: z.literal('call.start'),
    at: time,
    callId: idSchema,
    opId: idSchema,
    purpose: z.enum(['generate', 'aggregate', 'improve', 'score', 'validate']),
    inputIds: z.array(idSchema),
    messages: z.array(messageSchema),
    n: z.number().int().min(1),
    seed: z.number().int().optional(),
    temperature: z.number().optional(),
    maxTokens: z.number().int().optional(),
  }),
  z.object({ type: z.literal('call.token'), at: time, callId: idSchema, index: count, delta: z.string() }),
  z.object({ type: z.literal('call.retry'), at: time, callId: idSchema, attempt: count, reason: z.string(), status: z.number().int().optional(), delayMs: time }),
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
  annotationsSchema.partial().extend({ type: z.literal('thought.annotated'), at: time, thoughtId: idSchema, opId: idSchema }),
  z.object({ type: z.literal('thought.pruned'), at: time, thoughtId: idSchema, opId: idSchema, reason: z.string() }),
  z.object({ type: z.literal('log'), at: time, level: z.enum(['info', 'warn', 'error']), message: z.string(), opId: idSchema.optional(), thoughtId: idSchema.optional() }),
  z.object({ type: z.literal('run.done'), at: time, summary: summarySchema }),
]);

/** The model a recording was made with, without secrets. */
export const recordingModelSchema = z.object({
  baseUrl: z.string().max(2000),
  model: z.string().max(500),
  concurrency: concurrencySchema,
  budget: budgetSchema,
  seed: z.number().int(),
  cache: z.boolean(),
});

export const recordingSampleSchema = z.object({
  sampleIndex: count.nullable(),
  input: stateSchema,
  events: z.array(runEventSchema).min(1),
});


export const recordingSchema = z.object({
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(RECORDING_VERSION),
  title: z.string().max(1000),
  createdAt: z.string().max(100).optional(),
  /** Where the graph came from (a file name), if anywhere. */
  source: z.string().max(1000).nullable().default(null),
  document: documentSchema,
  settings: recordingModelSchema,
  samples: z.array(recordingSampleSchema).min(1),
});
