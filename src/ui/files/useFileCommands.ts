import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { serializeDocument, type GotDocument } from '../../engine/index';
import { emptyDocument } from '../document/graphEdits';
import { wrapDocumentForView } from '../document/wrapLayout';
import { showStart } from '../canvas/editorCommands';
import { canvasSize } from '../canvas/startView';
import { useAppStoreApi } from '../store/StoreProvider';
import type { AppStore } from '../store/createAppStore';
import { adoptOrigin, markOutsideDocument, markOwnDocument } from '../scripts/documentOrigin';
import { recentOrigin, rememberRecent } from './autosave';
import { fetchExample, type GalleryEntry } from './examples';
import { exportCanvasImage } from './exportImage';
import { downloadBlob, fileNameFor, pickFile, saveText, type FileSystemFileHandleLike, type PickedFile } from './fileAccess';
import { readDocument } from './readDocument';
import { isRecordingFile } from '../recording/isRecordingFile';

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
  const load = async (doc: GotDocument, fileName: string | null, handle: FileSystemFileHandleLike | null): Promise<boolean> => {
    // The graph being replaced is in Recent before it goes, so New/Open/an example never loses work.
    const old = s();
    if (old.doc.operations.length && old.savedDoc !== old.doc) {
      try {
        await rememberRecent(old.doc, old.fileName);
      } catch (err) {
        s().toast('error', `Not opened: the unsaved graph could not be kept under Recent (${errorText(err)}). Save it to a file first.`);
        return false;
      }
      // An edit made while Recent was being written must not be lost either.
      if (s().doc !== old.doc) return load(doc, fileName, handle);
    }
    currentHandle = handle;
    s().loadDocument(doc);
    s().markSaved(fileName);
    s().clearRunView();
    showStart(store, rf);
    return true;
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
    newDocument: () =>
      void load(emptyDocument(), null, null).then((opened) => {
        if (opened) markOwnDocument();
      }),
    open: async () => {
      try {
        const picked = await pickFile();
        if (picked) commands.openText(picked);
      } catch (err) {
        s().toast('error', `Could not open the file: ${errorText(err)}`);
      }
    },
    openText: (picked) => {
      // The recording and reference-output readers load with the first such file; what they open came from outside.
      const graphOf = (doc: GotDocument) => void load(doc, null, null).then((opened) => opened && markOutsideDocument(doc, 'file'));
      if (isRecordingFile(picked)) {
        void import('../recording/recordingFiles').then((m) => m.openRecordingFile(store, picked, graphOf));
        return;
      }
      // A graph is a JSON object; the reference framework's output_graph is a list.
      if (picked.text.trimStart().startsWith('[')) {
        void import('../interchange/referenceImport').then((m) =>
          m.isReferenceOutputFile(picked)
            ? m.openReferenceOutput(store, picked, graphOf)
            : s().openDialog({ kind: 'openProblems', fileName: picked.name, problems: [{ message: 'This is a JSON list, neither a graph nor the reference framework’s output_graph file.' }] }),
        );
        return;
      }
      const r = readDocument(picked.text);
      if (!r.ok) {
        s().openDialog({ kind: 'openProblems', fileName: picked.name, problems: r.problems });
        return;
      }
      void load(r.doc, picked.name, picked.handle).then((opened) => {
        if (!opened) return;
        markOutsideDocument(r.doc, 'file');
        for (const note of r.notes) s().toast('info', note);
        void rememberRecent(r.doc, picked.name).catch(() => undefined);
      });
    },
    save: () => saveWith(currentHandle),
    saveAs: () => saveWith(null),
    openExample: async (entry) => {
      try {
        // Examples are starting points: a long chain is wrapped into rows that read at this canvas size.
        const view = canvasSize();
        const doc = await fetchExample(entry);
        if (await load(view ? wrapDocumentForView(doc, view) : doc, null, null)) {
          markOutsideDocument(doc, 'gallery');
          s().closeDialog();
        }
      } catch (err) {
        s().toast('error', errorText(err));
      }
    },
    openRecent: (doc, fileName) => {
      void load(doc, fileName, null).then((opened) => {
        if (!opened) return;
        adoptOrigin(recentOrigin(doc));
        s().closeDialog();
      });
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
    shareLink: async () => {
      const { encodeShareHash } = await import('./shareLink');
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
