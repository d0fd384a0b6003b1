import { resolve } from 'node:path';
import { builtinFunctions, DEFAULT_PRICES, mergeFunctionRegistries, parsePriceTable, taskFunctions, type Budget, type FunctionRegistry, type PriceTable } from '../../engine/index';
import { parseBudget, parseLimit } from '../args/parseBudget';
import { CliError, EXIT } from '../errors';
import { readTextFile } from '../loadGraph';
import type { InputOptions } from '../inputs';
import type { ModelOptions } from '../modelSetup';

/** Options every running command (run, compare) takes, as commander hands them over. */
export interface RunningOptions extends InputOptions {
  model?: string;
  baseUrl?: string;
  concurrency: string;
  rpm?: string;
  budget?: string;
  maxRequests?: string;
  maxTokens?: string;
  maxDollars?: string;
  cache: boolean;
  cacheDir?: string;
  seed: string;
  prices?: string;
  latencyMs?: string;
  tokenMs?: string;
  quiet?: boolean;
}


/** Turns a non-negative integer option into a number, or a usage error naming the flag. */
function intOption(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(EXIT.usage, `${flag}: "${value}" is not a whole number ≥ 0.`);
  return n;
}

/** The batch budget from --budget and the separate --max-* flags (which win). */
export function budgetFrom(o: RunningOptions): Budget {
  const budget: Budget = o.budget ? parseBudget(o.budget) : {};
  if (o.maxRequests !== undefined) budget.requests = parseLimit(o.maxRequests, '--max-requests');
  if (o.maxTokens !== undefined) budget.tokens = parseLimit(o.maxTokens, '--max-tokens');
  if (o.maxDollars !== undefined) budget.cost = parseLimit(o.maxDollars, '--max-dollars');
  return budget;
}

/** Model settings from the options. */
export function modelOptionsFrom(o: RunningOptions): ModelOptions {
  const concurrency = intOption(o.concurrency, '--concurrency');
  return {
    model: o.model,
    baseUrl: o.baseUrl,
    seed: intOption(o.seed, '--seed'),
    ...(o.latencyMs === undefined ? {} : { latencyMs: intOption(o.latencyMs, '--latency-ms') }),
    ...(o.tokenMs === undefined ? {} : { tokenMs: intOption(o.tokenMs, '--token-ms') }),
    concurrency: concurrency === 0 ? Number.POSITIVE_INFINITY : concurrency,
    ...(o.rpm === undefined ? {} : { requestsPerMinute: intOption(o.rpm, '--rpm') }),
    cache: o.cache,
    ...(o.cacheDir === undefined ? {} : { cacheDir: o.cacheDir }),
  };
}

/** The price table: the built-in one, with the entries of `--prices FILE` laid over it. */
export async function pricesFrom(o: RunningOptions, cwd: string): Promise<PriceTable> {
  if (o.prices === undefined) return DEFAULT_PRICES;
  const path = resolve(cwd, o.prices);
  const read = parsePriceTable(await readTextFile(path, 'Price table'));
  if (!read.ok) throw new CliError(EXIT.usage, `--prices ${path}: ${read.message}`);
  return read.table;
}

/** The functions graphs may name: the generic built-ins and every task's. */
export function cliFunctions(): FunctionRegistry {
  return mergeFunctionRegistries(builtinFunctions(), taskFunctions());
}

/** Writes a report file, creating its folder. */
