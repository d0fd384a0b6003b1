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

/** The part of an operation's context these helpers use. */
export type LlmContext = Pick<OperationContext, 'create' | 'env' | 'defaults'>;

/** Temperature and max tokens: the operation's own, else the run's defaults. */
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
  const { call, parents, base } = a;
  call.texts.forEach((text, completion) => {
    const parsed = parseAnswer(a.parser, text, { state: base, inputs: a.inputs }, ctx.env.functions);
    if (!parsed.ok) {
      const parseError = { message: parsed.message, raw: text };
      made.push(ctx.create({ tag: a.tag(completion, 0), key: a.key(completion, 0), parents, state: { ...base }, parseError, call, completion, part: 0, parts: 1 }));
    } else if (a.single) {
      const state = Object.assign({ ...base }, ...parsed.updates) as ThoughtState;
      made.push(ctx.create({ tag: a.tag(completion, 0), key: a.key(completion, 0), parents, state, call, completion, part: 0, parts: 1 }));
    } else {
      const parts = parsed.updates.length;
      parsed.updates.forEach((update, part) => {
        made.push(ctx.create({ tag: a.tag(completion, part), key: a.key(completion, part), parents, state: { ...base, ...update }, call, completion, part, parts }));
      });
    }
  });
  return made;
}
