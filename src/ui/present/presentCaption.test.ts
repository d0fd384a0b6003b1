import { describe, expect, test } from 'vitest';
import type { OperationId } from '../../engine/index';
import { liveRunFromEvents, emptyLiveRun } from '../run/projectEvents';
import { tinyDoc, tinyRunEvents } from '../run/testEvents';
import { captionFor } from './presentCaption';
import { operationEnds } from './presentSteps';

import type { GotDocument, RunEvent } from '../../engine/index';

// tinyDoc with parameters that pass the schemas, so the captions are the real sentences.
const doc: GotDocument = {
  ...tinyDoc,
  operations: [
    { id: 'gen', type: 'generate', inputs: [], params: { samples: 2, prompt: 'Sort {{current}}' } },
    { id: 'score', type: 'score', inputs: ['gen'], params: { scorer: { kind: 'function', name: 'sorting.error' } } },
    { id: 'best', type: 'keepBestN', inputs: ['score'], params: { n: 1, higherIsBetter: false } },
  ],
};
const events: RunEvent[] = tinyRunEvents().map((e) => (e.type === 'run.start' ? { ...e, document: doc } : e));
const ends = operationEnds(events);

describe('the presentation caption', () => {
  test('before a run it describes the first operation and says how to start', () => {
    const c = captionFor(doc, emptyLiveRun(), null);
    expect(c).toMatchObject({ state: 'next', label: 'Generate' });
    expect(c?.sentence).toMatch(/^Generate: asks the model/);
    expect(c?.status).toBe('3 operations · Space starts a run one operation at a time, P plays it');
  });

  test('held at the first operation it says a step runs it', () => {
    const c = captionFor(doc, liveRunFromEvents(events.slice(0, 2)), 'gen' as OperationId);
    expect(c).toMatchObject({ state: 'next', label: 'Generate', status: '0/3 operations · 1 thought · Space runs it' });
  });

  test('after a step it names the operation that ran, with its input count, and the one held next', () => {
    const c = captionFor(doc, liveRunFromEvents(events.slice(0, ends[0])), 'score' as OperationId);
    expect(c).toMatchObject({ state: 'done', label: 'Generate', status: '1/3 operations · 3 thoughts · next: Score' });
    expect(c?.sentence).toContain('the 1 input thought');
  });

  test('looking back at a finished run says so', () => {
    const c = captionFor(doc, liveRunFromEvents(events.slice(0, ends[1])), null, true);
    expect(c).toMatchObject({ state: 'done', label: 'Score', status: '2/3 operations · 3 thoughts · looking back' });
  });
});
