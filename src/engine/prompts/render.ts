import type { JsonValue, ThoughtState } from '../graph/specs';
import type { ThoughtView } from '../functions/types';
import { compileTemplate, TemplateError, type TemplateNode } from './template';

export { TemplateError, templatePlaceholders, compileTemplate } from './template';
export type { CompiledTemplate, TemplateNode } from './template';

/** What a template is rendered against. */
export interface RenderContext {
  state: ThoughtState;
  /** The input thoughts, for `{{#each inputs}}` (Aggregate, combined Score). */
  inputs?: readonly ThoughtView[];
  /** Generate's branchesPerPrompt, for `{{branches}}`. */
  branches?: number;
}

/** A value as JSON with a space after commas and colons: `[1, 2, 3]`, `{"a": 1}`. */
export function formatJson(v: JsonValue): string {
  if (Array.isArray(v)) return `[${v.map(formatJson).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${formatJson(x)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(v);
}

/** A value as a prompt shows it: strings as written, lists as `[1, 2, 3]`, objects as JSON. */
export function formatValue(v: JsonValue): string {
  return typeof v === 'string' ? v : formatJson(v);
}

const own = (state: ThoughtState, key: string): boolean => Object.prototype.hasOwnProperty.call(state, key);

function renderNodes(nodes: readonly TemplateNode[], ctx: RenderContext, item: { state: ThoughtState; n: number } | null): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text;
        break;
      case 'index':
        out += String(item?.n ?? '');
        break;
      case 'branches':
        if (ctx.branches !== undefined) out += String(ctx.branches);
        else if (own(ctx.state, 'branches')) out += formatValue(ctx.state.branches as JsonValue);
        else throw new TemplateError(`${node.raw} needs the number of branches, which only Generate provides`, node.raw);
        break;
      case 'key': {
        // Inside {{#each}} a key reads the input thought first, then the thought being prompted.
        const source = item && own(item.state, node.key) ? item.state : ctx.state;
        if (!own(source, node.key)) {
          const where = item ? `input ${item.n}'s state` : "the thought's state";
          throw new TemplateError(`the prompt uses ${node.raw} but ${where} has no key '${node.key}'`, node.raw);
        }
        const value = source[node.key] as JsonValue;
        out += node.json ? formatJson(value) : formatValue(value);
        break;
      }
      case 'each': {
        if (!ctx.inputs) throw new TemplateError(`${node.raw} is only available in Aggregate and combined Score prompts`, node.raw);
        ctx.inputs.forEach((input, i) => {
          out += renderNodes(node.body, ctx, { state: input.state, n: i + 1 });
        });
        break;
      }
    }
  }
  return out;
}

/**
 * Renders a prompt template against a thought's state (and, for Aggregate and combined Score,
 * the input thoughts). Throws TemplateError naming the placeholder when a key is missing or the
 * template is malformed.
 */
export function renderTemplate(template: string, ctx: RenderContext): string {
  const compiled = compileTemplate(template);
  if (!compiled.ok) throw new TemplateError(`the prompt template is malformed: ${compiled.message}`, compiled.placeholder);
  return renderNodes(compiled.nodes, ctx, null);
}
