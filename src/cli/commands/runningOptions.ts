import { Option, type Command } from 'commander';

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
