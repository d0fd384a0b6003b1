import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
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

/** Adds the input, model, budget and cache options to a command. */
export function addRunningOptions(cmd: Command, withInput: boolean): Command {
  if (withInput) cmd.option('--input <json>', 'the input state as a JSON object (default: the graph\'s own input)');
  return cmd
    .option('--dataset <file>', 'a dataset file (CSV or JSON) whose rows become inputs (default: the graph\'s dataset)')
    .option('--samples <rows>', 'dataset rows to run, e.g. 0-9 or 0-4,7 (default: every row of --dataset)')
    .option('--loader <name>', 'the task loader that turns a row into an input state (default: the graph\'s)')
    .option('--model <name>', 'model name; "simulator" is the offline simulator', 'simulator')
    .option('--base-url <url>', 'an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (key from OPENAI_API_KEY)')
    .option('--concurrency <n>', 'model calls in flight at once; 0 for no limit', '8')
    .option('--rpm <n>', 'OpenAI-compatible server only: requests started per minute at most (default: no limit)')
    .option('--budget <caps>', 'caps for the whole command, e.g. requests=100,tokens=1e6,dollars=2')
    .option('--max-requests <n>', 'the requests cap alone')
    .option('--max-tokens <n>', 'the tokens cap alone (prompt + completion)')
    .option('--max-dollars <n>', 'the cost cap alone, in dollars')
    .option('--no-cache', 'ask the model every time (the response cache is on by default)')
    .option('--cache-dir <dir>', 'where cached answers live', '.got-cache')
    .option('--seed <n>', 'seed for reproducible runs', '0')
    .option('--prices <file>', 'a JSON price table {"model": {"input": $, "output": $}} per million tokens, over the built-in one')
    .addOption(new Option('--latency-ms <ms>', 'simulator only: milliseconds before the first token of each call'))
    .addOption(new Option('--token-ms <ms>', 'simulator only: milliseconds per streamed output token'))
    .option('--quiet', 'no progress or warnings on stderr');
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
