import type { z } from 'zod/mini';
import { operationDefinitions } from '../operations/definitions';
import type { OperationType } from '../operations/definition';

/** One problem found in a graph: it names the operation, and the field or edge at fault. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `cycle`, `param-missing` (see DIAGNOSTIC_CODES). */
  code: string;
  message: string;
  opId?: string;
  /** Path of the parameter at fault, e.g. `n`, `scorer.expr`, `inputs`. */
  field?: string;
  edge?: { from: string; to: string };
  /** For file errors: 1-based line and column in the file's text. */
  line?: number;
  column?: number;
}

/** Every diagnostic code validateDocument and parseDocumentFile can produce, with what it means. */
export const DIAGNOSTIC_CODES = {
  'empty-graph': 'the graph has no operations',
  'duplicate-id': 'two operations share an id',
  'unknown-type': 'an operation type the app does not know',
  'self-loop': 'an operation lists itself as an input',
  'duplicate-edge': 'an operation lists the same input twice',
  'dangling-edge': 'an input names an operation that does not exist',
  cycle: 'operations that feed each other in a circle',
  'param-missing': 'a required parameter is missing or empty',
  'param-out-of-range': 'a parameter is below its minimum or above its maximum',
  'param-invalid': 'a parameter has the wrong kind of value',
  'param-ignored': 'a parameter that has no effect with the other settings',
  'param-unknown': 'a parameter the operation does not know (a typo or another version): ignored',
  'no-input-path': 'a root other than Generate or Selector: it works on the raw input state',
  disconnected: 'an operation with neither inputs nor successors in a larger graph',
  'keepbest-unscored': 'a Keep Best N with no Score before it on any path',
  'keepbest-partly-unscored': 'a Keep Best N with no Score before it on some path',
  'unknown-function': 'a named function that is not registered',
  'filter-syntax': 'a filter expression that does not compile',
  'filter-unknown-key': 'a filter reads a state key no upstream state provides',
  'invalid-regex': 'a regular expression that does not compile',
  'empty-script': 'a JavaScript function with no code',
  'template-syntax': 'a malformed prompt template',
  'template-misplaced': 'a placeholder this operation cannot fill',
  'template-unknown-key': 'a placeholder no upstream state provides',
  'reader-mismatch': 'an answer reader that does not fit how scoring is done',
  'json-syntax': 'the file is not valid JSON',
  'foreign-file': 'the file is not a GoT Studio graph',
  'newer-version': 'the file was written by a newer GoT Studio',
  schema: 'the file does not match the graph format',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** How messages name an operation: `Keep Best N 'keep1'`. */
export function opName(type: string, id: string): string {
  const def = (operationDefinitions as Record<string, { label: string } | undefined>)[type];
  return `${def?.label ?? type} '${id}'`;
}

export const pathText = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const DEFAULT_MESSAGE = /^(Invalid|Too small|Too big|Unrecognized|Expected)/;

/** Turns one zod issue about an operation's params into a diagnostic that names the operation and the field. */
export function paramIssueDiagnostic(type: OperationType, opId: string, params: unknown, issue: z.core.$ZodIssue): Diagnostic {
  const field = pathText(issue.path);
  const value = valueAt(params, issue.path);
  const got = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  const custom = !DEFAULT_MESSAGE.test(issue.message);
  let code: DiagnosticCode = 'param-invalid';
  let text: string;
  if (issue.code === 'invalid_type' && value === undefined) {
    code = 'param-missing';
    text = custom ? issue.message : `${field} is required`;
  } else if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'string') {
    code = 'param-missing';
    const role = issue.path.length >= 2 && issue.path[issue.path.length - 1] === 'name' ? String(issue.path[issue.path.length - 2]) : null;
    text = custom ? issue.message : role ? `no ${role} chosen (${field} is empty)` : `${field} is empty`;
  } else if (issue.code === 'too_small' || issue.code === 'too_big') {
    code = 'param-out-of-range';
    const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    const words = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
    text =
      issue.origin === 'array'
        ? `${field} needs ${words} ${bound} item${bound === 1 ? '' : 's'}`
        : `${field} must be ${words} ${bound}${got}`;
  } else if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    code = value === undefined ? 'param-missing' : 'param-invalid';
    const options = (issue as unknown as { options?: unknown[] }).options ?? [];
    text = `${field} must be one of ${options.map((o) => `'${String(o)}'`).join(', ')}${got}`;
  } else if (issue.code === 'invalid_type') {
    text = `${field} must be a ${issue.expected}${got}`;
  } else if (issue.code === 'invalid_value') {
    text = `${field} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${got}`;
  } else {
    text = custom ? issue.message : `${field}: ${issue.message}`;
  }
  return { severity: 'error', code, message: `${opName(type, opId)}: ${text}`, opId, field };
}
