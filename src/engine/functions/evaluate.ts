import type { EvaluatorSpec, JsonValue, ScorerSpec, SelectorSpec, ValidatorSpec } from '../graph/specs';
import { errorText } from '../run/errors';
import { compileExpression, ExpressionError, kindOf, truthy } from './expression';
import type { FunctionRegistry, ScriptRunner, ThoughtView } from './types';

export { compileExpression, expressionStateKeys, ExpressionError, EXPRESSION_FUNCTIONS, EXPRESSION_NAMES, truthy } from './expression';
export type { CompiledExpression } from './expression';

/** What scorers, validators, evaluators and selectors run with. */
export interface FunctionEnv {
  functions: FunctionRegistry;
  /** Runs `js` functions; without it they fail with a clear FunctionError. */
  scripts?: ScriptRunner;
}

/** A scorer, validator, evaluator or selector that is missing, does not compile, throws or returns the wrong kind of value. */
export class FunctionError extends Error {
  constructor(
    message: string,
    /** What failed, as messages name it, e.g. `scorer 'sorting.error'` or `filter "score < 3"`. */
    readonly functionName: string,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

type Role = 'scorer' | 'validator' | 'evaluator' | 'selector';
type Spec = { kind: 'function'; name: string } | { kind: 'filter'; expr: string } | { kind: 'js'; code: string; timeoutMs: number };

const REGISTRY: Record<Role, keyof FunctionRegistry> = {
  scorer: 'scorers',
  validator: 'validators',
  evaluator: 'evaluators',
  selector: 'selectors',
};

const describeSpec = (role: Role, spec: Spec): string =>
  spec.kind === 'function' ? `${role} '${spec.name}'` : spec.kind === 'filter' ? `${role} expression "${spec.expr}"` : `JavaScript ${role}`;

function named<F>(role: Role, name: string, functions: FunctionRegistry): F {
  const reg = functions[REGISTRY[role]] as Record<string, { fn: unknown }>;
  const entry = Object.prototype.hasOwnProperty.call(reg, name) ? reg[name] : undefined;
  if (!entry) {
    const known = Object.keys(reg);
    throw new FunctionError(
      `there is no ${role} named '${name}'${known.length ? ` (known: ${known.join(', ')})` : ''}`,
      `${role} '${name}'`,
    );
  }
  return entry.fn as F;
}

/** Runs a filter expression over one thought; compile and runtime errors become FunctionErrors. */
function runFilter(role: Role, expr: string, t: ThoughtView): JsonValue {
  const what = describeSpec(role, { kind: 'filter', expr });
  const compiled = compileExpression(expr);
  if (!compiled.ok) throw new FunctionError(`${what} does not compile: ${compiled.message} (column ${compiled.column})`, what);
  try {
    return compiled.evaluate(t);
  } catch (err) {
    const col = err instanceof ExpressionError ? ` (column ${err.column})` : '';
    throw new FunctionError(`${what} failed on thought ${t.id}: ${errorText(err)}${col}`, what);
  }
}

async function runScript(
  role: Role,
  spec: { code: string; timeoutMs: number },
  argName: 'state' | 'thoughts',
  arg: JsonValue,
  env: FunctionEnv,
): Promise<JsonValue> {
  const what = describeSpec(role, { kind: 'js', ...spec });
  if (!env.scripts)
    throw new FunctionError(
      `the ${what} cannot run: no script runner was given to this run (JavaScript runs only where a sandbox is available)`,
      what,
    );
  try {
    return await env.scripts.run(spec.code, argName, arg, spec.timeoutMs);
  } catch (err) {
    throw new FunctionError(`the ${what} failed: ${errorText(err)}`, what);
  }
}

function callNamed<R>(role: Role, name: string, env: FunctionEnv, call: (fn: never) => R, t?: ThoughtView): R {
  const fn = named<never>(role, name, env.functions);
  try {
    return call(fn);
  } catch (err) {
    throw new FunctionError(`${role} '${name}' failed${t ? ` on thought ${t.id}` : ''}: ${errorText(err)}`, `${role} '${name}'`);
  }
}

/** A plain-JSON copy of a thought, as user JavaScript receives it. */
export function thoughtToJson(t: ThoughtView): JsonValue {
  const json: Record<string, JsonValue> = {
    id: t.id,
    state: t.state,
    score: t.score,
    scored: t.scored,
    valid: t.valid,
    validated: t.validated,
    solved: t.solved,
    compared: t.compared,
  };
  if (t.parseError) json.parseError = t.parseError.message;
  return json;
}

/** Scores one thought with a named function, a numeric expression (true/false count as 1/0) or JavaScript. */
export async function evaluateScorer(spec: Exclude<ScorerSpec, { kind: 'llm' }>, t: ThoughtView, env: FunctionEnv): Promise<number> {
  let value: JsonValue;
  if (spec.kind === 'function') value = callNamed('scorer', spec.name, env, (fn: (t: ThoughtView) => number) => fn(t), t);
  else if (spec.kind === 'filter') value = runFilter('scorer', spec.expr, t);
  else value = await runScript('scorer', spec, 'state', t.state, env);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const what = describeSpec('scorer', spec);
    throw new FunctionError(
      `${what} returned ${typeof value === 'number' ? String(value) : kindOf(value)} for thought ${t.id}; a score must be a finite number`,
      what,
    );
  }
  return value;
}

async function evaluateTest(role: 'validator' | 'evaluator', spec: Spec, t: ThoughtView, env: FunctionEnv): Promise<boolean> {
  if (spec.kind === 'filter') return truthy(runFilter(role, spec.expr, t));
  const value: JsonValue =
    spec.kind === 'function'
      ? callNamed(role, spec.name, env, (fn: (t: ThoughtView) => boolean) => fn(t), t)
      : await runScript(role, spec, 'state', t.state, env);
  if (typeof value !== 'boolean') {
    const what = describeSpec(role, spec);
    throw new FunctionError(`${what} returned ${kindOf(value)} for thought ${t.id}; it must return true or false`, what);
  }
  return value;
}

/** Decides whether a thought is valid: a named function, an expression (truthy = valid) or JavaScript. */
export function evaluateValidator(spec: Exclude<ValidatorSpec, { kind: 'llm' }>, t: ThoughtView, env: FunctionEnv): Promise<boolean> {
  return evaluateTest('validator', spec, t, env);
}

/** Decides whether a thought solves the task (ground truth). */
export function evaluateEvaluator(spec: EvaluatorSpec, t: ThoughtView, env: FunctionEnv): Promise<boolean> {
  return evaluateTest('evaluator', spec, t, env);
}

/**
 * Keeps the thoughts a selector picks. A filter keeps, in input order, each thought for which it
 * is true; a named function or JavaScript returns the kept thoughts (JavaScript may return the
 * thoughts, their ids or their 0-based positions), in the order it returns them.
 */
export async function evaluateSelector(spec: SelectorSpec, ts: readonly ThoughtView[], env: FunctionEnv): Promise<ThoughtView[]> {
  if (spec.kind === 'filter') return ts.filter((t) => truthy(runFilter('selector', spec.expr, t)));
  if (spec.kind === 'function') {
    const picked = callNamed('selector', spec.name, env, (fn: (ts: readonly ThoughtView[]) => ThoughtView[]) => fn(ts));
    if (!Array.isArray(picked))
      throw new FunctionError(`selector '${spec.name}' did not return a list of thoughts`, `selector '${spec.name}'`);
    return picked;
  }
  const result = await runScript('selector', spec, 'thoughts', ts.map(thoughtToJson), env);
  const what = describeSpec('selector', spec);
  if (!Array.isArray(result))
    throw new FunctionError(`the ${what} returned ${kindOf(result)}; it must return a list of thoughts, ids or positions`, what);
  const byId = new Map(ts.map((t) => [t.id, t]));
  const kept: ThoughtView[] = [];
  const seen = new Set<string>();
  for (const item of result) {
    const id =
      typeof item === 'number'
        ? ts[item]?.id
        : typeof item === 'string'
          ? item
          : item && typeof item === 'object' && !Array.isArray(item) && typeof item.id === 'string'
            ? item.id
            : undefined;
    const t = id === undefined ? undefined : byId.get(id);
    if (!t) throw new FunctionError(`the ${what} returned ${JSON.stringify(item)}, which is not one of its input thoughts`, what);
    if (!seen.has(t.id)) kept.push(t);
    seen.add(t.id);
  }
  return kept;
}
