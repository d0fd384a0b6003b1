/**
 * Parser of the filter/expression language used by Selector filters, expression scorers and
 * validators: `state.part == "List 2"`, `score < 3 and valid`, `not solved`, `len(state.current) > 4`.
 * Hand-written (no eval) so an expression can only read the thought it is given.
 */

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null; column: number }
  | { kind: 'name'; name: string; column: number }
  | { kind: 'member'; object: Expr; property: string; column: number }
  | { kind: 'index'; object: Expr; index: Expr; column: number }
  | { kind: 'call'; callee: string; args: Expr[]; column: number }
  | { kind: 'list'; items: Expr[]; column: number }
  | { kind: 'unary'; op: 'not' | '-'; operand: Expr; column: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; column: number };

export type BinaryOp = 'or' | 'and' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

/** A syntax error with the 1-based column where it was found. */
export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
    this.name = 'ExpressionSyntaxError';
  }
}

type Token =
  | { type: 'number'; value: number; column: number }
  | { type: 'string'; value: string; column: number }
  | { type: 'ident'; value: string; column: number }
  | { type: 'op'; value: string; column: number }
  | { type: 'end'; column: number };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '+', '-', '*', '/', '%', '(', ')', '[', ']', ',', '.', '!'];
const KEYWORD_OPS = new Set(['and', 'or', 'not']);

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    const column = i + 1;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      const text = m?.[0] ?? ch;
      tokens.push({ type: 'number', value: Number(text), column });
      i += text.length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let value = '';
      while (j < src.length && src[j] !== ch) {
        if (src[j] === '\\' && j + 1 < src.length) {
          const next = src[j + 1] as string;
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          j += 2;
        } else {
          value += src[j];
          j++;
        }
      }
      if (j >= src.length) throw new ExpressionSyntaxError(`unterminated string starting with ${ch}`, column);
      tokens.push({ type: 'string', value, column });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_$@]/.test(ch)) {
      const m = /^[A-Za-z_$@][A-Za-z0-9_$]*/.exec(src.slice(i));
      const text = m?.[0] ?? ch;
      tokens.push(KEYWORD_OPS.has(text) ? { type: 'op', value: text, column } : { type: 'ident', value: text, column });
      i += text.length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExpressionSyntaxError(`unexpected character '${ch}'`, column);
    const normalized = op === '&&' ? 'and' : op === '||' ? 'or' : op === '!' ? 'not' : op;
    tokens.push({ type: 'op', value: normalized, column });
    i += op.length;
  }
  tokens.push({ type: 'end', column: src.length + 1 });
  return tokens;
}

const describe = (t: Token): string =>
  t.type === 'end' ? 'the end of the expression' : t.type === 'string' ? `"${t.value}"` : `'${String(t.value)}'`;

/** Parses an expression into a tree; throws ExpressionSyntaxError with a column. */
export function parseExpression(src: string): Expr {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (): Token => tokens[pos] as Token;
  const next = (): Token => tokens[pos++] as Token;
  const isOp = (value: string): boolean => {
    const t = peek();
    return t.type === 'op' && t.value === value;
  };
  const expectOp = (value: string, what: string): void => {
    const t = peek();
    if (!isOp(value)) throw new ExpressionSyntaxError(`expected ${what} but found ${describe(t)}`, t.column);
    pos++;
  };

  const binaryLevel = (ops: readonly string[], sub: () => Expr) => (): Expr => {
    let left = sub();
    for (;;) {
      const t = peek();
      if (t.type !== 'op' || !ops.includes(t.value)) return left;
      pos++;
      const right = sub();
      left = { kind: 'binary', op: t.value as BinaryOp, left, right, column: t.column };
    }
  };

  const primary = (): Expr => {
    const t = next();
    if (t.type === 'number' || t.type === 'string') return { kind: 'literal', value: t.value, column: t.column };
    if (t.type === 'ident') {
      if (t.value === 'true' || t.value === 'false') return { kind: 'literal', value: t.value === 'true', column: t.column };
      if (t.value === 'null') return { kind: 'literal', value: null, column: t.column };
      if (isOp('(')) {
        pos++;
        const args: Expr[] = [];
        if (!isOp(')')) {
          do args.push(orExpr());
          while (isOp(',') && (pos++, true));
        }
        expectOp(')', `')' to close the call of ${t.value}`);
        return { kind: 'call', callee: t.value, args, column: t.column };
      }
      return { kind: 'name', name: t.value, column: t.column };
    }
    if (t.type === 'op' && t.value === '(') {
      const inner = orExpr();
      expectOp(')', "')'");
      return inner;
    }
    if (t.type === 'op' && t.value === '[') {
      const items: Expr[] = [];
      if (!isOp(']')) {
        do items.push(orExpr());
        while (isOp(',') && (pos++, true));
      }
      expectOp(']', "']' to close the list");
      return { kind: 'list', items, column: t.column };
    }
    throw new ExpressionSyntaxError(`expected a value but found ${describe(t)}`, t.column);
  };

  const postfix = (): Expr => {
    let e = primary();
    for (;;) {
      if (isOp('.')) {
        const dot = next();
        const name = next();
        if (name.type !== 'ident')
          throw new ExpressionSyntaxError(`expected a key name after '.' but found ${describe(name)}`, name.column);
        e = { kind: 'member', object: e, property: name.value, column: dot.column };
      } else if (isOp('[')) {
        const open = next();
        const index = orExpr();
        expectOp(']', "']'");
        e = { kind: 'index', object: e, index, column: open.column };
      } else return e;
    }
  };

  const unary = (): Expr => {
    const t = peek();
    if (t.type === 'op' && t.value === '-') {
      pos++;
      return { kind: 'unary', op: '-', operand: unary(), column: t.column };
    }
    return postfix();
  };
  const multiplicative = binaryLevel(['*', '/', '%'], unary);
  const additive = binaryLevel(['+', '-'], multiplicative);
  const comparison = binaryLevel(['==', '!=', '<', '<=', '>', '>='], additive);
  const notExpr = (): Expr => {
    const t = peek();
    if (t.type === 'op' && t.value === 'not') {
      pos++;
      return { kind: 'unary', op: 'not', operand: notExpr(), column: t.column };
    }
    return comparison();
  };
  const andExpr = binaryLevel(['and'], notExpr);
  const orExpr = binaryLevel(['or'], andExpr);

  if (peek().type === 'end') throw new ExpressionSyntaxError('the expression is empty', 1);
  const tree = orExpr();
  const rest = peek();
  if (rest.type !== 'end') throw new ExpressionSyntaxError(`unexpected ${describe(rest)}`, rest.column);
  return tree;
}
