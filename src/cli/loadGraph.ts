import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseDocumentFile, scoreHigherIsBetter, validateDocument, type Diagnostic, type FunctionRegistry, type GotDocument } from '../engine/index';
import { CliError, EXIT } from './errors';

/** A graph file that parsed and passed validation. */
export interface LoadedGraph {
  path: string;
  document: GotDocument;
  /** The document's scheme label, else the file name without `.got.json`. */
  name: string;
  /** Whether its scores are better when higher (its last Keep Best N's direction, else its task's). */
  higherIsBetter: boolean;
  warnings: Diagnostic[];
  /** What opening it changed (an older version migrated, unknown fields ignored). */
  notes: string[];
}

/** One diagnostic on one line: severity, operation, field and message. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.opId ? `operation '${d.opId}'` : null, d.field ? `field ${d.field}` : null, d.edge ? `edge ${d.edge.from} → ${d.edge.to}` : null]
    .filter((x) => x !== null)
    .join(', ');
  return `${d.severity === 'error' ? 'error  ' : 'warning'} ${where ? `${where}: ` : ''}${d.message} [${d.code}]`;
}

/** Reads a file, or fails with exit code 2 naming the path. */
export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(EXIT.missingFile, `${what} not found: ${path}`);
    if (code === 'EISDIR') throw new CliError(EXIT.missingFile, `${what} is a folder, not a file: ${path}`);
    throw new CliError(EXIT.missingFile, `${what} cannot be read: ${path} (${(e as Error).message})`);
  }
}

/** The scheme label used in reports. */
function schemeName(document: GotDocument, path: string): string {
  return document.scheme?.trim() || basename(path).replace(/\.got\.json$|\.json$/i, '');
}

/** Parses and validates a graph file; exit 2 when missing, 3 (with every diagnostic) when invalid. */
export async function loadGraph(file: string, cwd: string, functions: FunctionRegistry): Promise<LoadedGraph> {
  const path = resolve(cwd, file);
  const text = await readTextFile(path, 'Graph file');
  const parsed = parseDocumentFile(text);
  if (!parsed.document) throw invalidGraph(path, parsed.diagnostics);
  const { graph, diagnostics } = validateDocument(parsed.document, { functions });
  const all = [...parsed.diagnostics, ...diagnostics];
  if (!graph) throw invalidGraph(path, all);
  return { path, document: parsed.document, name: schemeName(parsed.document, path), higherIsBetter: scoreHigherIsBetter(graph), warnings: all.filter((d) => d.severity === 'warning'), notes: parsed.notes ?? [] };
}

/** The exit-3 error for a graph with these diagnostics. */
export function invalidGraph(path: string, diagnostics: readonly Diagnostic[]): CliError {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const lines = (errors.length > 0 ? errors : diagnostics).map((d) => `  ${formatDiagnostic(d)}`);
  return new CliError(EXIT.invalidGraph, `The graph ${path} is invalid (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
}
