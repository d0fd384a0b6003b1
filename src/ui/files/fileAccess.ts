/** A file chosen by the user: its name and text, plus a handle to save back to where supported. */
export interface PickedFile {
  name: string;
  text: string;
  handle: FileSystemFileHandleLike | null;
}

/** The part of the File System Access API's file handle the app uses. */
export interface FileSystemFileHandleLike {
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}

type FsaWindow = Window & {
  showOpenFilePicker?: (o: unknown) => Promise<FileSystemFileHandleLike[]>;
  showSaveFilePicker?: (o: unknown) => Promise<FileSystemFileHandleLike>;
};

const TYPES = [{ description: 'GoT Studio graph', accept: { 'application/json': ['.got.json', '.json'] } }];
const fsa = (): FsaWindow => window as FsaWindow;

/** Whether the browser can save back to the opened file. */
export const hasFileSystemAccess = (): boolean => typeof fsa().showOpenFilePicker === 'function';

/** Asks for a file to open; null when the user cancels. */
export async function pickFile(): Promise<PickedFile | null> {
  if (hasFileSystemAccess()) {
    try {
      const [handle] = await fsa().showOpenFilePicker!({ types: TYPES, multiple: false });
      if (!handle) return null;
      const file = await handle.getFile();
      return { name: file.name, text: await file.text(), handle };
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return null;
      throw err;
    }
  }
  return pickWithInput();
}

/** The classic `<input type=file>` picker (also used by tests). */
export function pickWithInput(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,.got.json,application/json';
    input.setAttribute('data-testid', 'open-file-input');
    input.style.display = 'none';
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { name: file.name, text: await file.text(), handle: null } : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Writes text to the handle if any; else asks where (FSA) or downloads. Returns the saved name, or null if cancelled. */
export async function saveText(text: string, suggestedName: string, handle: FileSystemFileHandleLike | null): Promise<{ name: string; handle: FileSystemFileHandleLike | null } | null> {
  let target = handle;
  if (!target && typeof fsa().showSaveFilePicker === 'function') {
    try {
      target = await fsa().showSaveFilePicker!({ suggestedName, types: TYPES });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return null;
      throw err;
    }
  }
  if (target) {
    const w = await target.createWritable();
    await w.write(text);
    await w.close();
    return { name: target.name, handle: target };
  }
  downloadBlob(new Blob([text], { type: 'application/json' }), suggestedName);
  return { name: suggestedName, handle: null };
}

/** Starts a browser download of a blob or data URL. */
export function downloadBlob(data: Blob | string, name: string): void {
  const a = document.createElement('a');
  a.href = typeof data === 'string' ? data : URL.createObjectURL(data);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (typeof data !== 'string') setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** A file name from a document title: `my-graph.got.json`. */
export const fileNameFor = (title: string): string => `${title.trim().replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'graph'}.got.json`;
