import { describe, expect, test } from 'vitest';
import type { GotDocument, OperationNode } from '../graph/document';
import { OPERATION_TYPES } from './definition';
import { describeOperation } from './describe';

const node = (type: OperationNode['type'], params: Record<string, unknown>, inputs: string[] = [], label?: string): OperationNode => ({
  id: `${type}-1`,
  type,
  inputs,
  params,
  ...(label ? { label } : {}),
});

const doc = (operations: OperationNode[]): GotDocument => ({
  format: 'got-studio',
  version: 2,
  title: 't',
  description: '',
  input: {},
  operations,
  comments: [],
});

const llm = { prompt: 'Sort {{current}}', parser: { kind: 'list', key: 'current', items: 'numbers' } };

describe('describeOperation', () => {
  test('Generate says how many times it asks the model, about how many thoughts, and how it reads the answers', () => {
    expect(describeOperation(node('generate', { samples: 5, ...llm }), { inputs: 2 })).toBe(
      'Generate: asks the model 5 times about each of the 2 input thoughts, and reads each answer as a list of numbers',
    );
    expect(describeOperation(node('generate', { samples: 1, branchesPerPrompt: 3, prompt: 'x', parser: { kind: 'jsonParts' } }))).toBe(
      'Generate: asks the model once about each input thought for 3 answers each time, and splits each answer into parts, one new thought per part',
    );
  });

  test('Aggregate names the operations whose thoughts it combines', () => {
    const a = node('keepBestN', { n: 1 }, [], 'Best of List 1');
    const b = { ...node('keepBestN', { n: 1 }, [], 'Best of List 2'), id: 'b' };
    const merge = node('aggregate', { samples: 10, ...llm }, [a.id, 'b']);
    expect(describeOperation(merge, { document: doc([a, b, merge]), inputs: 2 })).toBe(
      'Aggregate: puts the 2 thoughts from “Best of List 1” and “Best of List 2” into one prompt, asks the model 10 times to combine them, and reads each answer as a list of numbers',
    );
  });

  test('Improve asks once per thought', () => {
    expect(describeOperation(node('improve', { prompt: 'Fix {{current}}' }), { inputs: 1 })).toBe(
      'Improve: asks the model once to improve the 1 input thought, and keeps each answer as text',
    );
  });

  test('Score tells a function from a model call, and a combined request from one per thought', () => {
    expect(describeOperation(node('score', { scorer: { kind: 'function', name: 'sorting.error' } }), { inputs: 5 })).toBe(
      'Score: gives each of the 5 input thoughts a score with the built-in “sorting.error”, without asking the model',
    );
    expect(describeOperation(node('score', { samples: 3, scorer: { kind: 'llm', prompt: 'Rate', reader: { kind: 'number' } } }))).toBe(
      'Score: asks the model to score each input thought, 3 answers averaged, reading the number it answers',
    );
    expect(describeOperation(node('score', { combined: true, scorer: { kind: 'llm', prompt: 'Rate', reader: { kind: 'list' } } }))).toBe(
      'Score: asks the model to score all the input thoughts in one request, reading one number per thought',
    );
  });

  test('Validate & Improve says how it checks and how many fixes it may ask for', () => {
    expect(
      describeOperation(node('validateAndImprove', { tries: 3, validator: { kind: 'function', name: 'kc.sumsMatch' }, prompt: 'Fix' })),
    ).toBe(
      'Validate & Improve: checks each input thought with the built-in “kc.sumsMatch”; while one is invalid it asks the model to fix it, up to 3 tries',
    );
    expect(
      describeOperation(
        node('validateAndImprove', { improve: false, validator: { kind: 'filter', expr: 'len(state.current) > 0' }, prompt: 'Fix' }),
      ),
    ).toBe(
      'Validate & Improve: checks each input thought with the expression “len(state.current) > 0” and marks it valid or invalid, without fixing it',
    );
  });

  test('Keep Best N says how many survive and which way the score points', () => {
    const score = node('score', { scorer: { kind: 'function', name: 'e' } }, [], 'Score List 1');
    const keep = node('keepBestN', { n: 1, higherIsBetter: false }, [score.id]);
    expect(describeOperation(keep, { document: doc([score, keep]), inputs: 5 })).toBe(
      'Keep Best N: keeps the best of the 5 thoughts from “Score List 1” (lower score is better) and drops the rest',
    );
    expect(describeOperation(node('keepBestN', { n: 3 }))).toBe(
      "Keep Best N: keeps the 3 best of the thoughts of the run's input (higher score is better) and drops the rest",
    );
  });

  test('Keep Valid drops the invalid thoughts', () => {
    expect(describeOperation(node('keepValid', {}, ['x']), { inputs: 4 })).toBe(
      'Keep Valid: passes on the 4 thoughts from “x” that are valid or were never checked, and drops the invalid ones',
    );
  });

  test('Ground Truth compares with the known answer', () => {
    expect(describeOperation(node('groundTruth', { evaluator: { kind: 'function', name: 'sorting.solved' } }), { inputs: 1 })).toBe(
      'Ground Truth: compares the 1 input thought with the known answer using the built-in “sorting.solved”, and marks it solved or not',
    );
  });

  test('Selector quotes its filter, or names what picks', () => {
    expect(describeOperation(node('selector', { selector: { kind: 'filter', expr: 'state.part == "List 1"' } }, ['split']))).toBe(
      'Selector: keeps only the thoughts from “split” for which “state.part == "List 1"” holds',
    );
    expect(describeOperation(node('selector', { selector: { kind: 'js', code: 'return thoughts' } }, ['split']))).toBe(
      'Selector: keeps the ones of the thoughts from “split” that your own JavaScript picks',
    );
  });

  test('every operation type in the registry has a caption that starts with its name', () => {
    const minimal: Record<string, Record<string, unknown>> = {
      generate: { prompt: 'p' },
      aggregate: { prompt: 'p' },
      improve: { prompt: 'p' },
      score: { scorer: { kind: 'function', name: 'f' } },
      validateAndImprove: { validator: { kind: 'function', name: 'f' }, prompt: 'p' },
      keepBestN: { n: 2 },
      keepValid: {},
      groundTruth: { evaluator: { kind: 'function', name: 'f' } },
      selector: { selector: { kind: 'filter', expr: 'true' } },
    };
    for (const type of OPERATION_TYPES) {
      const text = describeOperation(node(type, minimal[type] ?? {}));
      expect(text).toMatch(/^[A-Z][\w &]+: [a-z]/);
      expect(text.length).toBeLessThan(200);
    }
  });

  test('parameters that fail the schema give the type help instead of a wrong sentence', () => {
    expect(describeOperation(node('keepBestN', {}))).toMatch(/^Keep Best N: Keeps the n best scored thoughts/);
  });

  test('a long label or expression from a graph is shortened', () => {
    const text = describeOperation(node('selector', { selector: { kind: 'filter', expr: `state.x == "${'a'.repeat(200)}"` } }));
    expect(text.length).toBeLessThan(120);
    expect(text).toContain('…');
  });
});
