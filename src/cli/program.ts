import { Command, CommanderError } from 'commander';
import type { CompareCommandOptions } from './commands/compare';
import type { ExportPythonCommandOptions } from './commands/exportPython';
import type { ImportReferenceCommandOptions } from './commands/importReference';
import type { RunCommandOptions } from './commands/run';
import { addRunningOptions } from './commands/runningOptions';
import type { ReplayCommandOptions } from './commands/replay';
import { CliError, EXIT, EXIT_CODES_HELP, type ExitCode } from './errors';
import { terminalSafeIo } from './terminalText';
import type { CliIo } from './io';

const EXAMPLES = `
Examples:
  got-studio run public/examples/sorting-064-got.got.json --samples 0-9 --out run.json
  got-studio run graph.got.json --input '{"original": [3, 1, 2]}' --model gpt-4o-mini
  got-studio run graph.got.json --base-url http://localhost:11434/v1 --model llama3.2 --budget requests=100
  got-studio compare io.got.json cot.got.json tot.got.json got.got.json --samples 0-99 --format csv
  got-studio run graph.got.json --record run.gotrec.json && got-studio replay run.gotrec.json --speed 2
  got-studio validate graph.got.json
  got-studio export-python public/examples/sorting-032-got.got.json -o sorting.py
  got-studio import-reference sorting.output.json -o report.json

The default model is the offline simulator (no key, no network). With --base-url (or a model name
other than "simulator") the OpenAI-compatible provider is used; its key comes from OPENAI_API_KEY
and is never printed or written.
`;

/** Builds the command-line program; each command resolves to its exit code and loads its code only when it runs (so --help starts fast). */
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
    .option('--record <file>', 'save the run as a recording (.gotrec.json) that `replay` plays back without a model')
    .option('--from-run <file>', 'fork a recorded run (run --out FILE --events, or a recording): only operations GRAPH changed, and their descendants, run again')
    .option('--rerun-from <op...>', 'with --from-run: also run these operations and their descendants again')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n`)
    .action(async (graph: string, options: RunCommandOptions) => setExit(await (await import('./commands/run')).runCommand(graph, options, io)));

  addRunningOptions(
    program.command('compare').description('run several graphs on the same samples and compare them per scheme').argument('<graphs...>', '.got.json files'),
    true,
  )
    .option('--format <format>', 'table, csv or json', 'table')
    .option('--out <file>', 'write the comparison (CSV if the name ends in .csv, else JSON with every sample)')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n`)
    .action(async (graphs: string[], options: CompareCommandOptions) => setExit(await (await import('./commands/compare')).compareCommand(graphs, options, io)));

  program
    .command('replay')
    .description('play a recording (.gotrec.json) back without a model, key or network; --out writes the same report as run')
    .argument('<recording>', 'a .gotrec.json file (from run --record, or saved in the app)')
    .option('--speed <n>', 'playback speed: 1 = real time, 2, 10, or instant', 'instant')
    .option('--out <file>', 'write the run report as JSON (the format run --out writes)')
    .option('--events', "include every sample's event log in --out")
    .option('--quiet', 'no progress on stderr')
    .option('--verify', 'also re-run the graph through the engine on the recorded answers and check it makes the same thoughts and figures')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n`)
    .action(async (file: string, options: ReplayCommandOptions) => setExit(await (await import('./commands/replay')).replayCommand(file, options, io)));

  program
    .command('validate')
    .description('check graphs and print their diagnostics')
    .argument('<graphs...>', '.got.json files')
    .action(async (graphs: string[]) => setExit(await (await import('./commands/validate')).validateCommand(graphs, io)));

  program
    .command('export-python')
    .description('write the graph as a Python script for the reference framework (graph_of_thoughts); notes on what has no counterpart go to stderr')
    .argument('<graph>', 'a .got.json file')
    .option('-o, --out <file>', 'write the script to this file (default: stdout)')
    .option('--model <id>', 'model id written into the script\'s ChatGPT config (GOT_MODEL_ID overrides it when the script runs)')
    .action(async (graph: string, options: ExportPythonCommandOptions) => setExit(await (await import('./commands/exportPython')).exportPythonCommand(graph, options, io)));

  program
    .command('import-reference')
    .description("convert the JSON that the reference framework's Controller.output_graph writes into GoT Studio's run report")
    .argument('<file>', 'an output_graph JSON file')
    .requiredOption('-o, --out <file>', 'write the report (the format run --out writes) to this file')
    .action(async (file: string, options: ImportReferenceCommandOptions) => setExit(await (await import('./commands/importReference')).importReferenceCommand(file, options, io)));

  return program;
}

/** Runs the command line on `argv` (without node and script) and returns the exit code; never exits the process. */
export async function runCli(argv: readonly string[], terminal: CliIo): Promise<number> {
  // Graph titles, labels, answers and error messages all reach the terminal through here, cleaned of control sequences.
  const io = terminalSafeIo(terminal);
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
