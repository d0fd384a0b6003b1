import { RECORDING_EXTENSION, RECORDING_FORMAT } from '../../engine/index';
import type { PickedFile } from '../files/fileAccess';

/** Whether an opened file is a recording rather than a graph: by its name, else by its format field. */
export function isRecordingFile(picked: Pick<PickedFile, 'name' | 'text'>): boolean {
  return picked.name.toLowerCase().endsWith(RECORDING_EXTENSION) || picked.text.slice(0, 400).includes(`"${RECORDING_FORMAT}"`);
}
