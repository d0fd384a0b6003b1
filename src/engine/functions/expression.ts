import type { JsonValue } from '../graph/specs';
import { ExpressionSyntaxError, parseExpression, type Expr } from './expressionParser';
import { BUILTINS, compare, ExpressionError, kindOf, jsonEqual, num, toText, type Builtin } from './expressionValues';
import type { ThoughtView } from './types';

export { ExpressionError, EXPRESSION_FUNCTIONS, jsonEqual, kindOf } from './expressionValues';

export type CompiledExpression = { ok: true; evaluate(t: ThoughtView): JsonValue } | { ok: false; message: string; column: number };

/** The names an expression can read: the thought's state and its annotations. */
const ROOT_NAMES: Record<string, (t: ThoughtView) => JsonValue> = {
  state: (t) => t.state,
  score: (t) => t.score,
  scored: (t) => t.scored,
  valid: (t) => t.valid,
  validated: (t) => t.validated,
  solved: (t) => t.solved,
  compared: (t) => t.compared,
  id: (t) => t.id,
  parseError: (t) => t.parseError?.message ?? null,
};

/** Names of the readable roots, for the editor's completion. */
export const EXPRESSION_NAMES: readonly string[] = Object.keys(ROOT_NAMES);

/** Falsy: false, null, 0, "" and the empty list; everything else is true. */
export function truthy(v: JsonValue): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return Boolean(v);
}

function evaluate(e: Expr, t: ThoughtView): JsonValue {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'name':
      return (ROOT_NAMES[e.name] as (t: ThoughtView) => JsonValue)(t);
    case 'list':
      return e.items.map((x) => evaluate(x, t));
    case 'member':
    case 'index': {
      const obj = evaluate(e.object, t);
      const key = e.kind === 'member' ? e.property : evaluate(e.index, t);
      if (obj === null) return null;
      if (Array.isArray(obj)) {
        if (typeof key !== 'number') throw new ExpressionError(`a list is indexed by a number, not ${kindOf(key)}`, e.column);
        const i = key < 0 ? obj.length + key : key;
        return obj[i] ?? null;
      }
      if (typeof obj === 'object') {
        if (typeof key !== 'string') throw new ExpressionError(`an object is indexed by a string, not ${kindOf(key)}`, e.column);
        // Own keys only: prototype members such as constructor are never reachable.
        return Object.prototype.hasOwnProperty.call(obj, key) ? (obj[key] ?? null) : null;
      }
      throw new ExpressionError(`cannot read ${JSON.stringify(key)} of ${kindOf(obj)}`, e.column);
    }
    case 'call': {
      const b = BUILTINS[e.callee] as Builtin;
      return b.fn(
        e.args.map((a) => evaluate(a, t)),
        e.column,
      );
    }
    case 'unary': {
      const v = evaluate(e.operand, t);
      if (e.op === 'not') return !truthy(v);
      return -num(v, "'-'", e.column);
    }
    case 'binary': {
      if (e.op === 'and') return truthy(evaluate(e.left, t)) && truthy(evaluate(e.right, t));
      if (e.op === 'or') return truthy(evaluate(e.left, t)) || truthy(evaluate(e.right, t));
      const l = evaluate(e.left, t);
      const r = evaluate(e.right, t);
      switch (e.op) {
        case '==':
          return jsonEqual(l, r);
        case '!=':
          return !jsonEqual(l, r);
        case '<':
        case '<=':
        case '>':
        case '>=': {
          // A missing value (an unscored thought, an absent key) is never less or greater than anything.
          if (l === null || r === null) return false;
          const c = compare(l, r, e.column);
          return e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '>' ? c > 0 : c >= 0;
        }
        case '+':
          if (typeof l === 'number' && typeof r === 'number') return l + r;
          if (Array.isArray(l) && Array.isArray(r)) return [...l, ...r];
          if (typeof l === 'string' || typeof r === 'string') return toText(l) + toText(r);
          throw new ExpressionError(`cannot add ${kindOf(l)} and ${kindOf(r)}`, e.column);
        default: {
          const a = num(l, `'${e.op}'`, e.column);
          const b = num(r, `'${e.op}'`, e.column);
          if ((e.op === '/' || e.op === '%') && b === 0) throw new ExpressionError('division by zero', e.column);
          return e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a % b;
        }
      }
    }
  }
}

