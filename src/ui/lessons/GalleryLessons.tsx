import type { AppStore } from '../store/createAppStore';
import { LESSON_NAMES, type LessonId } from './lessonNames';
import { openLesson } from './lessonSession';

const DESCRIPTIONS: Record<LessonId, string> = {
  schemes: 'Guided, on sorting 64: runs IO, CoT, ToT and GoT one after the other and ends on the paper’s Table 2 beside the measured figures.',
  gain: 'Runs the schemes on lists of 32, 64 and 128 and plots how GoT’s advantage grows with the length of the list.',
};

/** The gallery's lessons: each opens in the run panel, in front of the document (which comes back when the lesson closes). */
export function GalleryLessons({ store }: { store: AppStore }) {
  return (
    <section className="gallery-lessons" data-testid="gallery-lessons">
      <h3>Lessons</h3>
      <div className="gallery-grid">
        {(Object.keys(LESSON_NAMES) as LessonId[]).map((id) => (
          <button key={id} type="button" className="gallery-card" data-testid={`gallery-lesson-${id}`} onClick={() => openLesson(store, id)}>
            <div className="card-tags">
              <span className="tag">lesson</span>
            </div>
            <div className="card-title">{LESSON_NAMES[id]}</div>
            <div className="card-desc">{DESCRIPTIONS[id]}</div>
          </button>
        ))}
      </div>
    </section>
  );
}
