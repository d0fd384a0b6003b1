import type { GotDocument } from '../../engine/index';
import { emptyDocument } from '../document/graphEdits';
import { loadAutosave } from '../files/autosave';
import { defaultExample, fetchExample, fetchGallery } from '../files/examples';
import type { OpenProblem } from '../files/openProblems';
import { SHARE_PREFIX } from '../files/sharePrefix';

/** What the app opens with, and anything to tell the user about it. */
export interface StartState {
  doc: GotDocument;
  fileName: string | null;
  source: 'share' | 'autosave' | 'example' | 'empty';
  problems?: OpenProblem[];
  notice?: string;
}

/** A share link wins, then the autosaved document, then the gallery's default example, then an empty graph. */
export async function loadStartDocument(hash: string): Promise<StartState> {
  // The decompressor loads only when the page was opened from a share link.
  const shared = hash.startsWith(SHARE_PREFIX) ? (await import('../files/shareLink')).decodeShareHash(hash) : null;
  if (shared?.ok) return { doc: shared.doc, fileName: null, source: 'share', notice: `Opened “${shared.doc.title}” from a share link.` };
  const problems = shared && !shared.ok ? shared.problems : undefined;
  const saved = await loadAutosave();
  if (saved) return { doc: saved.doc, fileName: saved.fileName, source: 'autosave', ...(problems ? { problems } : {}) };
  try {
    const entry = defaultExample(await fetchGallery());
    if (entry) return { doc: await fetchExample(entry), fileName: null, source: 'example', ...(problems ? { problems } : {}) };
  } catch (err) {
    return { doc: emptyDocument(), fileName: null, source: 'empty', notice: err instanceof Error ? err.message : String(err), ...(problems ? { problems } : {}) };
  }
  return { doc: emptyDocument(), fileName: null, source: 'empty', ...(problems ? { problems } : {}) };
}
