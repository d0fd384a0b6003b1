import type { ParserSpec, ThoughtState } from '../graph/specs';
import type { ThoughtView } from '../functions/types';
import type { ChatMessage } from '../models/types';
import { parseAnswer } from '../prompts/parse';
import { renderTemplate, type RenderContext } from '../prompts/render';
import type { CallOutcome, FlowItem, OperationContext } from './execution';

/** The messages of a prompt: an optional system message, then the user message. */
export function promptMessages(p: { prompt: string; system?: string | undefined }, ctx: RenderContext): ChatMessage[] {
  const user: ChatMessage = { role: 'user', content: renderTemplate(p.prompt, ctx) };
  return p.system ? [{ role: 'system', content: renderTemplate(p.system, ctx) }, user] : [user];
}

/** Temperature and max tokens: the operation's own, else the run's defaults. */
/** The part of an operation's context these helpers use. */
export type LlmContext = Pick<OperationContext, 'create' | 'env' | 'defaults'>;

export function sampling(
  ctx: LlmContext,
  p: { temperature?: number | undefined; maxTokens?: number | undefined },
): { temperature?: number; maxTokens?: number } {
  const out: { temperature?: number; maxTokens?: number } = {};
  const temperature = p.temperature ?? ctx.defaults.temperature;
  const maxTokens = p.maxTokens ?? ctx.defaults.maxTokens;
  if (temperature !== undefined) out.temperature = temperature;
  if (maxTokens !== undefined) out.maxTokens = maxTokens;
  return out;
}

export interface ThoughtsFromCall {
  call: CallOutcome;
  parents: readonly FlowItem[];
  /** The state the new thoughts start from (parsed keys are laid over it). */
  base: ThoughtState;
  parser: ParserSpec;
  /** What the parser sees as `inputs` (Aggregate's input thoughts). */
  inputs: readonly ThoughtView[];
  /** The id tag and canonical key of the thought from completion c, part p. */
  tag: (completion: number, part: number) => string;
  key: (completion: number, part: number) => readonly number[];
  /** Improve-style: exactly one thought per completion (all parsed updates laid over one state). */
  single?: boolean;
}

/**
 * Turns every completion of a call into new thoughts: each parsed update becomes one child whose
 * state is `{...base, ...update}`; a completion that cannot be parsed becomes one child with the
 * base state and the parse error (the task's scorer then scores it).
 */
export function thoughtsFromCall(ctx: LlmContext, a: ThoughtsFromCall): FlowItem[] {
  const made: FlowItem[] = [];
  a.call.texts.forEach((text, c) => {
    const parsed = parseAnswer(a.parser, text, { state: a.base, inputs: a.inputs }, ctx.env.functions);
    const common = { parents: a.parents, call: a.call, completion: c };
    if (!parsed.ok) {
      made.push(ctx.create({ ...common, tag: a.tag(c, 0), key: a.key(c, 0), state: { ...a.base }, parseError: { message: parsed.message, raw: text }, part: 0, parts: 1 }));
      return;
    }
    if (a.single) {
      made.push(ctx.create({ ...common, tag: a.tag(c, 0), key: a.key(c, 0), state: Object.assign({ ...a.base }, ...parsed.updates) as ThoughtState, part: 0, parts: 1 }));
      return;
    }
    parsed.updates.forEach((update, p) => {
      made.push(ctx.create({ ...common, tag: a.tag(c, p), key: a.key(c, p), state: { ...a.base, ...update }, part: p, parts: parsed.updates.length }));
    });
  });
  return made;
}
