import type { GotDocument, OperationNode } from '../../engine/index';
import { topologicalOrder } from '../document/docIndex';

/** A quantity that may vary between a least and a most likely count. */
export interface Range {
  min: number;
  max: number;
}

export interface OperationEstimate {
  thoughtsIn: number;
  thoughtsOut: number;
  requests: Range;
  completions: Range;
  promptTokens: Range;
  completionTokens: Range;
}

export interface RunEstimate {
  ops: Record<string, OperationEstimate>;
  /** Expected thoughts carried by each edge, keyed `from->to`. */
  edges: Record<string, number>;
  totals: Omit<OperationEstimate, 'thoughtsIn' | 'thoughtsOut'> & { cost: Range };
}

/** Dollars per million tokens. */
export interface Pricing {
  promptPerMTok: number;
  completionPerMTok: number;
}

/** A rough token count: about four characters per token for English text and digits. */
export const roughTokens = (text: string): number => Math.ceil(text.length / 4);

const r = (min: number, max = min): Range => ({ min, max });
const add = (a: Range, b: Range): Range => ({ min: a.min + b.min, max: a.max + b.max });
const times = (a: Range, k: number): Range => ({ min: a.min * k, max: a.max * k });
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Whether a declarative selector filter picks one part (e.g. `state.part == "List 2"`). */
const picksOne = (expr: string): boolean => /==/.test(expr) && !/!=|<|>/.test(expr);

interface Sizes {
  state: number;
  answer: number;
  count: (text: string) => number;
}

/**
 * Expected thoughts, requests, completions and tokens of one run, from the operations' semantics
 * (docs/got-semantics.md). Filters are assumed to pass everything except KeepBestN and part-picking
 * selectors; ValidateAndImprove gives a range from "valid at once" to "every try used".
 */
export function estimateRun(doc: GotDocument, pricing: Pricing = { promptPerMTok: 0, completionPerMTok: 0 }, countTokens: (text: string) => number = roughTokens): RunEstimate {
  const sizes: Sizes = { state: countTokens(JSON.stringify(doc.input ?? {})), answer: Math.max(8, countTokens(JSON.stringify(Object.values(doc.input ?? {})[0] ?? ''))), count: countTokens };
  const ops: Record<string, OperationEstimate> = {};
  const edges: Record<string, number> = {};
  for (const op of topologicalOrder(doc)) {
    const thoughtsIn = op.inputs.length === 0 ? 1 : op.inputs.reduce((n, i) => n + (ops[i]?.thoughtsOut ?? 0), 0);
    for (const i of op.inputs) edges[`${i}->${op.id}`] = ops[i]?.thoughtsOut ?? 0;
    ops[op.id] = estimateOperation(op, op.inputs.length === 0 && op.type === 'aggregate' ? 0 : thoughtsIn, sizes);
  }
  const zero = r(0);
  const totals = Object.values(ops).reduce(
    (t, o) => ({ requests: add(t.requests, o.requests), completions: add(t.completions, o.completions), promptTokens: add(t.promptTokens, o.promptTokens), completionTokens: add(t.completionTokens, o.completionTokens) }),
    { requests: zero, completions: zero, promptTokens: zero, completionTokens: zero },
  );
  const cost = add(times(totals.promptTokens, pricing.promptPerMTok / 1e6), times(totals.completionTokens, pricing.completionPerMTok / 1e6));
  return { ops, edges, totals: { ...totals, cost } };
}

function estimateOperation(op: OperationNode, t: number, sizes: Sizes): OperationEstimate {
  const p = op.params;
  const promptOf = (template: string, inputs = 1) => sizes.count(template) + sizes.state * inputs;
  const answer = num(p.maxTokens, 0) > 0 ? Math.min(num(p.maxTokens, 0), sizes.answer * 2) : sizes.answer;
  const llm = (requests: Range, completions: Range, promptPerRequest: number, out: number): OperationEstimate => ({
    thoughtsIn: t,
    thoughtsOut: out,
    requests,
    completions,
    promptTokens: times(requests, promptPerRequest),
    completionTokens: times(completions, answer),
  });
  const none = (out: number): OperationEstimate => llm(r(0), r(0), 0, out);
  switch (op.type) {
    case 'generate': {
      const k = num(p.samples, 1);
      return llm(r(t), r(t * k), promptOf(str(p.prompt)), t * k * Math.max(1, num(p.branchesPerPrompt, 1)));
    }
    case 'aggregate': {
      const k = num(p.samples, 1);
      return t === 0 ? none(0) : llm(r(1), r(k), promptOf(str(p.prompt), t), k);
    }
    case 'improve':
      return llm(r(t), r(t), promptOf(str(p.prompt)), t);
    case 'score': {
      const scorer = (p.scorer ?? {}) as { kind?: string; prompt?: string };
      if (scorer.kind !== 'llm') return none(t);
      const k = num(p.samples, 1);
      const requests = p.combined ? (t ? 1 : 0) : t;
      return llm(r(requests), r(requests * k), promptOf(str(scorer.prompt), p.combined ? t : 1), t);
    }
    case 'validateAndImprove': {
      const validator = (p.validator ?? {}) as { kind?: string; prompt?: string };
      const tries = p.improve === false ? 0 : num(p.tries, 3);
      const k = num(p.samples, 1);
      const validations = validator.kind === 'llm' ? r(t, t * (tries + 1)) : r(0);
      const improves = r(0, t * tries);
      const e = llm(add(validations, improves), add(times(validations, k), improves), 0, t);
      e.promptTokens = add(times(validations, promptOf(str(validator.prompt))), times(improves, promptOf(str(p.prompt))));
      return e;
    }
    case 'keepBestN':
      return none(Math.min(t, num(p.n, 1)));
    case 'selector': {
      const sel = (p.selector ?? {}) as { kind?: string; expr?: string };
      return none(sel.kind === 'filter' && picksOne(str(sel.expr)) ? Math.min(t, 1) : t);
    }
    case 'keepValid':
    case 'groundTruth':
      return none(t);
  }
}

/** `5` or `5–9`, with thousands separated. */
export function formatRange(x: Range, digits = 0): string {
  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return x.min === x.max ? f(x.min) : `${f(x.min)}–${f(x.max)}`;
}
