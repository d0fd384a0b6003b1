import type { GotDocument, OperationNode } from '../graph/document';
import type { ThoughtState } from '../graph/specs';
import type { ThoughtView } from '../functions/types';
import { operationOrder } from '../graph/structure';
import { aggregateBase } from '../operations/aggregate';
import { formatJson, renderTemplate, type RenderContext } from '../prompts/render';
import { approxTokens } from './approxTokens';
import { expectedAnswer, expectedVerdict } from './expected';
import { addRanges, range, scaleRange, type Range } from './range';
import { taskAnswersFor, type TaskAnswers } from './taskAnswers';

/** What one operation is expected to do in a run. */
export interface OperationEstimate {
  thoughtsIn: number;
  thoughtsOut: number;
  requests: Range;
  completions: Range;
  promptTokens: Range;
  completionTokens: Range;
}

/** The expected cost of one run of a graph on its input. */
export interface RunEstimate {
  ops: Record<string, OperationEstimate>;
  /** Expected thoughts carried by each edge, keyed `from->to`. */
  edges: Record<string, number>;
  totals: Omit<OperationEstimate, 'thoughtsIn' | 'thoughtsOut'> & { cost: Range };
  /** Tokens were counted by a guess (characters, or approxTokens) rather than the model's tokenizer or billing rule: show them as "≈". */
  approximate: boolean;
}

/** Dollars per million tokens. */
export interface Pricing {
  promptPerMTok: number;
  completionPerMTok: number;
}

/** Counts the tokens of a text. */
export type TokenCounter = (text: string) => number;

/** A rough token count: about four characters per token for English text and digits. */
export const roughTokens: TokenCounter = (text) => Math.ceil(text.length / 4);

/** The counters that guess a model's tokens without its tokenizer. */
const APPROXIMATE_COUNTERS: ReadonlySet<TokenCounter> = new Set([roughTokens, approxTokens]);

// OpenAI's documented chat framing, which servers (and the simulator) bill: 3 tokens a message, 3 to prime the reply.
const TOKENS_PER_MESSAGE = 3;
const TOKENS_REPLY_PRIMING = 3;
/** Improvements per thought that Validate & Improve likely makes (the range runs from none to every try). */
const LIKELY_IMPROVEMENTS = 1 / 3;
/** Input thoughts rendered into one Aggregate prompt at most (a bigger fan-in is scaled, not rendered). */
const MAX_RENDERED_INPUTS = 1000;

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Whether a declarative selector filter picks one part (e.g. `state.part == "List 2"`). */
const picksOne = (expr: string): boolean => /==/.test(expr) && !/!=|<|>/.test(expr);
const picksOnePart = (op: OperationNode): boolean => {
  const sel = record(op.params.selector);
  return op.type === 'selector' && sel.kind === 'filter' && picksOne(str(sel.expr));
};

// The editor re-estimates on every edit, and most prompts render the same as before: count each text once per counter.
const counted = new WeakMap<TokenCounter, Map<string, number>>();
const MAX_MEMO = 5000;
function memoized(count: TokenCounter): TokenCounter {
  let memo = counted.get(count);
  if (!memo) counted.set(count, (memo = new Map()));
  const known = memo;
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined) return hit;
    if (known.size >= MAX_MEMO) known.clear();
    const n = count(text);
    known.set(text, n);
    return n;
  };
}

/** What an operation passes on: how many thoughts, and the state of a typical one. */
interface Flow {
  estimate: OperationEstimate;
  state: ThoughtState;
}

interface Context {
  count: TokenCounter;
  /** How many parts a split by this operation makes: the part-picking Selectors after it. */
  partsOf: (opId: string) => number;
  /** How the document's task answers, when it is a built-in one. */
  answers: TaskAnswers | undefined;
}

/** Prompt tokens of one request: the rendered messages with the chat framing. */
function promptTokens(ctx: Context, p: Record<string, unknown>, template: string, render: RenderContext): number {
  const text = (t: string): string => {
    try {
      return renderTemplate(t, render);
    } catch {
      // A template the state cannot fill yet (the editor's graph is mid-edit): the template plus the state.
      return `${t}\n${formatJson(render.state)}`;
    }
  };
  const system = str(p.system);
  const messages = system ? [text(system), text(template)] : [text(template)];
  return TOKENS_REPLY_PRIMING + messages.reduce((sum, m) => sum + TOKENS_PER_MESSAGE + ctx.count(m), 0);
}

