/**
 * The prompt template grammar (see graph/specs.ts): `{{key}}`, `{{key|json}}`, `{{branches}}`,
 * and `{{#each inputs}}…{{@n}}…{{key}}…{{/each}}`. Compiled once, cached, rendered many times.
 */

export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'key'; key: string; json: boolean; raw: string; column: number }
  | { kind: 'branches'; raw: string; column: number }
  | { kind: 'index'; raw: string; column: number }
  | { kind: 'each'; body: TemplateNode[]; raw: string; column: number };

export type CompiledTemplate = { ok: true; nodes: TemplateNode[] } | { ok: false; message: string; placeholder: string; column: number };

/** A template that cannot be rendered: a missing state key or a malformed placeholder. */
export class TemplateError extends Error {
  constructor(
    message: string,
    /** The placeholder at fault, as written (e.g. `{{current}}`). */
    readonly placeholder: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly placeholder: string,
    readonly column: number,
  ) {
    super(message);
  }
}

function parse(src: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  let current = root;
  let open: { raw: string; column: number } | null = null;
  let i = 0;
  let text = '';
  while (i < src.length) {
    let start = src.indexOf('{{', i);
    if (start < 0) {
      text += src.slice(i);
      break;
    }
    // Extra leading braces are literal text: `{{{key}}}` renders `{value}`.
    while (src[start + 2] === '{') start++;
    text += src.slice(i, start);
    const end = src.indexOf('}}', start + 2);
    const column = start + 1;
    if (end < 0) throw new SyntaxFailure(`'{{' at column ${column} is never closed with '}}'`, src.slice(start, start + 20), column);
    const raw = src.slice(start, end + 2);
    const body = src.slice(start + 2, end).trim();
    if (text) current.push({ kind: 'text', text });
    text = '';
    i = end + 2;
    if (body === '') throw new SyntaxFailure(`empty placeholder ${raw} at column ${column}`, raw, column);
    if (body.startsWith('#')) {
      if (!/^#\s*each\s+inputs$/.test(body))
        throw new SyntaxFailure(`unknown block ${raw}: the only block is {{#each inputs}}`, raw, column);
      if (open) throw new SyntaxFailure(`{{#each inputs}} cannot be nested (column ${column})`, raw, column);
      const node: TemplateNode = { kind: 'each', body: [], raw, column };
      current.push(node);
      current = node.body;
      open = { raw, column };
    } else if (body.startsWith('/')) {
      if (!/^\/\s*each$/.test(body)) throw new SyntaxFailure(`unknown closing tag ${raw}: did you mean {{/each}}?`, raw, column);
      if (!open) throw new SyntaxFailure(`{{/each}} at column ${column} has no matching {{#each inputs}}`, raw, column);
      current = root;
      open = null;
    } else if (body.startsWith('@')) {
      if (!/^@\s*n$/.test(body))
        throw new SyntaxFailure(`unknown placeholder ${raw}: inside {{#each inputs}} use {{@n}} for the input's number`, raw, column);
      if (!open) throw new SyntaxFailure(`{{@n}} at column ${column} is only meaningful inside {{#each inputs}}…{{/each}}`, raw, column);
      current.push({ kind: 'index', raw, column });
    } else {
      const [name = '', ...filters] = body.split('|').map((s) => s.trim());
      if (name === '') throw new SyntaxFailure(`placeholder ${raw} has no key name`, raw, column);
      if (filters.length > 1 || (filters.length === 1 && filters[0] !== 'json')) {
        throw new SyntaxFailure(`unknown filter in ${raw}: the only filter is |json`, raw, column);
      }
      if (name === 'branches' && filters.length === 0) current.push({ kind: 'branches', raw, column });
      else current.push({ kind: 'key', key: name, json: filters.length === 1, raw, column });
    }
  }
  if (text) current.push({ kind: 'text', text });
  if (open) throw new SyntaxFailure(`{{#each inputs}} at column ${open.column} is never closed with {{/each}}`, open.raw, open.column);
  return root;
}

const cache = new Map<string, CompiledTemplate>();

/** Parses a template once (cached). A syntax error carries the placeholder and its 1-based column. */
export function compileTemplate(template: string): CompiledTemplate {
  const hit = cache.get(template);
  if (hit) return hit;
  let result: CompiledTemplate;
  try {
    result = { ok: true, nodes: parse(template) };
  } catch (err) {
    if (!(err instanceof SyntaxFailure)) throw err;
    result = { ok: false, message: err.message, placeholder: err.placeholder, column: err.column };
  }
  if (cache.size > 1000) cache.clear();
  cache.set(template, result);
  return result;
}

/** The state keys a template reads (outside and inside `{{#each inputs}}`), in order of first use. */
export function templatePlaceholders(template: string): string[] {
  const compiled = compileTemplate(template);
  const keys = new Set<string>();
  if (compiled.ok) {
    const walk = (nodes: TemplateNode[]): void => {
      for (const n of nodes) {
        if (n.kind === 'key') keys.add(n.key);
        else if (n.kind === 'each') walk(n.body);
      }
    };
    walk(compiled.nodes);
  } else {
    // Best effort on a malformed template, so the editor can still complete and warn.
    for (const m of template.matchAll(/\{\{\s*([^#/@{}|\s][^{}|]*?)\s*(?:\|\s*json\s*)?\}\}/g)) {
      const key = (m[1] ?? '').trim();
      if (key && key !== 'branches') keys.add(key);
    }
  }
  return [...keys];
}
