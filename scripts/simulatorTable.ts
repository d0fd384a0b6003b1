// Prints the offline simulator's error per scheme and size on sorting and set intersection over
// dataset rows (default 0–19, seed 0, cache off), GoT's reduction over ToT and ToT2, and the cost
// per row at gpt-3.5-turbo prices: the paper's Fig. 5 as the simulator plays it.
// Usage: npm run sim-table [-- --rows 0-19]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIST_SCHEMES, LIST_SIZES, parseDatasetText, reduction, scaleStudy, type DatasetRow, type ScaleCell } from '../src/engine/index';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const arg = process.argv.indexOf('--rows');
const [first, last] = (arg > 0 ? (process.argv[arg + 1] ?? '0-19') : '0-19').split('-').map(Number) as [number, number];
const rows = Array.from({ length: last - first + 1 }, (_, i) => first + i);
const cache = new Map<string, DatasetRow[]>();
const rowsOf = (file: string): DatasetRow[] => {
  let r = cache.get(file);
  if (!r) cache.set(file, (r = parseDatasetText(readFileSync(join(publicDir, file), 'utf8'), file)));
  return r;
};

const cells = await scaleStudy({ rows, rowsOf });
const cell = (task: string, size: number, scheme: string): ScaleCell => cells.find((c) => c.task === task && c.size === size && c.scheme === scheme) as ScaleCell;
const pct = (x: number): string => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '—');
const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));

for (const task of ['sorting', 'setIntersection'] as const) {
  console.log(`\n${task}, rows ${first}–${last}: median / mean error (lower is better), $ per row`);
  console.log(['size', ...LIST_SCHEMES, 'GoT vs ToT (median / mean)', 'GoT vs ToT2 (median / mean)', 'GoT $ vs ToT'].join('\t'));
  for (const size of LIST_SIZES) {
    const by = (s: string): ScaleCell => cell(task, size, s);
    const [got, tot, tot2] = [by('GoT'), by('ToT'), by('ToT2')];
    console.log([
      size,
      ...LIST_SCHEMES.map((s) => `${fmt(by(s).median)} / ${fmt(by(s).mean)} / $${by(s).cost.toFixed(4)}`),
      `${pct(reduction(got.median, tot.median))} / ${pct(reduction(got.mean, tot.mean))}`,
      `${pct(reduction(got.median, tot2.median))} / ${pct(reduction(got.mean, tot2.mean))}`,
      `${pct(reduction(got.cost, tot.cost))} cheaper (tokens in/out per row: GoT ${Math.round(got.promptTokens)}/${Math.round(got.completionTokens)}, ToT ${Math.round(tot.promptTokens)}/${Math.round(tot.completionTokens)})`,
    ].join('\t'));
  }
}
