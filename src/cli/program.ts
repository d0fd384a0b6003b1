import { Command, CommanderError } from 'commander';
import { compareCommand, type CompareCommandOptions } from './commands/compare';
import { addRunningOptions } from './commands/common';
import { runCommand, type RunCommandOptions } from './commands/run';
import { validateCommand } from './commands/validate';
import { CliError, EXIT, EXIT_CODES_HELP, type ExitCode } from './errors';
import type { CliIo } from './io';

const EXAMPLES = `
Examples:
  got-studio run public/examples/sorting-064-got.got.json --samples 0-9 --out run.json
  got-studio run graph.got.json --input '{"original": [3, 1, 2]}' --model gpt-4o-mini
  got-studio run graph.got.json --base-url http://localhost:11434/v1 --model llama3.2 --budget requests=100
  got-studio compare io.got.json cot.got.json tot.got.json got.got.json --samples 0-99 --format csv
  got-studio validate graph.got.json

The default model is the offline simulator (no key, no network). With --base-url (or a model name
other than "simulator") the OpenAI-compatible provider is used; its key comes from OPENAI_API_KEY
and is never printed or written.
`;

/** Builds the command-line program; each command resolves to its exit code. */
function buildProgram(io: CliIo, setExit: (code: ExitCode) => void): Command {
  const program = new Command('got-studio')
    .description('Run, compare and check Graph-of-Thoughts graphs (.got.json) from the command line.')
    .version('0.1.0', '-v, --version')
    .showHelpAfterError('(run got-studio --help for usage)')
    .addHelpText('after', `${EXAMPLES}\n${EXIT_CODES_HELP}\n`)
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .exitOverride();

  addRunningOptions(
    program.command('run').description('run a graph on an input or on dataset rows; prints a summary, --out writes the full JSON').argument('<graph>', 'a .got.json file'),
    true,
  )
    .option('--out <file>', 'write the run as JSON (a superset of the reference framework\'s output)')
    .option('--events', 'include every sample\'s event log in --out')
    .option('--from-run <file>', 'fork a recorded run (run --out FILE --events, or a recording): only operations GRAPH changed, and their descendants, run again')
    .option('--rerun-from <op...>', 'with --from-run: also run these operations and their descendants again')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n`)
    .action(async (graph: string, options: RunCommandOptions) => setExit(await runCommand(graph, options, io)));

  addRunningOptions(
    program.command('compare').description('run several graphs on the same samples and compare them per scheme').argument('<graphs...>', '.got.json files'),
    true,
  )
    .option('--format <format>', 'table, csv or json', 'table')
    .option('--out <file>', 'write the comparison (CSV if the name ends in .csv, else JSON with every sample)')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n`)
    .action(async (graphs: string[], options: CompareCommandOptions) => setExit(await compareCommand(graphs, options, io)));

  program
    .command('validate')
    .description('check graphs and print their diagnostics')
    .argument('<graphs...>', '.got.json files')
    .action(async (graphs: string[]) => setExit(await validateCommand(graphs, io)));

  return program;
}

/** Runs the command line on `argv` (without node and script) and returns the exit code; never exits the process. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof CliError) {
      io.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    io.stderr.write(`Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