/** A prompt that asks the model to show its work (chain of thought). */
const asksForSteps = (template: string): boolean => /step by step|each step|show (your|the) work/i.test(template);
/** Such an answer writes its intermediate results before the final one: about this many times the bare answer, when the task does not say. */
const WORKED_ANSWER_FACTOR = 3;

/** Completion tokens of `text` answering a prompt on `state`, cut at the operation's max tokens like a real endpoint cuts the answer. */
function answerTokens(ctx: Context, p: Record<string, unknown>, text: string, state: ThoughtState = {}): number {
  const work = asksForSteps(str(p.prompt)) ? ctx.answers?.work : undefined;
  const tokens = work ? ctx.count(`${work(state, text)}\nOutput: ${text}`) : ctx.count(text) * (asksForSteps(str(p.prompt)) ? WORKED_ANSWER_FACTOR : 1);
  const cap = num(p.maxTokens, 0);
  return cap > 0 ? Math.min(cap, tokens) : tokens;
}

const view = (state: ThoughtState): ThoughtView => ({ id: 'expected', state, score: null, scored: false, valid: null, validated: false, solved: null, compared: false });

/**
 * Expected thoughts, requests, completions, tokens and dollars of one run of `doc` on its input,
 * from the operations' semantics (got-semantics.md) and no model: every prompt is rendered for a
 * typical thought that starts from the document's input, and each answer is sized by the task's
 * answer model when the task is a built-in one (taskAnswers: the actual intersection, a tally per
 * likely country, the work a step-by-step answer shows), else as what it reworks (expectedAnswer),
 * three times that when the prompt asks for the steps. Filters pass everything except Keep Best N and
 * part-picking Selectors; Validate-and-Improve gives a range from "valid at once" to "every try used", likeliest one improvement in three thoughts.
 */
export function estimateRun(doc: GotDocument, pricing: Pricing = { promptPerMTok: 0, completionPerMTok: 0 }, countTokens: TokenCounter = roughTokens): RunEstimate {
  // Operations on a cycle are left out: a run would never reach them.
  const order = operationOrder(doc);
  const pickers = new Map<string, number>();
  for (const op of doc.operations) if (picksOnePart(op)) for (const i of op.inputs) pickers.set(i, (pickers.get(i) ?? 0) + 1);
  const ctx: Context = { count: memoized(countTokens), partsOf: (id) => pickers.get(id) ?? 1, answers: taskAnswersFor(doc.task) };
  const flows = new Map<string, Flow>();
  const edges: Record<string, number> = {};
  const input: ThoughtState = { ...doc.input };
  for (const op of order) {
    const feeding = op.inputs.flatMap((i) => {
      const f = flows.get(i);
      return f ? [f] : [];
    });
    for (const i of op.inputs) edges[`${i}->${op.id}`] = flows.get(i)?.estimate.thoughtsOut ?? 0;
    flows.set(op.id, estimateOperation(op, op.inputs.length === 0 ? [{ state: input, count: op.type === 'aggregate' ? 0 : 1 }] : feeding.map((f) => ({ state: f.state, count: f.estimate.thoughtsOut })), ctx));
  }
  const ops: Record<string, OperationEstimate> = {};
  const zero = range(0);
  let totals = { requests: zero, completions: zero, promptTokens: zero, completionTokens: zero };
  for (const op of order) {
    const o = (flows.get(op.id) as Flow).estimate;
    ops[op.id] = o;
    totals = {
      requests: addRanges(totals.requests, o.requests),
      completions: addRanges(totals.completions, o.completions),
      promptTokens: addRanges(totals.promptTokens, o.promptTokens),
      completionTokens: addRanges(totals.completionTokens, o.completionTokens),
    };
  }
  const cost = addRanges(scaleRange(totals.promptTokens, pricing.promptPerMTok / 1e6), scaleRange(totals.completionTokens, pricing.completionPerMTok / 1e6));
  return { ops, edges, totals: { ...totals, cost }, approximate: APPROXIMATE_COUNTERS.has(countTokens) };
}

