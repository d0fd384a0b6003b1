import { z } from 'zod/mini';
import { parserSpecSchema, templateSchema } from '../graph/specs';
import type { ParamField } from './definition';

/** Prompt, parser and sampling fields shared by the operations that call the model. */
export const llmParamShape = {
  prompt: templateSchema.check(z.minLength(1, 'prompt is empty')),
  system: z.optional(templateSchema),
  parser: z._default(parserSpecSchema, { kind: 'text', key: 'current' }),
  temperature: z.optional(z.number().check(z.gte(0), z.lte(2))),
  maxTokens: z.optional(z.int().check(z.gte(1), z.lte(1_000_000))),
};

export const llmFields: readonly ParamField[] = [
  { key: 'prompt', label: 'Prompt', help: 'The user message; {{key}} inserts a state key of the input thought.', kind: 'template', required: true },
  { key: 'parser', label: 'Parser', help: 'How each completion becomes zero or more new thoughts.', kind: 'parser' },
  { key: 'system', label: 'System prompt', help: 'Optional system message sent before the prompt.', kind: 'template', advanced: true },
  { key: 'temperature', label: 'Temperature', help: 'Sampling temperature; empty uses the model settings.', kind: 'number', min: 0, max: 2, advanced: true },
  { key: 'maxTokens', label: 'Max tokens', help: 'Upper bound on each completion; empty uses the model settings.', kind: 'integer', min: 1, advanced: true },
];

export const samplesField = (help: string): ParamField => ({ key: 'samples', label: 'Samples', help, kind: 'integer', min: 1, max: 100 });
