import { OperationError, type OperationExecutor } from './execution';

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
