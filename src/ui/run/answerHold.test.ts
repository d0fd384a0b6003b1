import { afterEach, describe, expect, it } from 'vitest';
import { answerDueWithin, setAnswerProbe } from './answerHold';

describe('holding view updates for a model answer', () => {
  afterEach(() => setAnswerProbe(null));

  it('holds nothing when no run has registered a forecast', () => {
    expect(answerDueWithin(1_000)).toBe(false);
  });

  it('asks the registered forecast about the window the update would take', () => {
    const asked: number[] = [];
    setAnswerProbe((_now, windowMs) => (asked.push(windowMs), windowMs >= 20));
    expect(answerDueWithin(10)).toBe(false);
    expect(answerDueWithin(30)).toBe(true);
    expect(asked).toEqual([10, 30]);
  });
});
