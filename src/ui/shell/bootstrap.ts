import type { GotDocument } from '../../engine/index';
import { emptyDocument } from '../document/graphEdits';
import { loadAutosave, rememberRecent, type AutosaveRecord } from '../files/autosave';
import { fetchStartExample } from '../files/examples';
import type { OpenProblem } from '../files/openProblems';
import { SHARE_PREFIX } from '../files/sharePrefix';

/** What the app opens with, and anything to tell the user about it. */
export interface StartState {
  doc: GotDocument;
  fileName: string | null;
  source: 'share' | 'autosave' | 'example' | 'empty';
  /** The autosaved document differs from its file: it counts as unsaved. */
  dirty?: boolean;
  problems?: OpenProblem[];
  notice?: string;
}

/** A share link wins, then the autosaved document, then the gallery's default example, then an empty graph. */
export async function loadStartDocument(hash: string): Promise<StartState> {
  // The decompressor loads only when the page was opened from a share link.
  const shared = hash.startsWith(SHARE_PREFIX) ? (await import('../files/shareLink')).decodeShareHash(hash) : null;
  const saved = await loadAutosave();
  if (shared?.ok) {
    const keptAside = await putDraftAside(saved);
    if (keptAside === true) return { doc: shared.doc, fileName: null, source: 'share', notice: `Opened “${shared.doc.title}” from a share link.` };
    return { ...fromAutosave(saved as AutosaveRecord), notice: `The share link was not opened: ${keptAside}` };
  }
  const problems = shared && !shared.ok ? shared.problems : undefined;
  if (saved) return { ...fromAutosave(saved), ...(problems ? { problems } : {}) };
  try {
    const doc = await fetchStartExample();
    if (doc) return { doc, fileName: null, source: 'example', ...(problems ? { problems } : {}) };
  } catch (err) {
    return { doc: emptyDocument(), fileName: null, source: 'empty', notice: err instanceof Error ? err.message : String(err), ...(problems ? { problems } : {}) };
  }
  return { doc: emptyDocument(), fileName: null, source: 'empty', ...(problems ? { problems } : {}) };
}

const fromAutosave = (saved: AutosaveRecord): StartState => ({ doc: saved.doc, fileName: saved.fileName, source: 'autosave', ...(saved.dirty ? { dirty: true } : {}) });

/** A draft about to be replaced by a share link goes to Recent first; true, or why it could not. */
async function putDraftAside(saved: AutosaveRecord | null): Promise<true | string> {
  if (!saved || saved.dirty === false || !saved.doc.operations.length) return true;
  try {
    await rememberRecent(saved.doc, saved.fileName);
    return true;
  } catch (err) {
    return `your unsaved graph could not be kept under Recent (${err instanceof Error ? err.message : String(err)}). Save it to a file, then open the link again.`;
  }
}
