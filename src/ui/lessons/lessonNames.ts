import type { GotDocument } from '../../engine/index';
import type { DocumentOrigin } from '../scripts/documentOrigin';
import type { RunViewMode } from '../run/runSlice';

/** The built-in lessons, by id: only their names live in the first load; their content loads when opened. */
export const LESSON_NAMES = {
  schemes: 'IO → CoT → ToT → GoT',
  gain: 'The longer the sequence, the higher the gain',
} as const;

export type LessonId = keyof typeof LESSON_NAMES;

/** What the user had open before the lesson: given back, unchanged, when the lesson closes. */
export interface KeptDocument {
  doc: GotDocument;
  fileName: string | null;
  savedDoc: unknown;
  origin: DocumentOrigin;
  /** Its undo and redo steps. */
  past: ReadonlyArray<Partial<{ doc: GotDocument }>>;
  future: ReadonlyArray<Partial<{ doc: GotDocument }>>;
}

/** The lesson on screen and the user's document it stands in front of. */
export interface OpenLesson {
  id: LessonId;
  kept: KeptDocument;
  /** The run view before the lesson, shown again after it. */
  view: RunViewMode;
}
