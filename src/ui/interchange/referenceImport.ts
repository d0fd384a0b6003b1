import { isReferenceOutput, parseReferenceOutput, type GotDocument } from '../../engine/index';
import type { PickedFile } from '../files/fileAccess';
import type { AppStore } from '../store/createAppStore';
import { REFERENCE_SOURCE_ID } from './referenceSource';

export { REFERENCE_SOURCE_ID };


/** Whether an opened file is the reference framework's output_graph JSON (a list, unlike a graph or a recording). */
export function isReferenceOutputFile(picked: Pick<PickedFile, 'text'>): boolean {
  if (!picked.text.trimStart().startsWith('[')) return false;
  try {
    return isReferenceOutput(JSON.parse(picked.text.replace(/\bNaN\b|-?\bInfinity\b/g, 'null')));
  } catch {
    return false;
  }
}

/**
 * Opens a reference output (File → Open): one unconnected operation per entry goes into the editor
 * through `loadDocument`, and its thoughts onto the Thoughts view as a finished run with no edges;
 * a malformed file lists its problems and changes nothing.
 */
export function openReferenceOutput(store: AppStore, picked: Pick<PickedFile, 'name' | 'text'>, loadDocument: (doc: GotDocument) => void): boolean {
  const parsed = parseReferenceOutput(picked.text, picked.name);
  if (!parsed.ok) {
    store.getState().openDialog({ kind: 'openProblems', fileName: picked.name, problems: parsed.errors.map((message) => ({ message })) });
    return false;
  }
  loadDocument(parsed.value.document);
  const s = store.getState();
  s.showRecordedRun(parsed.value.events, { kind: 'history', id: REFERENCE_SOURCE_ID, title: picked.name });
  s.patchRunUi({ view: 'thoughts' });
  // The summary's zero requests and timings are absent from the file, not measured: say so.
  for (const note of parsed.value.notes) s.toast('info', note);
  return true;
}
