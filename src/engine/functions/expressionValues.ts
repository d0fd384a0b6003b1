import type { JsonValue } from '../graph/specs';

/** Values and built-in functions of the filter/expression language (see expression.ts). */

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

export type Builtin = { min: number; max: number; help: string; fn: (args: JsonValue[], column: number) => JsonValue };

export const num = (v: JsonValue, what: string, column: number): number => {
  if (typeof v === 'number') return v;
  throw new ExpressionError(`${what} needs a number but got ${kindOf(v)}`, column);
};
const numbers = (args: JsonValue[], what: string, column: number): number[] => {
  const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  return list.map((v) => num(v, what, column));
};

export const BUILTINS: Record<string, Builtin> = {
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
  startsWith: {
    min: 2,
    max: 2,
    help: 'whether a string starts with a prefix',
    fn: ([s, p]) => toText(s ?? null).startsWith(toText(p ?? null)),
  },
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
export const EXPRESSION_FUNCTIONS: ReadonlyArray<{ name: string; help: string }> = Object.entries(BUILTINS).map(([name, b]) => ({
  name,
  help: b.help,
}));

export function kindOf(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** Text of a value as templates show it: strings as-is, everything else as JSON. */
export function toText(v: JsonValue): string {
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

export function compare(a: JsonValue, b: JsonValue, column: number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new ExpressionError(`cannot compare ${kindOf(a)} with ${kindOf(b)}`, column);
}
