import type { FunctionRegistry } from '../functions/types';
import { operationDefinitions } from '../operations/definitions';
import { checkSpecs } from './checkSpecs';
import { opName, paramIssueDiagnostic, type Diagnostic } from './diagnostics';
import type { CheckedGraph, CheckedOperation, GotDocument } from './document';
import { operationId, type OperationId } from './ids';
import { analyzeStateKeys } from './stateKeys';
import { analyzeStructure } from './structure';
import { unknownParamDiagnostics } from './unknownParams';

export type { Diagnostic } from './diagnostics';

export interface ValidateOptions {
  /** When given, named functions (scorers, parsers…) must exist in it. */
  functions?: FunctionRegistry;
}

export interface ValidationResult {
  /** The runnable graph, or null when any diagnostic is an error. */
  graph: CheckedGraph | null;
  diagnostics: Diagnostic[];
}

/** Operations a root may be: they start from the run's input state. */
const ROOT_TYPES = new Set(['generate', 'selector']);

type Scored = 'all' | 'some' | 'none';

function combineScored(values: readonly Scored[]): Scored {
  if (values.every((v) => v === 'all')) return 'all';
  if (values.every((v) => v === 'none')) return 'none';
  return 'some';
}

/**
 * Checks a document before it runs or while it is edited: structure (duplicate ids, self-loops,
 * duplicate and dangling edges, cycles), each operation's params against its type's schema,
 * named functions, filter expressions, templates and their state keys, KeepBestN without Score,
 * and roots the input does not feed. Returns the CheckedGraph (topological order, ties by
 * document order) when there is no error.
 */
export function validateDocument(doc: GotDocument, opts: ValidateOptions = {}): ValidationResult {
  const structure = analyzeStructure(doc);
  const diagnostics: Diagnostic[] = [...structure.diagnostics];
  if (doc.operations.length === 0) {
    diagnostics.push({ severity: 'warning', code: 'empty-graph', message: 'the graph has no operations yet, so a run would do nothing' });
  }

  const keys = analyzeStateKeys(doc);
  const checked = new Map<string, CheckedOperation>();
  for (const op of structure.ops) {
    const def = Object.hasOwn(operationDefinitions, op.type) ? operationDefinitions[op.type] : undefined;
    if (!def) {
      diagnostics.push({
        severity: 'error',
        code: 'unknown-type',
        message: `Operation '${op.id}' has an unknown type ${JSON.stringify(op.type)}`,
        opId: op.id,
        field: 'type',
      });
      continue;
    }
    const parsed = def.paramsSchema.safeParse(op.params);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) diagnostics.push(paramIssueDiagnostic(op.type, op.id, op.params, issue));
      continue;
    }
    const c = {
      id: operationId(op.id),
      type: op.type,
      label: op.label ?? def.label,
      inputs: (structure.preds.get(op.id) ?? []).map(operationId),
      params: parsed.data,
    } as CheckedOperation;
    checked.set(op.id, c);
    diagnostics.push(...unknownParamDiagnostics(op.type, op.id, def.paramsSchema, op.params, parsed.data));
    const unknown = { keys: new Set<string>(), open: true };
    const entry = keys.get(op.id);
    diagnostics.push(...checkSpecs(c, entry?.available ?? unknown, entry?.output ?? unknown, opts.functions));
  }

  // Flow checks along the acyclic part: unusual roots, disconnected operations, KeepBestN without Score.
  const scored = new Map<string, Scored>();
  const hasSuccessor = new Set([...structure.preds.values()].flat());
  for (const id of structure.order) {
    const op = structure.ops[structure.index.get(id) as number];
    if (!op) continue;
    const preds = structure.preds.get(id) ?? [];
    if (op.inputs.length === 0 && !ROOT_TYPES.has(op.type)) {
      diagnostics.push({
        severity: 'warning',
        code: 'no-input-path',
        message: `${opName(op.type, id)} has no inputs, so it works directly on the run's input state; a graph usually starts with a Generate or a Selector — connect it after the operation whose thoughts it should work on`,
        opId: id,
        field: 'inputs',
      });
    } else if (op.inputs.length === 0 && structure.ops.length > 1 && !hasSuccessor.has(id)) {
      diagnostics.push({
        severity: 'warning',
        code: 'disconnected',
        message: `${opName(op.type, id)} is connected to no other operation: it runs on the input state on its own and its thoughts are final`,
        opId: id,
      });
    }
    const incoming: Scored = preds.length ? combineScored(preds.map((p) => scored.get(p) ?? 'none')) : 'none';
    if (op.type === 'keepBestN') {
      if (incoming === 'none') {
        diagnostics.push({
          severity: 'error',
          code: 'keepbest-unscored',
          message: `${opName(op.type, id)} has no Score before it: its input thoughts will be unscored; add a Score between it and the operation that makes them`,
          opId: id,
          field: 'inputs',
        });
      } else if (incoming === 'some') {
        diagnostics.push({
          severity: 'warning',
          code: 'keepbest-partly-unscored',
          message: `${opName(op.type, id)}: some paths into it have no Score after the last operation that makes thoughts; unscored inputs stop the run`,
          opId: id,
          field: 'inputs',
        });
      }
    }
    const makes = operationDefinitions[op.type]?.makesThoughts ?? false;
    // Validate & Improve without improving passes its inputs through; with it, improved thoughts are new and unscored.
    const passThrough = !makes || (op.type === 'validateAndImprove' && (op.params.improve === false || op.params.tries === 0));
    const vaiMixed = op.type === 'validateAndImprove' && incoming !== 'none' ? 'some' : 'none';
    scored.set(id, op.type === 'score' ? 'all' : passThrough ? incoming : vaiMixed);
  }

  const hasError = diagnostics.some((d) => d.severity === 'error');
  if (hasError) return { graph: null, diagnostics };

  const operations = structure.order.map((id) => checked.get(id) as CheckedOperation);
  const byId = new Map<OperationId, CheckedOperation>(operations.map((o) => [o.id, o]));
  const successors = new Map<OperationId, OperationId[]>(operations.map((o) => [o.id, []]));
  for (const o of operations) for (const p of o.inputs) successors.get(p)?.push(o.id);
  const sinks = operations.filter((o) => (successors.get(o.id) ?? []).length === 0).map((o) => o.id);
  return { graph: { document: doc, operations, byId, successors, sinks }, diagnostics };
}
