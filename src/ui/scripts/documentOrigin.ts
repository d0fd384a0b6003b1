import { serializeDocument, type GotDocument } from '../../engine/index';
import { listDocumentCode } from '../../sandbox/documentCode';
import { sha256Hex } from './sha256';

/** Where the open document's code came from: this user's own editing, or outside (with the hash of the document as it came in). */
export type DocumentOrigin = { kind: 'own' } | { kind: 'outside'; via: OutsideSource; hash: string; code: string[] };
export type OutsideSource = 'share link' | 'file' | 'gallery';

const OWN: DocumentOrigin = { kind: 'own' };
let current: DocumentOrigin = OWN;
/** Whether this page already opened a document itself (then a stored origin from autosave no longer applies). */
let decided = false;

/** The origin of the document now open in this page. */
export const documentOrigin = (): DocumentOrigin => current;

/** The document now open is this user's own (a new graph, or one they made). */
export function markOwnDocument(): void {
  current = OWN;
  decided = true;
}

/** The document now open came from outside; a graph without code needs no consent, so it counts as own. */
export function markOutsideDocument(doc: GotDocument, via: OutsideSource): void {
  const code = listDocumentCode(doc).map((c) => sha256Hex(c.code));
  current = code.length === 0 ? OWN : { kind: 'outside', via, hash: sha256Hex(serializeDocument(doc)), code };
  decided = true;
}

/** Takes over the origin kept with a document reopened from Recent; anything malformed or missing counts as own. */
export function adoptOrigin(stored: unknown): void {
  current = parseOrigin(stored);
  decided = true;
}

/** Takes over the origin kept with the autosaved document, unless this page already opened another one (a share link). */
export function adoptAutosavedOrigin(stored: unknown): void {
  if (!decided) current = parseOrigin(stored);
}

function parseOrigin(v: unknown): DocumentOrigin {
  if (typeof v !== 'object' || v === null) return OWN;
  const o = v as Record<string, unknown>;
  const via = o.via === 'share link' || o.via === 'file' || o.via === 'gallery' ? o.via : null;
  const isHash = (h: unknown): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h);
  if (o.kind === 'outside' && via && isHash(o.hash) && Array.isArray(o.code) && o.code.every(isHash))
    return { kind: 'outside', via, hash: o.hash, code: o.code };
  return OWN;
}
