import type { GotDocument, OperationNode } from '../graph/document';
import type { AnswerReader, EvaluatorSpec, ParserSpec, ScorerSpec, SelectorSpec, ValidatorSpec } from '../graph/specs';
import { operationDefinitions, type OperationParams } from './definitions';
import type { OperationType } from './definition';

/** What a caption may know besides the operation itself. */
export interface DescribeContext {
  /** The graph the operation belongs to (names the operations it reads from). */
  document?: GotDocument;
  /** How many thoughts reach it, when a run or an estimate knows. */
  inputs?: number | null;
}

// Graph text can come from anywhere: keep quoted pieces short so a caption stays one line.
const quote = (s: string, max = 40): string => `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;
const times = (k: number): string => (k === 1 ? 'once' : k === 2 ? 'twice' : `${k} times`);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "each input thought", or "each of the 3 input thoughts" when the count is known. */
function eachInput(ctx: DescribeContext): string {
  const n = ctx.inputs;
  if (n === null || n === undefined) return 'each input thought';
  return n === 1 ? 'the 1 input thought' : `each of the ${n} input thoughts`;
}

/** "the thoughts" with their count and where they come from, e.g. "the 2 thoughts from “A” and “B”". */
function theInputs(op: OperationNode, ctx: DescribeContext): string {
  const count = ctx.inputs === null || ctx.inputs === undefined ? 'the thoughts' : `the ${plural(ctx.inputs, 'thought')}`;
  const labels = op.inputs.map((id) => {
    const from = ctx.document?.operations.find((o) => o.id === id);
    return quote(from?.label ?? id, 28);
  });
  if (labels.length === 0) return `${count} of the run's input`;
  if (labels.length > 3) return `${count} from ${labels.length} operations`;
  return `${count} from ${labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`}`;
}

function parserPhrase(p: ParserSpec): string {
  switch (p.kind) {
    case 'text':
      return 'keeps each answer as text';
    case 'json':
      return 'reads each answer as JSON';
    case 'jsonParts':
      return 'splits each answer into parts, one new thought per part';
    case 'list':
      return p.items === 'numbers'
        ? 'reads each answer as a list of numbers'
        : p.items === 'strings'
          ? 'reads each answer as a list of words'
          : 'reads each answer as a list';
    case 'number':
      return 'reads a number from each answer';
    case 'regex':
      return p.all ? 'collects every match of a pattern in each answer' : 'takes the part of each answer that matches a pattern';
    case 'function':
      return `reads each answer with ${quote(p.name)}`;
  }
}

function readerPhrase(r: AnswerReader): string {
  switch (r.kind) {
    case 'number':
      return 'reading the number it answers';
    case 'regex':
      return 'reading a number matched by a pattern';
    case 'list':
      return 'reading one number per thought';
    case 'yesNo':
      return 'reading yes or no';
    case 'function':
      return `reading the answer with ${quote(r.name)}`;
  }
}

/** A named function, an expression, or the user's own script, as a reader would say it. */
function checkPhrase(spec: ScorerSpec | ValidatorSpec | EvaluatorSpec | SelectorSpec): string {
  switch (spec.kind) {
    case 'function':
      return `the built-in ${quote(spec.name)}`;
    case 'filter':
      return `the expression ${quote(spec.expr)}`;
    case 'js':
      return 'your own JavaScript';
    case 'llm':
      return 'the model';
  }
}

type Describer<T extends OperationType> = (p: OperationParams[T], op: OperationNode, ctx: DescribeContext) => string;

const describers: { [T in OperationType]: Describer<T> } = {
  generate: (p, _op, ctx) => {
    const asks = p.branchesPerPrompt > 1 ? ` for ${p.branchesPerPrompt} answers each time` : '';
    return `asks the model ${times(p.samples)} about ${eachInput(ctx)}${asks}, and ${parserPhrase(p.parser)}`;
  },
  aggregate: (p, op, ctx) =>
    `puts ${theInputs(op, ctx)} into one prompt, asks the model ${times(p.samples)} to combine them, and ${parserPhrase(p.parser)}`,
  improve: (p, _op, ctx) => `asks the model once to improve ${eachInput(ctx)}, and ${parserPhrase(p.parser)}`,
  score: (p, _op, ctx) => {
    const s = p.scorer;
    if (s.kind !== 'llm') return `gives ${eachInput(ctx)} a score with ${checkPhrase(s)}, without asking the model`;
    const samples = p.samples > 1 ? `, ${p.samples} answers averaged` : '';
    if (p.combined) return `asks the model to score all the input thoughts in one request${samples}, ${readerPhrase(s.reader)}`;
    return `asks the model to score ${eachInput(ctx)}${samples}, ${readerPhrase(s.reader)}`;
  },
  validateAndImprove: (p, _op, ctx) => {
    const check = `checks ${eachInput(ctx)} with ${checkPhrase(p.validator)}`;
    if (!p.improve || p.tries === 0) return `${check} and marks it valid or invalid, without fixing it`;
    return `${check}; while one is invalid it asks the model to fix it, up to ${plural(p.tries, 'try', 'tries')}`;
  },
  keepBestN: (p, op, ctx) => {
    const which = p.n === 1 ? 'the best' : `the ${p.n} best`;
    return `keeps ${which} of ${theInputs(op, ctx)} (${p.higherIsBetter ? 'higher' : 'lower'} score is better) and drops the rest`;
  },
  keepValid: (_p, op, ctx) => `passes on ${theInputs(op, ctx)} that are valid or were never checked, and drops the invalid ones`,
  groundTruth: (p, _op, ctx) =>
    `compares ${eachInput(ctx)} with the known answer using ${checkPhrase(p.evaluator)}, and marks it solved or not`,
  selector: (p, op, ctx) => {
    const s = p.selector;
    if (s.kind === 'filter') return `keeps only ${theInputs(op, ctx)} for which ${quote(s.expr)} holds`;
    return `keeps the ones of ${theInputs(op, ctx)} that ${checkPhrase(s)} picks`;
  },
};

function describeTyped<T extends OperationType>(type: T, params: OperationParams[T], op: OperationNode, ctx: DescribeContext): string {
  return (describers[type] as Describer<T>)(params, op, ctx);
}

/**
 * One sentence saying what an operation does with its parameters, for captions:
 * "Generate: asks the model 5 times about each input thought, and reads each answer as a list
 * of numbers". Parameters that do not pass the type's schema give the type's one-line help.
 */
export function describeOperation(op: OperationNode, ctx: DescribeContext = {}): string {
  const def = operationDefinitions[op.type];
  const parsed = def.paramsSchema.safeParse(op.params);
  const what = parsed.success ? describeTyped(op.type, parsed.data as OperationParams[typeof op.type], op, ctx) : def.help;
  return `${def.label}: ${what}`;
}