/** Checks names and call arities so that mistakes show up while editing, not during a run. */
function check(e: Expr): void {
  switch (e.kind) {
    case 'name':
      if (!Object.hasOwn(ROOT_NAMES, e.name)) {
        const hint = Object.hasOwn(BUILTINS, e.name)
          ? ` (${e.name} is a function: call it like ${e.name}(…))`
          : `; for a state key write state.${e.name}`;
        throw new ExpressionSyntaxError(`unknown name '${e.name}'${hint}`, e.column);
      }
      return;
    case 'call': {
      const b = Object.hasOwn(BUILTINS, e.callee) ? BUILTINS[e.callee] : undefined;
      if (!b) throw new ExpressionSyntaxError(`unknown function '${e.callee}' (known: ${Object.keys(BUILTINS).join(', ')})`, e.column);
      if (e.args.length < b.min || e.args.length > b.max) {
        const want = b.max === Infinity ? `at least ${b.min}` : b.min === b.max ? `${b.min}` : `${b.min} to ${b.max}`;
        throw new ExpressionSyntaxError(
          `${e.callee}() takes ${want} argument${b.min === 1 && b.max === 1 ? '' : 's'}, got ${e.args.length}`,
          e.column,
        );
      }
      e.args.forEach(check);
      return;
    }
    case 'list':
      e.items.forEach(check);
      return;
    case 'member':
      check(e.object);
      return;
    case 'index':
      check(e.object);
      check(e.index);
      return;
    case 'unary':
      check(e.operand);
      return;
    case 'binary':
      check(e.left);
      check(e.right);
      return;
    case 'literal':
      return;
  }
}

/** The state keys an expression reads as `state.key` or `state["key"]`, for the editor and validation. */
export function expressionStateKeys(expr: string): string[] {
  const hit = keyCache.get(expr);
  if (hit) return [...hit];
  let tree: Expr;
  try {
    tree = parseExpression(expr);
  } catch {
    return [];
  }
  const keys = new Set<string>();
  const walk = (e: Expr): void => {
    if ((e.kind === 'member' || e.kind === 'index') && e.object.kind === 'name' && e.object.name === 'state') {
      if (e.kind === 'member') keys.add(e.property);
      else if (e.index.kind === 'literal' && typeof e.index.value === 'string') keys.add(e.index.value);
    }
    if (e.kind === 'member') walk(e.object);
    else if (e.kind === 'index') [e.object, e.index].forEach(walk);
    else if (e.kind === 'call') e.args.forEach(walk);
    else if (e.kind === 'list') e.items.forEach(walk);
    else if (e.kind === 'unary') walk(e.operand);
    else if (e.kind === 'binary') [e.left, e.right].forEach(walk);
  };
  walk(tree);
  if (keyCache.size > 500) keyCache.clear();
  keyCache.set(expr, [...keys]);
  return [...keys];
}

const keyCache = new Map<string, string[]>();

const cache = new Map<string, CompiledExpression>();

/**
 * Compiles a filter/expression over one thought. Errors carry a 1-based column. The compiled
 * `evaluate` throws ExpressionError on a runtime failure (e.g. comparing a list with a number).
 */
export function compileExpression(expr: string): CompiledExpression {
  const hit = cache.get(expr);
  if (hit) return hit;
  let result: CompiledExpression;
  try {
    const tree = parseExpression(expr);
    check(tree);
    result = { ok: true, evaluate: (t) => evaluate(tree, t) };
  } catch (err) {
    if (!(err instanceof ExpressionSyntaxError)) throw err;
    result = { ok: false, message: err.message, column: err.column };
  }
  if (cache.size > 500) cache.clear();
  cache.set(expr, result);
  return result;
}
