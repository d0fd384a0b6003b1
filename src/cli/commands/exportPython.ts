import { exportPython, validateDocument } from '../../engine/index';
import type { CliIo } from '../io';
import { EXIT, type ExitCode } from '../errors';
import { invalidGraph, loadGraph } from '../loadGraph';
import { cliFunctions } from './common';
import { writeReport } from '../outFile';

export interface ExportPythonCommandOptions {
  out?: string;
  model?: string;
}

/** `export-python GRAPH [-o FILE]`: the graph as a script for the reference framework; notes go to stderr. */
export async function exportPythonCommand(file: string, o: ExportPythonCommandOptions, io: CliIo): Promise<ExitCode> {
  const functions = cliFunctions();
  const loaded = await loadGraph(file, io.cwd, functions);
  const { graph, diagnostics } = validateDocument(loaded.document, { functions });
  if (!graph) throw invalidGraph(loaded.path, diagnostics);
  const { script, notes } = exportPython(graph, o.model === undefined ? {} : { modelId: o.model });
  if (o.out) {
    const path = await writeReport(o.out, io.cwd, script);
    io.stderr.write(`Wrote ${path}\n`);
  } else io.stdout.write(script);
  for (const n of notes) io.stderr.write(`note: ${n}\n`);
  return EXIT.ok;
}
