import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { serializeDocument, type GotDocument } from '../../engine/index';
import { emptyDocument } from '../document/graphEdits';
import { wrapDocumentForView } from '../document/wrapLayout';
import { showStart } from '../canvas/editorCommands';
import { canvasSize } from '../canvas/startView';
import { useAppStoreApi } from '../store/StoreProvider';
import type { AppStore } from '../store/createAppStore';
import { rememberRecent } from './autosave';
import { fetchExample, type GalleryEntry } from './examples';
import { exportCanvasImage } from './exportImage';
import { downloadBlob, fileNameFor, pickFile, saveText, type FileSystemFileHandleLike, type PickedFile } from './fileAccess';
import { readDocument } from './readDocument';
import { isRecordingFile, openRecordingFile } from '../recording/recordingFiles';
import { encodeShareHash } from './shareLink';

/** File actions of the File menu and shortcuts. */
export interface FileCommands {
  newDocument: () => void;
  open: () => Promise<void>;
  /** Opens text as if it came from a file (used by Open, drag-and-drop of files and tests). */
  openText: (picked: PickedFile) => void;
  save: () => Promise<void>;
  saveAs: () => Promise<void>;
  openExample: (entry: GalleryEntry) => Promise<void>;
  openRecent: (doc: GotDocument, fileName: string | null) => void;
  exportImage: (format: 'png' | 'svg') => Promise<void>;
  shareLink: () => void;
}

/** The handle of the file the document came from (FSA), kept out of the store: it is not data. */
let currentHandle: FileSystemFileHandleLike | null = null;

function build(store: AppStore, rf: ReturnType<typeof useReactFlow>): FileCommands {
  const s = store.getState;
  const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
  const load = (doc: GotDocument, fileName: string | null, handle: FileSystemFileHandleLike | null) => {
    // The graph being replaced goes to Recent first, so New/Open/an example never loses work.
    const old = s();
    if (old.doc.operations.length && old.savedDoc !== old.doc) void rememberRecent(old.doc, old.fileName).catch(() => undefined);
    currentHandle = handle;
    s().loadDocument(doc);
    s().markSaved(fileName);
    s().clearRunView();
    showStart(store, rf);
  };
  const saveWith = async (handle: FileSystemFileHandleLike | null) => {
    const doc = s().doc;
    try {
      const r = await saveText(serializeDocument(doc), s().fileName ?? fileNameFor(doc.title), handle);
      if (!r) return;
      currentHandle = r.handle;
      s().markSaved(r.name);
      s().toast('success', `Saved ${r.name}`);
      void rememberRecent(doc, r.name).catch(() => undefined);
    } catch (err) {
      s().toast('error', `Could not save: ${errorText(err)}`);
    }
  };
  const commands: FileCommands = {
    newDocument: () => load(emptyDocument(), null, null),
    open: async () => {
      try {
        const picked = await pickFile();
        if (picked) commands.openText(picked);
      } catch (err) {
        s().toast('error', `Could not open the file: ${errorText(err)}`);
      }
    },
    openText: (picked) => {
      if (isRecordingFile(picked)) return void openRecordingFile(store, picked, (doc) => load(doc, null, null));
      const r = readDocument(picked.text);
      if (!r.ok) {
        s().openDialog({ kind: 'openProblems', fileName: picked.name, problems: r.problems });
        return;
      }
      load(r.doc, picked.name, picked.handle);
      for (const note of r.notes) s().toast('info', note);
      void rememberRecent(r.doc, picked.name).catch(() => undefined);
    },
    save: () => saveWith(currentHandle),
    saveAs: () => saveWith(null),
    openExample: async (entry) => {
      try {
        // Examples are starting points: a long chain is wrapped into rows that read at this canvas size.
        const view = canvasSize();
        const doc = await fetchExample(entry);
        load(view ? wrapDocumentForView(doc, view) : doc, null, null);
        s().closeDialog();
      } catch (err) {
        s().toast('error', errorText(err));
      }
    },
    openRecent: (doc, fileName) => {
      load(doc, fileName, null);
      s().closeDialog();
    },
    exportImage: async (format) => {
      try {
        const bg = getComputedStyle(document.documentElement).getPropertyValue('--canvas-bg').trim() || '#ffffff';
        const url = await exportCanvasImage(rf.getNodes(), format, bg);
        downloadBlob(url, fileNameFor(s().doc.title).replace(/\.got\.json$/, `.${format}`));
      } catch (err) {
        s().toast('error', `Export failed: ${errorText(err)}`);
      }
    },
    shareLink: () => {
      const url = `${location.origin}${location.pathname}${encodeShareHash(s().doc)}`;
      s().openDialog({ kind: 'share', url });
      void navigator.clipboard?.writeText(url).catch(() => undefined);
    },
  };
  return commands;
}

/** File commands bound to this store and canvas. */
export function useFileCommands(): FileCommands {
  const store = useAppStoreApi();
  const rf = useReactFlow();
  return useMemo(() => build(store, rf), [store, rf]);
}
