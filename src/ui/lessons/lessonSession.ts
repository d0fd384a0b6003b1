import type { AppStore } from '../store/createAppStore';
import { documentOrigin } from '../scripts/documentOrigin';
import type { LessonId } from './lessonNames';

/** Opens a lesson in the run panel; the user's document (with its undo history) is kept aside until the lesson closes (see closeLesson). */
export function openLesson(store: AppStore, id: LessonId): void {
  const s = store.getState();
  s.closeDialog();
  const open = s.lesson;
  if (open) {
    store.setState({ lesson: { ...open, id } });
    return;
  }
  const { pastStates, futureStates } = store.temporal.getState();
  store.setState({
    lesson: { id, view: s.runUi.view, kept: { doc: s.doc, fileName: s.fileName, savedDoc: s.savedDoc, origin: documentOrigin(), past: pastStates, future: futureStates } },
  });
}
