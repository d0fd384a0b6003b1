// Usage: npx tsx scripts/estimateTable.ts [--row N] (default: row 0, each example's default input).
// Prints, for every gallery example, the "Before you run" estimate against a simulator run of its
// default input (cache off, no latency): tokens and dollars, and the ratio estimate ÷ actual.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinFunctions, estimateRun, likelyOf, exampleSpecs, loadDatasetRow, mergeFunctionRegistries, parseDatasetText, roughTokenCount, runGraph, simulatorModel, taskFunctions } from '../src/engine/index';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
// A priced model's rates (gpt-4o's list price), so dollars weigh prompt and completion tokens differently.
const pricing = { promptPerMTok: 2.5, completionPerMTok: 10 };
const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
const model = simulatorModel({ latency: { baseMs: 0, perTokenMs: 0 } });
const rowArg = process.argv.indexOf('--row');
const row = rowArg > 0 ? Number(process.argv[rowArg + 1]) : 0;
const pct = (x: number): string => `${x >= 1 ? '+' : ''}${((x - 1) * 100).toFixed(0)}%`;

console.log(['example', 'est tokens', 'actual tokens', 'tokens', 'est $', 'actual $', 'dollars'].join('\t'));
let worst = 1;
for (const spec of exampleSpecs) {
  const rows = parseDatasetText(readFileSync(join(publicDir, spec.dataset.file), 'utf8'), spec.dataset.file);
  const input = loadDatasetRow(spec.dataset.loader, rows[row] ?? {}, row);
  const doc = spec.build(input);
  const e = estimateRun(doc, pricing, roughTokenCount).totals;
  const { summary } = await runGraph(doc, { model, functions, input, seed: 0, sampleIndex: row, concurrency: Infinity, cache: false });
  const estTokens = likelyOf(e.promptTokens) + likelyOf(e.completionTokens);
  const actualTokens = summary.promptTokens + summary.completionTokens;
  const actualCost = (summary.promptTokens * pricing.promptPerMTok + summary.completionTokens * pricing.completionPerMTok) / 1e6;
  const estCost = likelyOf(e.cost);
  const ratios = [estTokens / actualTokens, estCost / actualCost];
  for (const r of ratios) worst = Math.max(worst, r, 1 / r);
  console.log([spec.id, Math.round(estTokens), actualTokens, pct(ratios[0] as number), estCost.toFixed(5), actualCost.toFixed(5), pct(ratios[1] as number)].join('\t'));
}
console.log(`worst: ${worst.toFixed(2)}× off`);
