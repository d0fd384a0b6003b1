import { validateDocument, type Diagnostic, type FunctionRegistry, type GotDocument } from '../../engine/index';

/** Diagnostics of one document version, grouped for the canvas and the inspector. */
export interface DocumentDiagnostics {
  all: Diagnostic[];
  byOp: Map<string, Diagnostic[]>;
  /** Diagnostics about the document itself (input, dataset, no operations). */
  general: Diagnostic[];
}

const cache = new WeakMap<GotDocument, DocumentDiagnostics>();
let registry: FunctionRegistry | undefined;

/** Sets the named functions validation checks names against (built-ins plus task functions). */
export function setValidationFunctions(functions: FunctionRegistry): void {
  registry = functions;
}

/** Validates once per document version (cached), never throws. */
export function diagnosticsOf(doc: GotDocument): DocumentDiagnostics {
  let d = cache.get(doc);
  if (d) return d;
  let all: Diagnostic[];
  try {
    all = validateDocument(doc, registry ? { functions: registry } : undefined).diagnostics;
  } catch (err) {
    all = [{ severity: 'error', code: 'validator-crashed', message: `Validation failed: ${err instanceof Error ? err.message : String(err)}` }];
  }
  const byOp = new Map<string, Diagnostic[]>();
  const general: Diagnostic[] = [];
  for (const x of all) {
    const ids = x.opId ? [x.opId] : x.edge ? [x.edge.to] : [];
    if (!ids.length) general.push(x);
    for (const id of ids) byOp.set(id, [...(byOp.get(id) ?? []), x]);
  }
  d = { all, byOp, general };
  cache.set(doc, d);
  return d;
}

/** One string per operation's diagnostics, so components can select it and compare by value. */
export function opDiagnosticsKey(doc: GotDocument, opId: string, field?: string): string {
  const list = diagnosticsOf(doc).byOp.get(opId) ?? [];
  return list
    .filter((x) => field === undefined || x.field === field || x.field?.startsWith(`${field}.`))
    .map((x) => `${x.severity}\u0001${x.message}`)
    .join('\u0002');
}

/** Splits a key made by opDiagnosticsKey back into severities and messages. */
export function parseDiagnosticsKey(key: string): Array<{ severity: 'error' | 'warning'; message: string }> {
  if (!key) return [];
  return key.split('\u0002').map((s) => {
    const [severity, message] = s.split('\u0001');
    return { severity: severity === 'warning' ? 'warning' : 'error', message: message ?? '' };
  });
}
