import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../engine/index';
import { explainRunFailure } from './runProblems';
import { tinyRunEvents } from './testEvents';

const withCallError = (kind: 'stall' | 'badAnswer' | 'rateLimit', message: string): RunEvent[] => {
  const events = tinyRunEvents().filter((e) => e.type !== 'run.done');
  return [...events, { type: 'call.error', at: 5, callId: 'c9' as never, opId: 'gen' as never, kind, message }];
};

describe('explaining a run’s problems', () => {
  it('says nothing when the run went well', () => {
    expect(explainRunFailure(tinyRunEvents())).toBeNull();
  });

  it('explains a stalled stream and what to do', () => {
    const p = explainRunFailure(withCallError('stall', 'no data for 30 s'));
    expect(p).toMatchObject({ severity: 'error', title: expect.stringContaining('stalled') });
    expect(p?.detail).toContain('no data for 30 s');
  });

  it('explains garbage from the endpoint as a wrong base URL', () => {
    expect(explainRunFailure(withCallError('badAnswer', 'HTML page'))?.hint).toContain('/v1');
  });

  it('names the graph’s errors when it could not start', () => {
    const p = explainRunFailure(
      [],
      Object.assign(new Error('invalid'), { diagnostics: [{ severity: 'error', message: "Operation 'k' needs a Score before it" }] }),
    );
    expect(p).toMatchObject({ title: 'The graph has errors', detail: "Operation 'k' needs a Score before it" });
  });

  it('reports a budget stop with the cap that was hit', () => {
    const events = tinyRunEvents();
    const done = events.at(-1) as Extract<RunEvent, { type: 'run.done' }>;
    const stopped: RunEvent = {
      ...done,
      summary: { ...done.summary, status: 'budget', budgetCap: 'cost', reason: 'The cost cap of $0.01 was reached.' },
    };
    expect(explainRunFailure([...events.slice(0, -1), stopped])).toMatchObject({
      severity: 'warning',
      detail: 'The cost cap of $0.01 was reached.',
    });
  });
});
