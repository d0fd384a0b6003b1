import type { AppStore } from '../store/createAppStore';
import type { AppRunControls } from '../run/appController';
import { adoptOrigin } from '../scripts/documentOrigin';

/** The run a lesson has going, so leaving the lesson can stop it before the user's document comes back. */
let lessonRun: Promise<unknown> | null = null;

/** Marks `run` as the lesson's run until it settles. */
export function trackLessonRun<T>(run: Promise<T>): Promise<T> {
  const tracked = run.finally(() => {
    if (lessonRun === tracked) lessonRun = null;
  });
  lessonRun = tracked;
  return tracked;
}

/** Leaves the lesson: its run stops, the user's document comes back as it was, and the lesson's runs leave the screen. */
export async function closeLesson(store: AppStore, controls: Pick<AppRunControls, 'cancel'>): Promise<void> {
  const open = store.getState().lesson;
  if (!open) return;
  if (lessonRun) {
    controls.cancel();
    await lessonRun.catch(() => undefined);
  }
  const { kept } = open;
  const s = store.getState();
  if (s.doc !== kept.doc) {
    s.loadDocument(kept.doc);
    store.temporal.setState({ pastStates: [...kept.past], futureStates: [...kept.future] });
    s.clearRun();
  }
  adoptOrigin(kept.origin);
  store.getState().patchRunUi({ view: open.view });
  store.setState({ lesson: null, fileName: kept.fileName, savedDoc: kept.savedDoc });
}
