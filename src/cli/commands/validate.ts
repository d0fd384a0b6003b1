import type { CliIo } from '../io';
import { CliError, EXIT, type ExitCode } from '../errors';
import { formatDiagnostic, loadGraph } from '../loadGraph';
import { sandboxedCodeNote } from '../../sandbox/documentCode';
import { cliFunctions } from './common';

/** `validate GRAPH…`: prints each graph's diagnostics; exit 3 if any graph is invalid, 2 if a file is missing. */
export async function validateCommand(files: readonly string[], io: CliIo): Promise<ExitCode> {
  const functions = cliFunctions();
  let worst: CliError | null = null;
  for (const file of files) {
    try {
      const graph = await loadGraph(file, io.cwd, functions);
      const ops = graph.document.operations.length;
      io.stdout.write(`${graph.path}: valid (${ops} operation${ops === 1 ? '' : 's'}, ${graph.warnings.length} warning${graph.warnings.length === 1 ? '' : 's'})\n`);
      for (const note of graph.notes) io.stdout.write(`  note    ${note}\n`);
      const code = sandboxedCodeNote(graph.document);
      if (code) io.stdout.write(`  note    ${code}\n`);
      for (const w of graph.warnings) io.stdout.write(`  ${formatDiagnostic(w)}\n`);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      io.stdout.write(`${e.message}\n`);
      if (!worst || e.exitCode < worst.exitCode) worst = e;
    }
  }
  return worst ? worst.exitCode : EXIT.ok;
}
