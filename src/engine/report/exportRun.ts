import type { GotDocument } from '../graph/document';
import type { JsonValue, ThoughtState } from '../graph/specs';
import { operationOrder } from '../graph/structure';
import { rebuildGrs } from '../grs/reduce';
import type { CallRecord, GrsState, OperationRunState } from '../grs/state';
import type { Thought } from '../grs/thought';
import { displayUrl } from '../models/openaiErrors';
import type { ChatMessage } from '../models/types';
import type { OperationType } from '../operations/definition';
import type { Budget, RunEvent, RunStatus, RunSummary, RunTotals, UnrecordedFigure } from '../run/events';
import { sumTotals, totalsOf } from './totals';

/**
 * Builds the JSON export of a run (one or many samples). Pure and platform-free so the browser
 * app can reuse it for "export run as JSON". The shape is a superset of the reference framework's
 * output: each sample's `operations` list is the reference's list (one object per operation in
 * topological order, then `{prompt_tokens, completion_tokens, cost}`), with our extra fields.
 */

export interface ExportSampleInput {
  /** The dataset row, or null for an input given directly. */
  sampleIndex: number | null;
  input: ThoughtState;
  /** The run's events in order (a partial list for a cancelled run). */
  events: readonly RunEvent[];
  /** The run's summary; taken from the `run.done` event when absent. */
  summary?: RunSummary;
}

export interface ExportRunInput {
  document: GotDocument;
  /** Where the graph came from (a file name), if anywhere. */
  source?: string;
  settings: { model: { baseUrl: string; model: string }; concurrency: number; budget: Budget; seed: number; cache: boolean };
  samples: readonly ExportSampleInput[];
  /** Copy every sample's event log into the export. */
  includeEvents?: boolean;
  /** ISO time stamp of the export (passed in: this module reads no clock). */
  createdAt?: string;
}

/** The reference framework's name for each operation type (its output's `operation` field). */
export const REFERENCE_OPERATION_NAMES = {
  generate: 'generate',
  aggregate: 'aggregate',
  improve: 'improve',
  score: 'score',
  validateAndImprove: 'validate_and_improve',
  keepBestN: 'keep_best_n',
  keepValid: 'keep_valid',
  groundTruth: 'ground_truth_evaluator',
  selector: 'selector',
} as const satisfies Record<OperationType, string>;

/** One operation as the reference framework reports it, plus ids, status and totals. */
export interface ExportedOperation {
  /** The reference framework's name, e.g. `keep_best_n`. */
  operation: string;
  /** The Studio's operation type, e.g. `keepBestN`. */
  type: string;
  id: string;
  label: string;
  status: string;
  error?: string;
  ms: number | null;
  thoughtIds: string[];
  thoughts: ThoughtState[];
  scored: boolean[];
  scores: (number | null)[];
  validated: boolean[];
  validity: (boolean | null)[];
  compared_to_ground_truth: boolean[];
  problem_solved: (boolean | null)[];
  requests: number;
  completions: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
}

export interface ExportedTokenTotals {
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
}

export interface ExportedThought {
  id: string;
  kind: 'input' | 'llm';
  operation: string | null;
  parents: string[];
  state: ThoughtState;
  score: number | null;
  scored: boolean;
  valid: boolean | null;
  validated: boolean;
  solved: boolean | null;
  compared: boolean;
  pruned: { opId: string; reason: string } | null;
  volume: number;
  latency: number;
  promptTokens: number;
  completionTokens: number;
  cost: number;
  ms: number;
  finishedAt: number;
  criticalMs: number;
  callId: string | null;
  parseError?: { message: string; raw: string };
}

export interface ExportedCall {
  id: string;
  opId: string;
  purpose: string;
  n: number;
  inputIds: string[];
  messages: ChatMessage[];
  startedAt: number;
  finishedAt: number | null;
  ms: number | null;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  cost: number;
  cached: boolean;
  retries: number;
  texts: string[];
  error?: { kind: string; message: string };
}

/** Totals in a report: a count the run's source did not record is null, never a made-up 0. */
export type ReportTotals = Omit<RunTotals, 'requests' | 'completions' | 'cacheHits'> & { requests: number | null; completions: number | null; cacheHits: number | null };

export interface ExportedSample extends ReportTotals {
  sampleIndex: number | null;
  input: ThoughtState;
  status: RunStatus | 'incomplete';
  reason?: string;
  budgetCap?: string;
  score: number | null;
  solved: boolean | null;
  /** Null when the source did not record it (an imported reference output). */
  wallMs: number | null;
  criticalPathMs: number | null;
  criticalPathHops: number | null;
  criticalPath: string[];
  finalThoughtIds: string[];
  /** The reference framework's output list: operations in topological order, then the token totals. */
  operations: (ExportedOperation | ExportedTokenTotals)[];
  thoughts: ExportedThought[];
  /** GRS edges: parent thought → child thought. */
  edges: { from: string; to: string }[];
  calls: ExportedCall[];
  logs: { at: number; level: string; message: string; opId?: string; thoughtId?: string }[];
  events?: RunEvent[];
}

