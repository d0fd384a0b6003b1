import { z } from 'zod/mini';
import { defineOperation } from './definition';
import { OperationError, type OperationExecutor } from './execution';

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

const fmt = (x: number): string => String(Math.round(x * 1000) / 1000);

/**
 * Keeps the n best of all inputs, best first (as the reference returns them); a stable sort, so
 * ties keep input order. An unscored input stops the operation with an error naming it.
 */
export const executeKeepBestN: OperationExecutor<'keepBestN'> = async (ctx) => {
  const { n, higherIsBetter } = ctx.op.params;
  const items = await ctx.allInputs();
  const unscored = items.find((item) => !item.ann.scored || item.ann.score === null);
  if (unscored) {
    throw new OperationError(`${ctx.op.label} (${ctx.op.id}) got an unscored thought (${unscored.id}): put a Score before it`);
  }
  const sign = higherIsBetter ? -1 : 1;
  const ranked = items.map((item, i) => ({ item, i, s: item.ann.score as number })).sort((a, b) => sign * (a.s - b.s) || a.i - b.i);
  const kept = ranked.slice(0, n);
  const worstKept = kept[kept.length - 1]?.s ?? 0;
  const cp = ctx.latest(items);
  kept.forEach(({ item }, rank) => ctx.output({ ...item, key: [rank], cp }));
  for (const { item, s } of ranked.slice(n)) ctx.prune(item, `not among the best ${n} (score ${fmt(s)} vs ${fmt(worstKept)})`);
};
