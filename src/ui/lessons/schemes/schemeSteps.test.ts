import { describe, expect, it } from 'vitest';
import { lessonSteps, moveStep, SCHEME_STEPS } from './schemeSteps';

const shipped = new Set(['sorting-064-io', 'sorting-064-cot', 'sorting-064-tot', 'sorting-064-got']);

describe('the steps of the lesson IO → CoT → ToT → GoT', () => {
  it('go from a word before, through every scheme in the paper’s order (CoT-SC built from CoT), to the table', () => {
    const steps = lessonSteps(shipped);
    expect(steps.map((s) => (s.kind === 'scheme' ? s.scheme : s.kind))).toEqual(['intro', 'IO', 'CoT', 'CoT-SC', 'ToT', 'GoT', 'table']);
    expect(steps.find((s) => s.kind === 'scheme' && s.scheme === 'CoT-SC')).toMatchObject({ exampleId: 'sorting-064-cot', chains: 5 });
  });

  it('leave out a scheme whose example the gallery does not ship', () => {
    const steps = lessonSteps(new Set(['sorting-064-io', 'sorting-064-got']));
    expect(steps.map((s) => (s.kind === 'scheme' ? s.scheme : s.kind))).toEqual(['intro', 'IO', 'GoT', 'table']);
  });

  it('run the sorting-64 example of each scheme, each with a caption of what it does and what to look for', () => {
    for (const s of SCHEME_STEPS) {
      expect(s.exampleId).toMatch(/^sorting-064-/);
      expect(s.does.length).toBeGreaterThan(20);
      expect(s.lookFor.length).toBeGreaterThan(20);
    }
  });

  it('stop at the first and the last step when moving back and on', () => {
    const steps = lessonSteps(shipped);
    expect(moveStep(steps, 0, -1)).toBe(0);
    expect(moveStep(steps, 2, 1)).toBe(3);
    expect(moveStep(steps, steps.length - 1, 1)).toBe(steps.length - 1);
  });
});
