import { operationDefinitions } from '../operations/definitions';
import type { GotDocument, OperationNode } from './document';
import { parserSpecSchema, type ParserSpec } from './specs';

/**
 * Best-effort forward analysis of which state keys reach each operation: the input's keys, plus
 * the keys each upstream parser writes (and its `set`). A parser whose keys cannot be known
 * (a JSON object laid over the state, a named function) makes the set "open".
 */
export interface KeySet {
  keys: Set<string>;
  /** True when some upstream state may hold keys this analysis cannot see. */
  open: boolean;
}

/** Keys a parser writes; `open` when they depend on the answer. */
export function parserKeys(parser: ParserSpec): KeySet {
  const keys = new Set<string>(Object.keys(parser.set ?? {}));
  let open = false;
  switch (parser.kind) {
    case 'json':
      if (parser.key) keys.add(parser.key);
      else open = true;
      break;
    case 'jsonParts':
      keys.add(parser.partKey);
      parser.valueKeys.forEach((k) => keys.add(k));
      break;
    case 'function':
      open = true;
      break;
    default:
      keys.add(parser.key);
  }
  return { keys, open };
}

const DEFAULT_PARSER: ParserSpec = { kind: 'text', key: 'current' };

function opParserKeys(op: OperationNode): KeySet | null {
  if (!operationDefinitions[op.type]?.makesThoughts) return null;
  const raw = op.params.parser;
  if (raw === undefined) return parserKeys(DEFAULT_PARSER);
  const parsed = parserSpecSchema.safeParse(raw);
  return parsed.success ? parserKeys(parsed.data) : { keys: new Set(), open: true };
}

/** The keys of the run's input state; open when a dataset supplies inputs and no example input is given. */
export function inputKeys(doc: GotDocument): KeySet {
  const keys = Object.keys(doc.input);
  return { keys: new Set(keys), open: Boolean(doc.dataset) && keys.length === 0 };
}

function union(sets: readonly KeySet[]): KeySet {
  const keys = new Set<string>();
  let open = false;
  for (const s of sets) {
    s.keys.forEach((k) => keys.add(k));
    open ||= s.open;
  }
  return { keys, open };
}

/**
 * For each operation: the keys available to its prompt (`available`) and the keys of the states
 * it outputs (`output`). Bad edges and cycles are tolerated (an edge into a cycle contributes nothing).
 */
export function analyzeStateKeys(doc: GotDocument): Map<string, { available: KeySet; output: KeySet }> {
  const byId = new Map<string, OperationNode>();
  for (const op of doc.operations) if (!byId.has(op.id)) byId.set(op.id, op);
  const input = inputKeys(doc);
  const result = new Map<string, { available: KeySet; output: KeySet }>();
  const visiting = new Set<string>();
  const visit = (id: string): KeySet => {
    const done = result.get(id);
    if (done) return done.output;
    const op = byId.get(id);
    if (!op || visiting.has(id)) return { keys: new Set(), open: false };
    visiting.add(id);
    const preds = op.inputs.filter((p) => p !== id && byId.has(p));
    const available = preds.length ? union(preds.map(visit)) : union([input]);
    const written = opParserKeys(op);
    const output = written ? union([available, written]) : available;
    visiting.delete(id);
    result.set(id, { available, output });
    return output;
  };
  for (const op of doc.operations) visit(op.id);
  return result;
}

const analysisCache = new WeakMap<GotDocument, ReturnType<typeof analyzeStateKeys>>();

/**
 * The state keys an operation's prompt can use (sorted), for the editor's completion: the input's
 * keys plus everything upstream parsers write. Empty for an unknown id. Cached per document
 * object: change a document by making a new one, as the editor does.
 */
export function availableStateKeys(doc: GotDocument, opId: string): string[] {
  // The editor asks on every store change; documents are immutable there, so one analysis per version.
  let analysis = analysisCache.get(doc);
  if (!analysis) {
    analysis = analyzeStateKeys(doc);
    analysisCache.set(doc, analysis);
  }
  const entry = analysis.get(opId);
  return entry ? [...entry.available.keys].sort() : [];
}
