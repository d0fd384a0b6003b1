import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../document/graphEdits';
import { documentOrigin, markOutsideDocument, markOwnDocument } from '../scripts/documentOrigin';
import { createAppStore } from '../store/createAppStore';
import { closeLesson, trackLessonRun } from './closeLesson';
import { openLesson } from './lessonSession';

function usersGraph() {
  let now = 1000;
  const store = createAppStore({ clock: () => (now += 5000) });
  const s = () => store.getState();
  s().addOperation('generate', { x: 0, y: 0 });
  s().addOperation('score', { x: 300, y: 0 });
  s().markSaved('mine.got.json');
  s().setMeta({ title: 'My graph, edited since saving' });
  markOwnDocument();
  return { store, s };
}

const noRun = { cancel: () => undefined };

/** What a lesson does to the editor: puts its own graph there, from the gallery. */
function lessonLoadsItsGraph(store: ReturnType<typeof createAppStore>) {
  const lessonDoc = { ...emptyDocument(), title: 'Sorting 64 numbers · IO' };
  store.getState().loadDocument(lessonDoc);
  store.getState().markSaved(null);
  markOutsideDocument(lessonDoc, 'gallery');
  store.getState().patchRunUi({ view: 'split' });
}

describe('a lesson in front of the user’s document', () => {
  it('gives back the user’s graph on close: its operations, title, file name, unsaved state, undo steps, origin and run view', async () => {
    const { store, s } = usersGraph();
    const doc = s().doc;
    const undoSteps = store.temporal.getState().pastStates.length;
    openLesson(store, 'schemes');
    expect(s().lesson?.id).toBe('schemes');
    lessonLoadsItsGraph(store);
    expect(s().doc.title).toBe('Sorting 64 numbers · IO');

    await closeLesson(store, noRun);
    expect(s().lesson).toBeNull();
    expect(s().doc).toBe(doc);
    expect(s().fileName).toBe('mine.got.json');
    expect(s().savedDoc).not.toBe(s().doc);
    expect(store.temporal.getState().pastStates).toHaveLength(undoSteps);
    expect(documentOrigin()).toEqual({ kind: 'own' });
    expect(s().runUi.view).toBe('operations');
    store.temporal.getState().undo();
    expect(s().doc.title).not.toBe('My graph, edited since saving');
  });

  it('switches lessons without losing the document kept aside', async () => {
    const { store, s } = usersGraph();
    const doc = s().doc;
    openLesson(store, 'schemes');
    lessonLoadsItsGraph(store);
    openLesson(store, 'gain');
    expect(s().lesson?.id).toBe('gain');
    await closeLesson(store, noRun);
    expect(s().doc).toBe(doc);
  });

  it('stops the lesson’s run and waits for it to end before the user’s graph comes back', async () => {
    const { store, s } = usersGraph();
    const doc = s().doc;
    openLesson(store, 'schemes');
    lessonLoadsItsGraph(store);
    let finish = () => undefined as void;
    const run = trackLessonRun(new Promise<void>((resolve) => (finish = resolve)));
    let cancelled = false;
    const closing = closeLesson(store, { cancel: () => ((cancelled = true), finish()) });
    expect(cancelled).toBe(true);
    await run;
    await closing;
    expect(s().doc).toBe(doc);
  });
});
