import { describe, expect, it } from 'vitest';
import { rebuildGrs } from '../grs/reduce';
import { exportRun } from '../report/exportRun';
import { isReferenceOutput, parseReferenceOutput } from './referenceOutput';

const valid = [
  { operation: 'generate', thoughts: [{ current: '[1, 2]' }, { current: '[2, 1]' }] },
  { operation: 'score', thoughts: [{ current: '[1, 2]' }, { current: '[2, 1]' }], scored: [true, true], scores: [0, 2] },
  { operation: 'keep_best_n', thoughts: [{ current: '[1, 2]' }], scored: [true], scores: [0] },
  { operation: 'ground_truth_evaluator', thoughts: [{ current: '[1, 2]' }], scored: [true], scores: [0], compared_to_ground_truth: [true], problem_solved: [true] },
  { prompt_tokens: 120, completion_tokens: 40, cost: 0.01 },
];

describe('parseReferenceOutput', () => {
  it('turns each operation into an unconnected operation with its own thoughts, scores and flags', () => {
    const r = parseReferenceOutput(JSON.stringify(valid));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const { document, events, notes } = r.value;
    expect(document.operations.map((o) => [o.type, o.inputs.length])).toEqual([
      ['generate', 0],
      ['score', 0],
      ['keepBestN', 0],
      ['groundTruth', 0],
    ]);
    const grs = rebuildGrs(events);
    const made = grs.thoughtOrder.map((id) => grs.thoughts[id]!).filter((t) => t.kind === 'llm');
    expect(made).toHaveLength(6);
    expect(made.every((t) => t.parents.length === 0)).toBe(true);
    expect(made.filter((t) => t.opId === 'op-2').map((t) => t.score)).toEqual([0, 2]);
    expect(made.find((t) => t.opId === 'op-4')?.solved).toBe(true);
    const done = events[events.length - 1];
    expect(done?.type === 'run.done' && [done.summary.promptTokens, done.summary.completionTokens, done.summary.solved]).toEqual([120, 40, true]);
    expect(notes[0]).toMatch(/no lineage/);
  });

  it('marks the request counts and timings the file lacks as not recorded, and the report writes them as null', () => {
    const r = parseReferenceOutput(JSON.stringify(valid));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const summary = rebuildGrs(r.value.events).summary;
    expect(summary?.unrecorded).toEqual(['requests', 'completions', 'cacheHits', 'wallMs', 'criticalPath']);
    const settings = { model: { baseUrl: 'reference-framework', model: 'unknown' }, concurrency: 1, budget: {}, seed: 0, cache: false };
    const report = exportRun({ document: r.value.document, settings, samples: [{ sampleIndex: null, input: {}, events: r.value.events }] });
    const sample = report.samples[0]!;
    expect([sample.requests, sample.completions, sample.cacheHits, sample.wallMs, sample.criticalPathMs, sample.criticalPathHops]).toEqual([null, null, null, null, null, null]);
    expect([sample.promptTokens, sample.completionTokens, sample.cost]).toEqual([120, 40, 0.01]);
    expect([report.totals.requests, report.totals.completions, report.totals.cacheHits, report.totals.wallMs, report.totals.promptTokens]).toEqual([null, null, null, null, 120]);
  });

  it("reads Python's NaN scores as unscored values", () => {
    const text = JSON.stringify(valid).replace('"scores":[0,2]', '"scores":[NaN, 2]');
    const r = parseReferenceOutput(text);
    expect(r.ok && rebuildGrs(r.value.events).thoughts['op-2.t1']?.score).toBeNull();
  });

  it('names the operation index and field of a malformed entry', () => {
    const bad = [valid[0], { operation: 'score', thoughts: [{}], scored: [true, false] }, { operation: 'teleport', thoughts: [] }, valid[4]];
    const r = parseReferenceOutput(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      'operation 2, field scored: has 2 entries for 1 thoughts',
      'operation 3, field operation: "teleport" is not an operation of the reference framework',
    ]);
  });

  it('rejects text that is not JSON, not a list, or has no token totals', () => {
    expect(parseReferenceOutput('{oops').ok).toBe(false);
    const notList = parseReferenceOutput('{"a": 1}');
    expect(!notList.ok && notList.errors[0]).toMatch(/not a JSON list/);
    const noTotals = parseReferenceOutput(JSON.stringify(valid.slice(0, 2)));
    expect(!noTotals.ok && noTotals.errors[0]).toMatch(/^the last entry \(token totals\)/);
    const wrongType = parseReferenceOutput(JSON.stringify([{ operation: 'generate', thoughts: 'x' }, valid[4]]));
    expect(!wrongType.ok && wrongType.errors[0]).toMatch(/^operation 1, field thoughts: /);
  });

  it('refuses files beyond its size limits', () => {
    const many = [...Array.from({ length: 2001 }, () => ({ operation: 'generate', thoughts: [] })), valid[4]];
    const r = parseReferenceOutput(JSON.stringify(many));
    expect(!r.ok && r.errors[0]).toMatch(/at most 2000/);
  });
});

describe('isReferenceOutput', () => {
  it('recognises an output_graph list and nothing else', () => {
    expect(isReferenceOutput(valid)).toBe(true);
    expect(isReferenceOutput({ format: 'got-studio' })).toBe(false);
    expect(isReferenceOutput([])).toBe(false);
  });
});
