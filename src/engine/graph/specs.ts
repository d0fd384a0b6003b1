import { z } from 'zod/mini';
import { en } from 'zod/locales';

// zod/mini (a fraction of classic zod's size in the first page load) ships no messages: use English ones.
z.config(en());

/**
 * Schemas of the pieces an operation's parameters are made of: prompt templates, answer parsers,
 * scorers, validators, ground-truth evaluators and selectors. These are the file format's
 * vocabulary; the engine interprets them (prompts/, functions/).
 */

/** Any JSON value a thought's state may hold under one key. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
export const jsonValueSchema: z.ZodMiniType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);
/** A thought's state: a flat JSON object whose keys prompt templates can name. */
export type ThoughtState = Record<string, JsonValue>;
export const thoughtStateSchema = z.record(z.string(), jsonValueSchema);

/**
 * A prompt template. Placeholders: `{{key}}` (a state key; arrays render as `[1, 2, 3]`),
 * `{{key|json}}`, `{{branches}}` (Generate's branchesPerPrompt), and for Aggregate and combined
 * Score `{{#each inputs}}…{{@n}}…{{key}}…{{/each}}` over the input thoughts (`@n` is 1-based).
 */
export const templateSchema = z.string();

const parserBase = {
  /** Constant keys laid over every state this parser produces (e.g. `{ phase: 2 }`). */
  set: z.optional(z.record(z.string(), jsonValueSchema)),
};

/** How a completion's text becomes zero or more state updates (one new thought per update). */
export const parserSpecSchema = z.discriminatedUnion('kind', [
  /** The whole text (trimmed) under `key`. */
  z.object({ kind: z.literal('text'), key: z._default(z.string().check(z.minLength(1)), 'current'), ...parserBase }),
  /** A JSON object (the first `{…}` in the text) laid over the state. */
  z.object({ kind: z.literal('json'), key: z.optional(z.string().check(z.minLength(1))), ...parserBase }),
  /** A JSON object of parts: one thought per property, `partKey` = the property name, each of `valueKeys` = its value. */
  z.object({
    kind: z.literal('jsonParts'),
    partKey: z._default(z.string().check(z.minLength(1)), 'part'),
    valueKeys: z._default(z.array(z.string().check(z.minLength(1))).check(z.minLength(1)), ['current']),
    ...parserBase,
  }),
  /** The last bracketed list `[…]` in the text under `key`. */
  z.object({
    kind: z.literal('list'),
    key: z._default(z.string().check(z.minLength(1)), 'current'),
    items: z._default(z.enum(['numbers', 'strings', 'any']), 'any'),
    ...parserBase,
  }),
  /** The last number in the text under `key`. */
  z.object({ kind: z.literal('number'), key: z._default(z.string().check(z.minLength(1)), 'value'), ...parserBase }),
  /** A regular-expression capture under `key` (group 1 unless `group`); `all` collects every match as a list. */
  z.object({
    kind: z.literal('regex'),
    pattern: z.string().check(z.minLength(1)),
    flags: z._default(z.string(), ''),
    key: z._default(z.string().check(z.minLength(1)), 'current'),
    group: z._default(z.int().check(z.gte(0)), 1),
    all: z._default(z.boolean(), false),
    ...parserBase,
  }),
  /** A named parser registered by a task (see FunctionRegistry.parsers). */
  z.object({ kind: z.literal('function'), name: z.string().check(z.minLength(1)), ...parserBase }),
]);
export type ParserSpec = z.infer<typeof parserSpecSchema>;

/** How an LLM scoring or validation answer (all `samples` completions of one request) becomes a value. */
export const answerReaderSchema = z.discriminatedUnion('kind', [
  /** The last number of each completion, averaged over samples. */
  z.object({ kind: z.literal('number') }),
  /** A regex capture (group 1) read as a number, averaged over samples. */
  z.object({ kind: z.literal('regex'), pattern: z.string().check(z.minLength(1)), flags: z._default(z.string(), '') }),
  /** The last bracketed list of numbers: one score per input thought (combined scoring). */
  z.object({ kind: z.literal('list') }),
  /** Yes/no: a completion says yes when it matches `yes` (default `\b(yes|valid|correct|true)\b`); majority of samples wins, ties are invalid. */
  z.object({ kind: z.literal('yesNo'), yes: z.optional(z.string()) }),
  /** A named reader registered by a task (see FunctionRegistry.answerReaders). */
  z.object({ kind: z.literal('function'), name: z.string().check(z.minLength(1)) }),
]);
export type AnswerReader = z.infer<typeof answerReaderSchema>;

/** User-written JavaScript, run isolated with a time limit. `code` is a function body receiving `state` (or `thoughts`). */
export const jsFunctionSchema = z.object({
  kind: z.literal('js'),
  code: z.string(),
  timeoutMs: z._default(z.int().check(z.gte(10), z.lte(60_000)), 1000),
});

/** A declarative filter/expression, e.g. `state.part == "List 2"` or `score < 3 and valid`. */
export const filterSchema = z.object({ kind: z.literal('filter'), expr: z.string().check(z.minLength(1)) });

const llmPromptFields = {
  prompt: templateSchema,
  system: z.optional(templateSchema),
  reader: answerReaderSchema,
  temperature: z.optional(z.number().check(z.gte(0), z.lte(2))),
  maxTokens: z.optional(z.int().check(z.gte(1))),
};

export const scorerSpecSchema = z.discriminatedUnion('kind', [
  /** A named built-in scorer (state → number); no request. */
  z.object({ kind: z.literal('function'), name: z.string().check(z.minLength(1)) }),
  /** A numeric expression over the thought, e.g. `len(state.current)`; no request. */
  z.object({ kind: z.literal('filter'), expr: z.string().check(z.minLength(1)) }),
  z.object({ kind: z.literal('llm'), ...llmPromptFields }),
  jsFunctionSchema,
]);
export type ScorerSpec = z.infer<typeof scorerSpecSchema>;

export const validatorSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('function'), name: z.string().check(z.minLength(1)) }),
  filterSchema,
  z.object({ kind: z.literal('llm'), ...llmPromptFields }),
  jsFunctionSchema,
]);
export type ValidatorSpec = z.infer<typeof validatorSpecSchema>;

export const evaluatorSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('function'), name: z.string().check(z.minLength(1)) }),
  filterSchema,
  jsFunctionSchema,
]);
export type EvaluatorSpec = z.infer<typeof evaluatorSpecSchema>;

export const selectorSpecSchema = z.discriminatedUnion('kind', [
  /** Keeps each thought for which the expression is true (per thought, so it can stream). */
  filterSchema,
  /** A named selector: a function of all the input thoughts. */
  z.object({ kind: z.literal('function'), name: z.string().check(z.minLength(1)) }),
  /** User JavaScript receiving `thoughts` and returning the ones to keep. */
  jsFunctionSchema,
]);
export type SelectorSpec = z.infer<typeof selectorSpecSchema>;
