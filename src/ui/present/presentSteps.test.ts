import { describe, expect, test } from 'vitest';
import type { OperationId } from '../../engine/index';
import { tinyRunEvents } from '../run/testEvents';
import { operationEnds, presentFocus, stepOperation } from './presentSteps';

const events = tinyRunEvents();
const ends = operationEnds(events);
const op = (s: string) => s as OperationId;

describe('presentation steps through a finished run', () => {
  test('the run has one moment after each of its three operations, before the run ends', () => {
    expect(ends).toHaveLength(3);
    expect(ends.every((e) => events[e - 1]?.type === 'operation.done')).toBe(true);
    expect(ends[2]).toBeLessThan(events.length);
  });

  test('← from the end shows the run after its second operation, then its first, then its input', () => {
    const a = stepOperation(events, null, -1);
    expect(a).toBe(ends[1]);
    const b = stepOperation(events, a, -1);
    expect(b).toBe(ends[0]);
    expect(stepOperation(events, b, -1)).toBe(0);
    expect(stepOperation(events, 0, -1)).toBe(0);
  });

  test('→ walks forward one operation at a time, and to the last one means back to the end', () => {
    expect(stepOperation(events, 0, 1)).toBe(ends[0]);
    expect(stepOperation(events, ends[0]!, 1)).toBe(ends[1]);
    expect(stepOperation(events, ends[1]!, 1)).toBeNull();
    expect(stepOperation(events, null, 1)).toBeNull();
  });

  test('from the middle of an operation, ← goes to the end of the one before the one shown', () => {
    const mid = ends[1]! - 1;
    expect(stepOperation(events, mid, -1)).toBe(0);
    expect(stepOperation(events, mid, 1)).toBe(ends[1]);
  });
});

describe('the caption follows the operation that ran last', () => {
  test('before anything ran it names only the held operation', () => {
    expect(presentFocus(events.slice(0, 2), op('gen'))).toEqual({ current: null, next: op('gen'), finished: 0 });
  });

  test('while an operation runs it is the current one', () => {
    const upTo = events.findIndex((e) => e.type === 'operation.start') + 1;
    expect(presentFocus(events.slice(0, upTo), null).current).toEqual({ opId: 'gen', state: 'running' });
  });

  test('looking back at the moment an operation finished, it names that one even if the next had started', () => {
    const startedNext = [...events.slice(0, ends[0]), { type: 'operation.start', at: 9, opId: op('score') } as const];
    expect(presentFocus(startedNext, null).current).toEqual({ opId: 'score', state: 'running' });
    expect(presentFocus(startedNext, null, true).current).toEqual({ opId: 'gen', state: 'done' });
  });

  test('after a step it names the operation that just finished and the one held next', () => {
    expect(presentFocus(events.slice(0, ends[0]), op('score'))).toEqual({
      current: { opId: 'gen', state: 'done' },
      next: 'score',
      finished: 1,
    });
    expect(presentFocus(events, null)).toEqual({ current: { opId: 'best', state: 'done' }, next: null, finished: 3 });
  });
});
