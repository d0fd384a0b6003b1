import { useEffect } from 'react';
import { LoadBoundary } from '../shell/LoadBoundary';
import { lazyView } from '../shell/preloadable';
import type { AppRunControls } from '../run/appController';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { LESSON_NAMES, type LessonId } from './lessonNames';
import { closeLesson } from './closeLesson';
import './lessons.css';

// Each lesson's content loads when it is first opened.
const SchemesLesson = lazyView(() => import('./schemes/SchemesLesson'), 'SchemesLesson');
const GainLesson = lazyView(() => import('./gain/GainLesson'), 'GainLesson');

const contentOf = (id: LessonId, controls: AppRunControls) => (id === 'schemes' ? <SchemesLesson controls={controls} /> : <GainLesson />);

/** Keys typed into a field belong to the field, not to the lesson. */
const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The open lesson in the run panel's place: its name, a Close button (or Esc), and its content; `controls` are the app's run controls (handed in so this lazy chunk does not pull them out of the first load). */
export function LessonHost({ id, controls }: { id: LessonId; controls: AppRunControls }) {
  const api = useAppStoreApi();
  // The scheme lesson shows each graph in the editor above its thoughts (the Split view's layout); other pages take the whole window.
  const split = useAppStore((s) => s.runUi.view === 'split') && id === 'schemes';
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // An open dialog or menu takes Esc first (the editor's own Esc, clearing the selection, may run too).
      if (e.key !== 'Escape' || typing(e.target) || api.getState().dialog || api.getState().quickAdd || document.querySelector('.menu-list')) return;
      void closeLesson(api, controls);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, controls]);
  return (
    <section className={`run-panel lesson-panel${split ? ' view-split' : ' is-full'}`} data-testid="lesson" data-lesson={id} aria-label={`Lesson: ${LESSON_NAMES[id]}`}>
      <header className="lesson-bar">
        <span className="lesson-kind">Lesson</span>
        <h2 className="lesson-title" data-testid="lesson-title">
          {LESSON_NAMES[id]}
        </h2>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => void closeLesson(api, controls)} data-testid="lesson-close" title="Close the lesson (Esc): your own graph comes back">
          Close
        </button>
      </header>
      <div className="lesson-body">
        <LoadBoundary key={id} what="the lesson" fallback={<p className="muted">Loading the lesson…</p>}>
          {contentOf(id, controls)}
        </LoadBoundary>
      </div>
    </section>
  );
}
