import { z } from 'zod/mini';
import { defineOperation } from './definition';

export const keepBestNDefinition = defineOperation({
  type: 'keepBestN',
  label: 'Keep Best N',
  help: 'Keeps the n best scored thoughts; ties keep input order. Every input must be scored.',
  icon: '▲',
  category: 'filter',
  paramsSchema: z.object({
    n: z.int({ error: 'n is required' }).check(z.gte(1)),
    higherIsBetter: z._default(z.boolean(), true),
  }),
  fields: [
    { key: 'n', label: 'Keep n', help: 'How many thoughts survive.', kind: 'integer', min: 1, required: true },
    { key: 'higherIsBetter', label: 'Higher is better', help: 'Off when the score is an error (lower is better).', kind: 'boolean' },
  ],
  initialParams: { n: 1, higherIsBetter: true },
  summary: (p) => `keep ${p.n}, ${p.higherIsBetter ? 'higher' : 'lower'} is better`,
  makesThoughts: false,
  streams: () => false,
});
