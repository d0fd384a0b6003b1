import type { GotDocument } from '../../engine/index';
import { listDocumentCode, type DocumentCode } from '../../sandbox/documentCode';
import type { DocumentOrigin } from './documentOrigin';

/** What the consent dialog shows: where the graph came from and every piece of code in it. */
export interface ConsentRequest {
  via: string;
  code: DocumentCode[];
}

/**
 * Whether running `doc` needs the user's consent first: it came from outside, still holds code,
 * and the user has not agreed to that document (by the hash it came in with; their own later
 * edits keep the agreement).
 */
export function codeConsentNeeded(doc: GotDocument, origin: DocumentOrigin, approved: ReadonlySet<string>): ConsentRequest | null {
  if (origin.kind !== 'outside' || approved.has(origin.hash)) return null;
  const code = listDocumentCode(doc);
  return code.length ? { via: origin.via, code } : null;
}
