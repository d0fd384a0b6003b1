import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../engine/index';
import { AnswerForecast } from './answerForecast';
import { frameScheduler, MAX_HOLD_MS } from './frameBatcher';

const start = (callId: string) => ({ type: 'call.start', at: 0, callId, opId: 'op', purpose: 'generate', inputIds: [], messages: [], n: 1 }) as unknown as RunEvent;
const done = (callId: string, cached = false) =>
  ({ type: 'call.done', at: 0, callId, texts: [], promptTokens: 0, completionTokens: 0, cost: 0, ms: 0, cached, requests: 1 }) as unknown as RunEvent;

describe('the answer forecast', () => {
  it('expects nothing before a call of the run has finished', () => {
    const f = new AnswerForecast();
    f.observe(start('a'), 0);
    expect(f.dueWithin(45, 10)).toBe(false);
  });

  it('expects a call in flight to take as long as the run’s calls took, and says when that falls in the window', () => {
    const f = new AnswerForecast();
    f.observe(start('a'), 0);
    f.observe(done('a'), 50);
    f.observe(start('b'), 60);
    expect(f.dueWithin(70, 20)).toBe(false);
    expect(f.dueWithin(95, 20)).toBe(true);
    // Late by less than half a call: any moment now.
    expect(f.dueWithin(130, 5)).toBe(true);
    // Late by more: no telling when, so the screen is not held for it.
    expect(f.dueWithin(150, 5)).toBe(false);
    f.observe(done('b'), 131);
    expect(f.dueWithin(131, 100)).toBe(false);
  });

  it('tells how long until the soonest answer is due: 0 when one is late, null when none is expected', () => {
    const f = new AnswerForecast();
    f.observe(start('a'), 0);
    expect(f.dueIn(10)).toBeNull();
    f.observe(done('a'), 50);
    expect(f.dueIn(50)).toBeNull();
    f.observe(start('b'), 60);
    f.observe(start('c'), 80);
    expect(f.dueIn(70)).toBe(40);
    expect(f.dueIn(100)).toBe(10);
    // b is late by less than half a call: any moment now.
    expect(f.dueIn(120)).toBe(0);
    // b is late by more than half a call (no telling when), c by less.
    expect(f.dueIn(140)).toBe(0);
    f.observe(done('c'), 141);
    // Only b is left, long overdue.
    expect(f.dueIn(200)).toBeNull();
  });

  it('takes no timing from cached answers, and forgets everything on reset', () => {
    const f = new AnswerForecast();
    f.observe(start('a'), 0);
    f.observe(done('a', true), 1);
    f.observe(start('b'), 1);
    expect(f.dueWithin(1, 10)).toBe(false);
    f.observe(done('b'), 51);
    f.reset();
    f.observe(start('c'), 60);
    expect(f.dueWithin(105, 20)).toBe(false);
  });
});

describe('the frame scheduler with a hold', () => {
  let now = 0;
  let frames: Array<() => void> = [];
  const runFrame = (advance: number) => {
    now += advance;
    const due = frames;
    frames = [];
    for (const f of due) f();
  };
  afterEach(() => vi.unstubAllGlobals());
  const stub = () => {
    now = 1000;
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    vi.stubGlobal('performance', { now: () => now });
  };

  it('flushes on the next frame while nothing is due', () => {
    stub();
    let flushed = 0;
    frameScheduler(() => false)(() => (flushed += 1));
    runFrame(16);
    expect(flushed).toBe(1);
  });

  it('waits while an answer is due, then flushes', () => {
    stub();
    let held = true;
    let flushed = 0;
    frameScheduler(() => held)(() => (flushed += 1));
    runFrame(16);
    runFrame(16);
    expect(flushed).toBe(0);
    held = false;
    runFrame(16);
    expect(flushed).toBe(1);
  });

  it('never holds a flush longer than MAX_HOLD_MS', () => {
    stub();
    let flushed = 0;
    const asked = now;
    frameScheduler(() => true)(() => (flushed += 1));
    while (now + 16 - asked < MAX_HOLD_MS) runFrame(16);
    expect(flushed).toBe(0);
    runFrame(16);
    expect(flushed).toBe(1);
  });
});
