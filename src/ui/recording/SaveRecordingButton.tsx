import type { RunEvent } from '../../engine/index';
import { useAppStoreApi } from '../store/StoreProvider';
import { downloadRecording } from './recordingFiles';

/** Saves a run as a `.gotrec.json` recording; `events` gives its whole log (the run on screen, or one from history). */
export function SaveRecordingButton({ events, title, testId = 'save-recording' }: { events: () => Promise<readonly RunEvent[] | null> | readonly RunEvent[]; title: string; testId?: string }) {
  const api = useAppStoreApi();
  const save = async () => {
    const log = await events();
    if (!log || !downloadRecording(log, title)) api.getState().toast('error', 'There is no run to save as a recording.');
  };
  return (
    <button type="button" className="btn" onClick={() => void save()} data-testid={testId} title="Save this run as a recording (.gotrec.json) that replays without a model">
      Save recording
    </button>
  );
}