function estimateOperation(op: OperationNode, inputs: ReadonlyArray<{ state: ThoughtState; count: number }>, ctx: Context): Flow {
  const p = op.params;
  const t = inputs.reduce((n, i) => n + i.count, 0);
  const state = (inputs.find((i) => i.count > 0) ?? inputs[0])?.state ?? {};
  const k = Math.max(1, num(p.samples, 1));
  const parser = record(p.parser);
  const parts = parser.kind === 'jsonParts' ? Math.max(num(p.branchesPerPrompt, 1), ctx.partsOf(op.id)) : 1;
  const flow = (out: number, next: ThoughtState, requests: Range, completions: Range, prompt: Range, completion: Range): Flow => ({
    estimate: { thoughtsIn: t, thoughtsOut: out, requests, completions, promptTokens: prompt, completionTokens: completion },
    state: next,
  });
  const none = (out: number): Flow => flow(out, state, range(0), range(0), range(0), range(0));
  switch (op.type) {
    case 'generate':
    case 'improve': {
      const n = op.type === 'improve' ? 1 : k;
      const prompt = promptTokens(ctx, p, str(p.prompt), { state, branches: Math.max(1, num(p.branchesPerPrompt, 1)) });
      const answer = expectedAnswer(p.parser, state, [view(state)], { aggregate: false, parts, answers: ctx.answers });
      const out = op.type === 'improve' ? t : t * n * parts;
      return flow(out, answer.state, range(t), range(t * n), range(t * prompt), range(t * n * answerTokens(ctx, p, answer.text, state)));
    }
    case 'aggregate': {
      if (t === 0) return none(0);
      const views: ThoughtView[] = [];
      for (const i of inputs) for (let c = 0; c < i.count && views.length < MAX_RENDERED_INPUTS; c++) views.push(view(i.state));
      const concatKeys = Array.isArray(p.concatKeys) ? p.concatKeys.filter((x): x is string => typeof x === 'string') : [];
      const base = aggregateBase(views, concatKeys);
      const prompt = promptTokens(ctx, p, str(p.prompt), { state: base, inputs: views });
      const answer = expectedAnswer(p.parser, base, views, { aggregate: true, parts, answers: ctx.answers });
      return flow(k * parts, answer.state, range(1), range(k), range(prompt), range(k * answerTokens(ctx, p, answer.text, base)));
    }
    case 'score': {
      const scorer = record(p.scorer);
      if (scorer.kind !== 'llm') return none(t);
      const combined = p.combined === true;
      const requests = combined ? (t ? 1 : 0) : t;
      const views = combined ? inputs.flatMap((i) => Array.from({ length: Math.min(i.count, MAX_RENDERED_INPUTS) }, () => view(i.state))) : undefined;
      const prompt = promptTokens(ctx, scorer, str(scorer.prompt), views ? { state, inputs: views } : { state });
      const verdict = answerTokens(ctx, scorer, ctx.answers?.verdict ?? expectedVerdict(scorer.reader, combined ? t : 1));
      return flow(t, state, range(requests), range(requests * k), range(requests * prompt), range(requests * k * verdict));
    }
    case 'validateAndImprove': {
      const validator = record(p.validator);
      const tries = p.improve === false ? 0 : num(p.tries, 3);
      // Likeliest: about one thought in three fails its first check and is fixed by one improvement.
      const likelyImproves = t * Math.min(tries, LIKELY_IMPROVEMENTS);
      const validations = validator.kind === 'llm' ? range(t, t * (tries + 1), t + likelyImproves) : range(0);
      const improves = range(0, t * tries, likelyImproves);
      const validatePrompt = validator.kind === 'llm' ? promptTokens(ctx, validator, str(validator.prompt), { state }) : 0;
      const verdict = validator.kind === 'llm' ? answerTokens(ctx, validator, expectedVerdict(validator.reader, 1)) : 0;
      const improvePrompt = tries > 0 ? promptTokens(ctx, p, str(p.prompt), { state }) : 0;
      const answer = expectedAnswer(p.parser, state, [view(state)], { aggregate: false, parts: 1, answers: ctx.answers });
      const improved = answerTokens(ctx, p, answer.text, state);
      return flow(
        t,
        state,
        addRanges(validations, improves),
        addRanges(scaleRange(validations, k), improves),
        addRanges(scaleRange(validations, validatePrompt), scaleRange(improves, improvePrompt)),
        addRanges(scaleRange(validations, k * verdict), scaleRange(improves, improved)),
      );
    }
    case 'keepBestN':
      return none(Math.min(t, num(p.n, 1)));
    case 'selector':
      return none(picksOnePart(op) ? Math.min(t, 1) : t);
    case 'keepValid':
    case 'groundTruth':
      return none(t);
  }
}
