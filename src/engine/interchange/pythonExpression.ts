import { parseExpression, type Expr } from '../functions/expressionParser';

/** A filter expression in Python over a framework Thought `t`, or why it has no translation. */
export type PythonExpression = { ok: true; code: string } | { ok: false; reason: string };

/** The expression language's roots, as the framework's Thought holds them. */
const ROOTS: Record<string, string> = {
  state: 't.state',
  score: 't.score',
  scored: 't.scored',
  valid: 't.valid',
  validated: 't.validated',
  solved: 't.solved',
  compared: 't.compared_to_ground_truth',
  id: 't.id',
  parseError: 't.state.get("parse_error")',
};

/** Built-in functions with a direct Python counterpart (see functions/expressionValues.ts). */
const CALLS: Record<string, (args: string[]) => string> = {
  len: (a) => `len(${a.join(', ')})`,
  abs: (a) => `abs(${a.join(', ')})`,
  min: (a) => `min(${a.join(', ')})`,
  max: (a) => `max(${a.join(', ')})`,
  sorted: (a) => `sorted(${a.join(', ')})`,
  floor: (a) => `math.floor(${a.join(', ')})`,
  ceil: (a) => `math.ceil(${a.join(', ')})`,
  lower: (a) => `fmt_value(${a.join(', ')}).lower()`,
  upper: (a) => `fmt_value(${a.join(', ')}).upper()`,
  str: (a) => `fmt_value(${a.join(', ')})`,
  contains: ([x, y]) => `(${y} in ${x})`,
};

class Untranslatable extends Error {}

const PY_OPS: Record<string, string> = { or: 'or', and: 'and', '==': '==', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=', '+': '+', '-': '-', '*': '*', '/': '/', '%': '%' };

function literal(v: string | number | boolean | null): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return JSON.stringify(v);
}

function emit(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return literal(e.value);
    case 'name': {
      const root = ROOTS[e.name];
      if (!root) throw new Untranslatable(`unknown name '${e.name}'`);
      return root;
    }
    case 'member':
      return `member(${emit(e.object)}, ${JSON.stringify(e.property)})`;
    case 'index':
      return `at(${emit(e.object)}, ${emit(e.index)})`;
    case 'list':
      return `[${e.items.map(emit).join(', ')}]`;
    case 'call': {
      const call = Object.prototype.hasOwnProperty.call(CALLS, e.callee) ? CALLS[e.callee] : undefined;
      if (!call) throw new Untranslatable(`the function ${e.callee}() has no Python counterpart in the export`);
      return call(e.args.map(emit));
    }
    case 'unary':
      return e.op === 'not' ? `(not ${emit(e.operand)})` : `(-${emit(e.operand)})`;
    case 'binary':
      return `(${emit(e.left)} ${PY_OPS[e.op] ?? e.op} ${emit(e.right)})`;
  }
}

/** Translates a filter expression (e.g. `state.part == "List 1"`) to Python over a Thought `t`. */
export function expressionToPython(expr: string): PythonExpression {
  try {
    return { ok: true, code: emit(parseExpression(expr)) };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
