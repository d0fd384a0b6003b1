import { basename, resolve } from 'node:path';
import { exportRun, parseReferenceOutput } from '../../engine/index';
import type { CliIo } from '../io';
import { CliError, EXIT, type ExitCode } from '../errors';
import { readTextFile } from '../loadGraph';
import { writeReport } from '../outFile';

export interface ImportReferenceCommandOptions {
  out: string;
}

/** `import-reference FILE -o report.json`: a reference output_graph file as GoT Studio's run report (no lineage: no edges). */
export async function importReferenceCommand(file: string, o: ImportReferenceCommandOptions, io: CliIo): Promise<ExitCode> {
  const path = resolve(io.cwd, file);
  const text = await readTextFile(path, 'Reference output');
  const parsed = parseReferenceOutput(text, basename(path));
  if (!parsed.ok) throw new CliError(EXIT.usage, `${path} is not a reference output_graph file:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}`);
  const { document, events, notes } = parsed.value;
  // The file names no model or settings: the report says so with placeholders.
  const settings = { model: { baseUrl: 'reference-framework', model: 'unknown' }, concurrency: 1, budget: {}, seed: 0, cache: false };
  const report = exportRun({ document, source: basename(path), settings, samples: [{ sampleIndex: null, input: {}, events }] });
  const written = await writeReport(o.out, io.cwd, `${JSON.stringify(report, null, 2)}\n`);
  const thoughts = report.samples[0]?.thoughts.length ?? 0;
  io.stderr.write(`Wrote ${written} (${document.operations.length} operations, ${thoughts} thoughts)\n`);
  for (const n of notes) io.stderr.write(`note: ${n}\n`);
  return EXIT.ok;
}
