import { z } from 'zod/mini';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type GotDocument, type OperationNode } from '../graph/document';
import { operationId, runId, thoughtId, type ThoughtId } from '../graph/ids';
import { thoughtStateSchema, type ThoughtState } from '../graph/specs';
import { UNANNOTATED, type Thought, type ThoughtAnnotations } from '../grs/thought';
import type { OperationType } from '../operations/definition';
import { REFERENCE_OPERATION_NAMES } from '../report/exportRun';
import type { RunEvent } from '../run/events';
import { REFERENCE_IMPORT_BANNER } from './banner';
import { zeroTotals } from '../grs/state';

/** Limits on an untrusted output_graph file. */
export const REFERENCE_LIMITS = { bytes: 20_000_000, operations: 2_000, thoughts: 50_000 } as const;

/** What the imported run says about itself, shown as a banner. */

const flags = z.array(z.boolean()).check(z.maxLength(REFERENCE_LIMITS.thoughts));
const nullableList = <T extends z.ZodMiniType>(item: T) => z.optional(z.array(z.nullable(item)).check(z.maxLength(REFERENCE_LIMITS.thoughts)));
const operationEntrySchema = z.strictObject({
  operation: z.string().check(z.minLength(1), z.maxLength(64)),
  thoughts: z.array(thoughtStateSchema).check(z.maxLength(REFERENCE_LIMITS.thoughts)),
  scored: z.optional(flags),
  scores: nullableList(z.number()),
  validated: z.optional(flags),
  validity: nullableList(z.boolean()),
  compared_to_ground_truth: z.optional(flags),
  problem_solved: nullableList(z.boolean()),
});
const totalsEntrySchema = z.strictObject({ prompt_tokens: z.number().check(z.gte(0)), completion_tokens: z.number().check(z.gte(0)), cost: z.number().check(z.gte(0)) });

type OperationEntry = z.infer<typeof operationEntrySchema>;

/** A reference output read into GoT Studio's shapes: a document with one unconnected operation per entry, and a run's events. */
export interface ImportedReference {
  document: GotDocument;
  events: RunEvent[];
  /** What the file cannot say (no lineage, no request counts…). */
  notes: string[];
}

export type ReferenceImportResult = { ok: true; value: ImportedReference } | { ok: false; errors: string[] };

const TYPE_OF_NAME = new Map<string, OperationType>(Object.entries(REFERENCE_OPERATION_NAMES).map(([type, name]) => [name, type as OperationType]));

/** Whether a parsed JSON value looks like an output_graph file (a list of `{operation, thoughts}` then token totals). */
export function isReferenceOutput(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  const first: unknown = value[0];
  const last: unknown = value[value.length - 1];
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  return isObject(last) && 'prompt_tokens' in last && (value.length === 1 || (isObject(first) && 'operation' in first && 'thoughts' in first));
}

/** Python's json writes NaN and Infinity for scores it could not compute; JSON has no such values, so they become null. */
function pythonJson(text: string): unknown {
  return JSON.parse(text.replace(/([[,:]\s*)(?:NaN|-?Infinity)(?=\s*[,\]}])/g, '$1null'));
}

