import { afterEach, describe, expect, it } from 'vitest';
import { answerDueIn, answerDueWithin, setAnswerProbe } from './answerHold';

describe('holding view updates for a model answer', () => {
  afterEach(() => setAnswerProbe(null));

  it('holds nothing when no run has registered a forecast', () => {
    expect(answerDueWithin(1_000)).toBe(false);
  });

  it('asks the registered forecast, at the present moment, whether the answer comes within the window the update would take', () => {
    const asked: number[] = [];
    setAnswerProbe((now) => (asked.push(now), 20));
    expect(answerDueWithin(10)).toBe(false);
    expect(answerDueWithin(30)).toBe(true);
    expect(answerDueIn()).toBe(20);
    expect(asked).toHaveLength(3);
    expect(asked.every((now) => Math.abs(now - performance.now()) < 1_000)).toBe(true);
    setAnswerProbe(() => null);
    expect(answerDueWithin(1_000)).toBe(false);
  });
});