export interface ExportedRun {
  format: 'got-studio-run';
  version: 1;
  createdAt?: string;
  graph: { title: string; scheme: string | null; task: string | null; source: string | null; operations: number };
  settings: ExportRunInput['settings'];
  samples: ExportedSample[];
  /** A field is null when no sample recorded it. */
  totals: ReportTotals & { samples: number; solved: number; wallMs: number | null };
}

const COUNT_FIELDS = ['requests', 'completions', 'cacheHits'] as const;

/** Sums the samples' totals; a field no sample recorded stays null. */
function sumReportTotals(samples: readonly ExportedSample[]): ExportedRun['totals'] {
  const sum = sumTotals(samples.map((s) => ({ ...s, requests: s.requests ?? 0, completions: s.completions ?? 0, cacheHits: s.cacheHits ?? 0 })));
  const recorded = (k: (typeof COUNT_FIELDS)[number] | 'wallMs') => samples.length === 0 || samples.some((s) => s[k] !== null);
  const out: ExportedRun['totals'] = { samples: samples.length, solved: samples.filter((s) => s.solved === true).length, ...sum, wallMs: recorded('wallMs') ? samples.reduce((t, s) => t + (s.wallMs ?? 0), 0) : null };
  for (const k of COUNT_FIELDS) if (!recorded(k)) out[k] = null;
  return out;
}

/** The totals with the figures the run did not record as null. */
function reportTotals(totals: RunTotals, unrecorded: ReadonlySet<UnrecordedFigure>): ReportTotals {
  const out: ReportTotals = totalsOf(totals);
  for (const k of COUNT_FIELDS) if (unrecorded.has(k)) out[k] = null;
  return out;
}

/** Operation ids in dataflow order; any on a cycle (a recording may hold anything) follow in document order. */
export function topologicalOrder(document: GotDocument): string[] {
  const order = operationOrder(document).map((o) => o.id);
  const placed = new Set(order);
  for (const o of document.operations) {
    if (placed.has(o.id)) continue;
    placed.add(o.id);
    order.push(o.id);
  }
  return order;
}

