import type { JsonValue } from '../graph/specs';
import { ExpressionSyntaxError, parseExpression, type Expr } from './expressionParser';
import type { ThoughtView } from './types';

/** A runtime failure of an expression (wrong kinds of values, division by zero…). */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

export type CompiledExpression =
  | { ok: true; evaluate(t: ThoughtView): JsonValue }
  | { ok: false; message: string; column: number };

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

type Builtin = { min: number; max: number; help: string; fn: (args: JsonValue[], column: number) => JsonValue };

const num = (v: JsonValue, what: string, column: number): number => {
  if (typeof v === 'number') return v;
  throw new ExpressionError(`${what} needs a number but got ${kindOf(v)}`, column);
};
const numbers = (args: JsonValue[], what: string, column: number): number[] => {
  const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  return list.map((v) => num(v, what, column));
};

const BUILTINS: Record<string, Builtin> = {
  len: {
    min: 1,
    max: 1,
    help: 'length of a string or list, or number of keys of an object',
    fn: ([v], c) => {
      if (typeof v === 'string' || Array.isArray(v)) return v.length;
      if (v !== null && typeof v === 'object') return Object.keys(v as object).length;
      throw new ExpressionError(`len() needs a string, list or object but got ${kindOf(v ?? null)}`, c);
    },
  },
  contains: {
    min: 2,
    max: 2,
    help: 'whether a string contains a substring, a list an item, or an object a key',
    fn: ([hay, needle], c) => {
      if (typeof hay === 'string') return hay.includes(typeof needle === 'string' ? needle : toText(needle ?? null));
      if (Array.isArray(hay)) return hay.some((x) => jsonEqual(x, needle ?? null));
      if (hay !== null && typeof hay === 'object' && typeof needle === 'string') return Object.prototype.hasOwnProperty.call(hay, needle);
      throw new ExpressionError(`contains() needs a string, list or object first but got ${kindOf(hay ?? null)}`, c);
    },
  },
  startsWith: { min: 2, max: 2, help: 'whether a string starts with a prefix', fn: ([s, p]) => toText(s ?? null).startsWith(toText(p ?? null)) },
  endsWith: { min: 2, max: 2, help: 'whether a string ends with a suffix', fn: ([s, p]) => toText(s ?? null).endsWith(toText(p ?? null)) },
  lower: { min: 1, max: 1, help: 'a string in lower case', fn: ([s]) => toText(s ?? null).toLowerCase() },
  upper: { min: 1, max: 1, help: 'a string in upper case', fn: ([s]) => toText(s ?? null).toUpperCase() },
  str: { min: 1, max: 1, help: 'a value as text', fn: ([v]) => toText(v ?? null) },
  number: {
    min: 1,
    max: 1,
    help: 'a string read as a number',
    fn: ([v], c) => {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!Number.isFinite(n)) throw new ExpressionError(`number() cannot read ${kindOf(v ?? null)} ${JSON.stringify(v)} as a number`, c);
      return n;
    },
  },
  abs: { min: 1, max: 1, help: 'absolute value', fn: ([v], c) => Math.abs(num(v ?? null, 'abs()', c)) },
  round: { min: 1, max: 1, help: 'nearest integer', fn: ([v], c) => Math.round(num(v ?? null, 'round()', c)) },
  floor: { min: 1, max: 1, help: 'round down', fn: ([v], c) => Math.floor(num(v ?? null, 'floor()', c)) },
  ceil: { min: 1, max: 1, help: 'round up', fn: ([v], c) => Math.ceil(num(v ?? null, 'ceil()', c)) },
  min: {
    min: 1,
    max: Infinity,
    help: 'smallest of numbers (or of one list)',
    fn: (a, c) => {
      const ns = numbers(a, 'min()', c);
      if (ns.length === 0) throw new ExpressionError('min() of an empty list', c);
      return Math.min(...ns);
    },
  },
  max: {
    min: 1,
    max: Infinity,
    help: 'largest of numbers (or of one list)',
    fn: (a, c) => {
      const ns = numbers(a, 'max()', c);
      if (ns.length === 0) throw new ExpressionError('max() of an empty list', c);
      return Math.max(...ns);
    },
  },
  sum: { min: 1, max: Infinity, help: 'sum of numbers (or of one list)', fn: (a, c) => numbers(a, 'sum()', c).reduce((x, y) => x + y, 0) },
  sorted: {
    min: 1,
    max: 1,
    help: 'a list sorted ascending',
    fn: ([v], c) => {
      if (!Array.isArray(v)) throw new ExpressionError(`sorted() needs a list but got ${kindOf(v ?? null)}`, c);
      return [...v].sort((a, b) => compare(a, b, c));
    },
  },
};

/** Built-in function names with one-line help, for the editor. */
export const EXPRESSION_FUNCTIONS: ReadonlyArray<{ name: string; help: string }> = Object.entries(BUILTINS).map(([name, b]) => ({ name, help: b.help }));

export function kindOf(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** Text of a value as templates show it: strings as-is, everything else as JSON. */
function toText(v: JsonValue): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i] ?? null));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k] ?? null, b[k] ?? null));
  }
  return false;
}

function compare(a: JsonValue, b: JsonValue, column: number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new ExpressionError(`cannot compare ${kindOf(a)} with ${kindOf(b)}`, column);
}

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
        const hint = Object.hasOwn(BUILTINS, e.name) ? ` (${e.name} is a function: call it like ${e.name}(…))` : `; for a state key write state.${e.name}`;
        throw new ExpressionSyntaxError(`unknown name '${e.name}'${hint}`, e.column);
      }
      return;
    case 'call': {
      const b = Object.hasOwn(BUILTINS, e.callee) ? BUILTINS[e.callee] : undefined;
      if (!b) throw new ExpressionSyntaxError(`unknown function '${e.callee}' (known: ${Object.keys(BUILTINS).join(', ')})`, e.column);
      if (e.args.length < b.min || e.args.length > b.max) {
        const want = b.max === Infinity ? `at least ${b.min}` : b.min === b.max ? `${b.min}` : `${b.min} to ${b.max}`;
        throw new ExpressionSyntaxError(`${e.callee}() takes ${want} argument${b.min === 1 && b.max === 1 ? '' : 's'}, got ${e.args.length}`, e.column);
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
  return [...keys];
}

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
