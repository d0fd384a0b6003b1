import { parseDocumentFile, type Diagnostic, type GotDocument } from '../../engine/index';
import type { OpenProblem } from './openProblems';

/** A diagnostic as the open-problems dialog lists it: message plus where. */
export function toOpenProblem(d: Diagnostic): OpenProblem {
  return { message: d.message, ...(d.line !== undefined ? { line: d.line } : {}), ...(d.column !== undefined ? { column: d.column } : {}), ...(d.opId ? { opId: d.opId } : {}), ...(d.field ? { field: d.field } : {}) };
}

/** Reads a `.got.json` file's text into a document, or the problems that stop it from opening. */
export function readDocument(text: string): { ok: true; doc: GotDocument; notes: string[] } | { ok: false; problems: OpenProblem[] } {
  if (!text.trim()) return { ok: false, problems: [{ message: 'The file is empty.' }] };
  const parsed = parseDocumentFile(text);
  if (!parsed.ok) return { ok: false, problems: parsed.diagnostics.map(toOpenProblem) };
  return { ok: true, doc: parsed.document, notes: parsed.notes };
}