function issueText(where: string, issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${where}${path ? `, field ${path.replace(/^\./, '')}` : ''}: ${issue.message}`;
}

/** Checks each entry; errors name the operation index (1-based) and the field. */
function readEntries(value: unknown): { ok: true; ops: OperationEntry[]; totals: z.infer<typeof totalsEntrySchema> } | { ok: false; errors: string[] } {
  if (!Array.isArray(value)) return { ok: false, errors: ['the file is not a JSON list (an output_graph file is a list of operations then the token totals)'] };
  if (value.length === 0) return { ok: false, errors: ['the list is empty: an output_graph file ends with the token totals'] };
  if (value.length - 1 > REFERENCE_LIMITS.operations) return { ok: false, errors: [`the file lists ${value.length - 1} operations; at most ${REFERENCE_LIMITS.operations} are read`] };
  const errors: string[] = [];
  const ops: OperationEntry[] = [];
  let thoughtCount = 0;
  value.slice(0, -1).forEach((raw, i) => {
    const where = `operation ${i + 1}`;
    const r = operationEntrySchema.safeParse(raw);
    if (!r.success) {
      errors.push(...r.error.issues.slice(0, 5).map((issue) => issueText(where, issue)));
      return;
    }
    const e = r.data;
    if (!TYPE_OF_NAME.has(e.operation)) errors.push(`${where}, field operation: "${e.operation.slice(0, 40)}" is not an operation of the reference framework`);
    for (const key of ['scored', 'scores', 'validated', 'validity', 'compared_to_ground_truth', 'problem_solved'] as const) {
      const list = e[key];
      if (list && list.length !== e.thoughts.length) errors.push(`${where}, field ${key}: has ${list.length} entries for ${e.thoughts.length} thoughts`);
    }
    thoughtCount += e.thoughts.length;
    ops.push(e);
  });
  if (thoughtCount > REFERENCE_LIMITS.thoughts) errors.push(`the file holds ${thoughtCount} thoughts; at most ${REFERENCE_LIMITS.thoughts} are read`);
  const t = totalsEntrySchema.safeParse(value[value.length - 1]);
  if (!t.success) errors.push(...t.error.issues.slice(0, 3).map((issue) => issueText('the last entry (token totals)', issue)));
  if (errors.length > 0 || !t.success) return { ok: false, errors: errors.slice(0, 20) };
  return { ok: true, ops, totals: t.data };
}

function thoughtOf(id: ThoughtId, opId: string | null, state: ThoughtState, a: ThoughtAnnotations): Thought {
  return {
    id,
    kind: opId === null ? 'input' : 'llm',
    opId: opId === null ? null : operationId(opId),
    parents: [],
    state,
    origin: null,
    volume: 0,
    latency: 0,
    ms: 0,
    finishedAt: 0,
    promptTokens: 0,
    completionTokens: 0,
    cost: 0,
    criticalMs: 0,
    ...UNANNOTATED,
    ...a,
  };
}

function annotationsOf(e: OperationEntry, i: number): ThoughtAnnotations {
  const scored = e.scored?.[i] ?? false;
  const validated = e.validated?.[i] ?? false;
  const compared = e.compared_to_ground_truth?.[i] ?? false;
  return {
    scored,
    score: scored ? (e.scores?.[i] ?? null) : null,
    validated,
    valid: validated ? (e.validity?.[i] ?? null) : null,
    compared,
    solved: compared ? (e.problem_solved?.[i] ?? null) : null,
  };
}

/**
 * Reads the JSON that the reference framework's Controller.output_graph writes (untrusted: sizes
 * are bounded and every error names the operation and field). The file keeps each operation's
 * thoughts but not which thought came from which, so the result has no edges: each operation
 * becomes an unconnected operation whose thoughts are shown as it reported them.
 */
export function parseReferenceOutput(text: string, title = 'Reference framework output'): ReferenceImportResult {
  if (text.length > REFERENCE_LIMITS.bytes) return { ok: false, errors: [`the file is ${text.length} characters; at most ${REFERENCE_LIMITS.bytes} are read`] };
  let value: unknown;
  try {
    value = pythonJson(text);
  } catch (err) {
    return { ok: false, errors: [`the file is not JSON: ${(err as Error).message}`] };
  }
  const read = readEntries(value);
  if (!read.ok) return read;
  const operations: OperationNode[] = read.ops.map((e, i) => ({
    id: `op-${i + 1}`,
    type: TYPE_OF_NAME.get(e.operation) as OperationType,
    label: `${i + 1}. ${e.operation}`,
    inputs: [],
    params: {},
    position: { x: (i % 6) * 260, y: Math.floor(i / 6) * 160 },
  }));
  const document: GotDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    title,
    description: `${REFERENCE_IMPORT_BANNER}. Token totals from the file: ${read.totals.prompt_tokens} prompt, ${read.totals.completion_tokens} completion.`,
    input: {},
    operations,
    comments: [],
  };
  const events: RunEvent[] = [
    { type: 'run.start', runId: runId('reference-import'), at: 0, document, input: {}, settings: { model: { baseUrl: 'reference-framework', model: 'unknown' }, concurrency: 1, budget: {}, seed: 0, cache: false, sampleIndex: null } },
    { type: 'thought.input', at: 0, thought: thoughtOf(thoughtId('input'), null, {}, UNANNOTATED) },
  ];
  let last: ThoughtId[] = [];
  read.ops.forEach((e, i) => {
    const opId = operationId(`op-${i + 1}`);
    events.push({ type: 'operation.start', at: 0, opId });
    const outputs = e.thoughts.map((state, j) => {
      const t = thoughtOf(thoughtId(`op-${i + 1}.t${j + 1}`), opId, state, annotationsOf(e, j));
      events.push({ type: 'thought.created', at: 0, thought: t });
      return { id: t.id, score: t.score, scored: t.scored, valid: t.valid, validated: t.validated, solved: t.solved, compared: t.compared };
    });
    events.push({ type: 'operation.done', at: 0, opId, status: 'done', outputs, totals: zeroTotals(), ms: 0 });
    last = outputs.map((o) => o.id);
  });
  const finals = read.ops[read.ops.length - 1];
  const finalScores = (finals?.scores ?? []).filter((s): s is number => s !== null);
  const solvedFlags = read.ops.flatMap((e) => (e.compared_to_ground_truth ?? []).map((c, j) => (c ? (e.problem_solved?.[j] ?? null) : null)));
  events.push({
    type: 'run.done',
    at: 0,
    summary: {
      ...zeroTotals(),
      promptTokens: read.totals.prompt_tokens,
      completionTokens: read.totals.completion_tokens,
      cost: read.totals.cost,
      status: 'completed',
      unrecorded: ['requests', 'completions', 'cacheHits', 'wallMs', 'criticalPath'],
      wallMs: 0,
      criticalPath: { hops: 0, ms: 0, thoughtIds: [] },
      finalThoughtIds: last,
      bestScore: finalScores.length > 0 ? finalScores[0] ?? null : null,
      solved: solvedFlags.some((s) => s !== null) ? solvedFlags.some((s) => s === true) : null,
    },
  });
  const notes = [
    'The reference output has no lineage: each operation is shown with its own thoughts and no edges.',
    'It has no request or completion counts, timings or prompts: only the token totals and cost.',
  ];
  return { ok: true, value: { document, events, notes } };
}
