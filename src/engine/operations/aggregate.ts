import { z } from 'zod/mini';
import { defineOperation } from './definition';
import type { JsonValue, ThoughtState } from '../graph/specs';
import type { ThoughtView } from '../functions/types';
import { llmFields, llmParamShape, samplesField } from './llmFields';

export const aggregateDefinition = defineOperation({
  type: 'aggregate',
  label: 'Aggregate',
  help: 'One prompt over all input thoughts; each completion becomes thoughts whose parents are all the inputs.',
  icon: '⋈',
  category: 'llm',
  paramsSchema: z.object({
    samples: z._default(z.int().check(z.gte(1), z.lte(100)), 1),
    concatKeys: z._default(z.array(z.string().check(z.minLength(1))), []),
    ...llmParamShape,
  }),
  fields: [
    samplesField('Completions requested for the aggregation prompt.'),
    ...llmFields,
    { key: 'concatKeys', label: 'Concatenate keys', help: 'State keys whose values are concatenated across inputs (in input order) in the base state.', kind: 'stringList', advanced: true },
  ],
  initialParams: { samples: 1, prompt: '', parser: { kind: 'text', key: 'current' }, concatKeys: [] },
  summary: (p) => `${p.samples} sample${p.samples === 1 ? '' : 's'}`,
  makesThoughts: true,
  streams: () => false,
});

const scoreOf = (t: ThoughtView): number => (t.scored && t.score !== null ? t.score : -Infinity);

/**
 * The base state of an aggregation: the inputs' states laid over each other in ascending score
 * order, as the reference does (so the highest score's keys win, which for an error score is the
 * worst input's; unscored inputs count as lowest, ties keep input order),
 * then each of `concatKeys` concatenated over the inputs in input order.
 */
export function aggregateBase(inputs: readonly ThoughtView[], concatKeys: readonly string[]): ThoughtState {
  const base: ThoughtState = {};
  const ascending = inputs.map((t, i) => ({ t, i })).sort((a, b) => scoreOf(a.t) - scoreOf(b.t) || a.i - b.i);
  for (const { t } of ascending) Object.assign(base, t.state);
  for (const key of concatKeys) {
    const values = inputs.flatMap((t) => (Object.prototype.hasOwnProperty.call(t.state, key) ? [t.state[key] as JsonValue] : []));
    if (values.length === 0) continue;
    if (values.every((v) => typeof v === 'string')) base[key] = values.join('\n');
    else base[key] = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
  }
  return base;
}
