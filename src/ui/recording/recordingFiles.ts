import { parseRecording, recordingOfRun, RECORDING_EXTENSION, serializeRecording, type GotDocument, type RunEvent } from '../../engine/index';
import { downloadBlob } from '../files/fileAccess';
import type { PickedFile } from '../files/fileAccess';
import type { AppStore } from '../store/createAppStore';
import { showRecording } from './recordingPlayer';


/**
 * Opens a recording (File → Open, drag-and-drop, the gallery): its graph goes into the editor
 * through `loadDocument` and its run onto the views, ended; a file that is not a valid recording
 * lists its problems, each with where it is, and changes nothing.
 */
export function openRecordingFile(store: AppStore, picked: Pick<PickedFile, 'name' | 'text'>, loadDocument: (doc: GotDocument) => void): boolean {
  const s = store.getState();
  const parsed = parseRecording(picked.text);
  if (!parsed.ok) {
    s.openDialog({ kind: 'openProblems', fileName: picked.name, problems: parsed.errors.map((message) => ({ message })) });
    return false;
  }
  loadDocument(parsed.recording.document);
  showRecording(store, { recording: parsed.recording, sample: 0 });
  if (s.runUi.view === 'operations') store.getState().patchRunUi({ view: 'split' });
  for (const note of parsed.notes) store.getState().toast('info', note);
  return true;
}

/** A file name for a recording: the title, made safe. */
export function recordingFileName(title: string): string {
  return `${title.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase() || 'run'}${RECORDING_EXTENSION}`;
}

/** Offers a run (its event log) as a `.gotrec.json` download; false when the log has no run in it. */
export function downloadRecording(events: readonly RunEvent[], title: string): boolean {
  const recording = recordingOfRun(events, title, new Date().toISOString());
  if (!recording) return false;
  downloadBlob(new Blob([serializeRecording(recording)], { type: 'application/json' }), recordingFileName(title));
  return true;
}