/** Removes user:password from a URL, and masks key-like query values, so credentials never reach an export. */
export function redactUrl(url: string): string {
  return displayUrl(url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1'));
}

/** Builds the export of a run; see ExportedRun. */
export function exportRun(input: ExportRunInput): ExportedRun {
  const order = topologicalOrder(input.document);
  const samples = input.samples.map((s) => exportSample(s, input.document, order, input.includeEvents === true));
  return {
    format: 'got-studio-run',
    version: 1,
    ...(input.createdAt === undefined ? {} : { createdAt: input.createdAt }),
    graph: {
      title: input.document.title,
      scheme: input.document.scheme ?? null,
      task: input.document.task ?? null,
      source: input.source ?? null,
      operations: input.document.operations.length,
    },
    settings: { ...input.settings, model: { ...input.settings.model, baseUrl: redactUrl(input.settings.model.baseUrl) } },
    samples,
    totals: sumReportTotals(samples),
  };
}

function exportSample(sample: ExportSampleInput, document: GotDocument, order: readonly string[], includeEvents: boolean): ExportedSample {
  // The engine's reducer is the one reading of an event log (it also knows when a drop by one of
  // several parallel Selectors does not stand); a log without run.start gets one for this document.
  const first = sample.events[0];
  const start = { type: 'run.start', at: 0, runId: 'export', document, input: sample.input, settings: null } as unknown as RunEvent;
  const grs = rebuildGrs(first?.type === 'run.start' ? sample.events : [start, ...sample.events]);
  const summary = sample.summary ?? grs.summary ?? undefined;
  const totals = summary ?? { ...grs.totals, wallMs: grs.at };
  const unrecorded = new Set(summary?.unrecorded ?? []);
  const byId = new Map(document.operations.map((o) => [o.id, o]));
  const operations: ExportedSample['operations'] = order.map((id) => exportOperation(byId.get(id), id, grs.operations[id], grs.thoughts));
  operations.push({ prompt_tokens: totals.promptTokens, completion_tokens: totals.completionTokens, cost: totals.cost });
  const thoughts = grs.thoughtOrder.flatMap((id) => (grs.thoughts[id] ? [fromThought(grs.thoughts[id])] : []));
  return {
    sampleIndex: sample.sampleIndex,
    input: sample.input,
    status: summary?.status ?? 'incomplete',
    ...(summary?.reason === undefined ? {} : { reason: summary.reason }),
    ...(summary?.budgetCap === undefined ? {} : { budgetCap: summary.budgetCap }),
    score: summary?.bestScore ?? null,
    solved: summary?.solved ?? null,
    ...reportTotals(totals, unrecorded),
    wallMs: unrecorded.has('wallMs') ? null : totals.wallMs,
    criticalPathMs: unrecorded.has('criticalPath') ? null : (summary?.criticalPath.ms ?? 0),
    criticalPathHops: unrecorded.has('criticalPath') ? null : (summary?.criticalPath.hops ?? 0),
    criticalPath: [...(summary?.criticalPath.thoughtIds ?? [])],
    finalThoughtIds: [...(summary?.finalThoughtIds ?? [])],
    operations,
    thoughts,
    edges: thoughts.flatMap((t) => t.parents.map((p) => ({ from: p, to: t.id }))),
    calls: grs.callOrder.flatMap((id) => (grs.calls[id] ? [fromCall(grs.calls[id])] : [])),
    logs: grs.logs.map((e) => ({ at: e.at, level: e.level, message: e.message, ...(e.opId ? { opId: e.opId } : {}), ...(e.thoughtId ? { thoughtId: e.thoughtId } : {}) })),
    ...(includeEvents ? { events: [...sample.events] } : {}),
  };
}

function fromThought(t: Thought): ExportedThought {
  return {
    id: t.id,
    kind: t.kind,
    operation: t.opId,
    parents: [...t.parents],
    state: structuredCloneJson(t.state),
    score: t.score,
    scored: t.scored,
    valid: t.valid,
    validated: t.validated,
    solved: t.solved,
    compared: t.compared,
    pruned: t.pruned ? { opId: t.pruned.opId, reason: t.pruned.reason } : null,
    volume: t.volume,
    latency: t.latency,
    promptTokens: t.promptTokens,
    completionTokens: t.completionTokens,
    cost: t.cost,
    ms: t.ms,
    finishedAt: t.finishedAt,
    criticalMs: t.criticalMs,
    callId: t.origin?.callId ?? null,
    ...(t.parseError ? { parseError: { ...t.parseError } } : {}),
  };
}

function fromCall(c: CallRecord): ExportedCall {
  return {
    id: c.id,
    opId: c.opId,
    purpose: c.purpose,
    n: c.n,
    inputIds: [...c.inputIds],
    messages: c.messages.map((m) => ({ ...m })),
    startedAt: c.startedAt,
    finishedAt: c.finishedAt,
    ms: c.ms,
    requests: c.requests,
    promptTokens: c.promptTokens,
    completionTokens: c.completionTokens,
    cost: c.cost,
    cached: c.cached,
    retries: c.retries,
    // Only a finished call's answers: a failed or cut call's streamed text is not an answer.
    texts: c.status === 'done' ? [...c.texts] : [],
    ...(c.error ? { error: { ...c.error } } : {}),
  };
}

function exportOperation(node: GotDocument['operations'][number] | undefined, id: string, op: OperationRunState | undefined, thoughts: GrsState['thoughts']): ExportedOperation {
  const type = node?.type ?? 'unknown';
  const outputs = op?.outputs ?? [];
  const finished = op !== undefined && op.finishedAt !== null;
  return {
    operation: (REFERENCE_OPERATION_NAMES as Record<string, string>)[type] ?? type,
    type,
    id,
    label: node?.label ?? id,
    status: !op || op.status === 'waiting' ? 'not run' : op.status,
    ...(op?.error ? { error: op.error } : {}),
    ms: finished ? (op.finishedAt as number) - (op.startedAt ?? (op.finishedAt as number)) : null,
    thoughtIds: outputs.map((o) => o.id),
    thoughts: outputs.map((o) => structuredCloneJson(thoughts[o.id]?.state ?? {})),
    scored: outputs.map((o) => o.scored),
    scores: outputs.map((o) => o.score),
    validated: outputs.map((o) => o.validated),
    validity: outputs.map((o) => o.valid),
    compared_to_ground_truth: outputs.map((o) => o.compared),
    problem_solved: outputs.map((o) => o.solved),
    requests: op?.totals.requests ?? 0,
    completions: op?.totals.completions ?? 0,
    prompt_tokens: op?.totals.promptTokens ?? 0,
    completion_tokens: op?.totals.completionTokens ?? 0,
    cost: op?.totals.cost ?? 0,
  };
}

// States are JSON: a JSON round trip is a deep copy that works everywhere.
function structuredCloneJson<T extends Record<string, JsonValue>>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
