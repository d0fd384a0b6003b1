import { describe, expect, it } from 'vitest';
import { scriptedModel, UNANNOTATED, type GotDocument, type RunEvent, type RunSummary, type Thought, type ThoughtId } from '../index';
import { buildOperation as op, runOps } from '../testing/index';
import { exportRun, redactUrl, topologicalOrder } from './exportRun';

const doc = {
  format: 'got-studio',
  version: 2,
  title: 'Tiny',
  description: '',
  scheme: 'ToT',
  task: 'sorting',
  input: { original: [2, 1] },
  comments: [],
  // Listed out of order on purpose: the export follows the graph, not the file.
  operations: [
    { id: 'best', type: 'keepBestN', inputs: ['score'], params: { n: 1 } },
    { id: 'score', type: 'score', inputs: ['gen'], params: {} },
    { id: 'gen', type: 'generate', inputs: [], params: {} },
  ],
} as unknown as GotDocument;

const thought = (id: string, parents: string[], state: Record<string, unknown>, extra: Partial<Thought> = {}): Thought =>
  ({
    id, kind: id === 'input' ? 'input' : 'llm', opId: id === 'input' ? null : 'gen', parents, state, origin: id === 'input' ? null : { callId: 'c1', completion: 0, part: 0 },
    volume: 0, latency: id === 'input' ? 0 : 1, ms: 40, finishedAt: 40, promptTokens: 5, completionTokens: 3, cost: 0.001, criticalMs: 40,
    ...UNANNOTATED, ...extra,
  }) as unknown as Thought;

const annotations = (score: number) => ({ score, scored: true, valid: null, validated: false, solved: null, compared: false });
const id = (s: string) => s as ThoughtId;

const summary: RunSummary = {
  status: 'completed', requests: 1, completions: 2, cacheHits: 0, promptTokens: 10, completionTokens: 6, cost: 0.002, wallMs: 50,
  criticalPath: { hops: 1, ms: 40, thoughtIds: [id('a')] }, finalThoughtIds: [id('a')], bestScore: 0, solved: null,
};

const events = [
  { type: 'thought.input', at: 0, thought: thought('input', [], { original: [2, 1] }) },
  { type: 'operation.start', at: 0, opId: 'gen' },
  { type: 'call.start', at: 1, callId: 'c1', opId: 'gen', purpose: 'generate', inputIds: ['input'], messages: [{ role: 'user', content: 'Sort [2, 1]' }], n: 2 },
  { type: 'call.done', at: 41, callId: 'c1', texts: ['[1, 2]', '[2, 1]'], promptTokens: 10, completionTokens: 6, cost: 0.002, ms: 40, cached: false, requests: 1 },
  { type: 'thought.created', at: 41, thought: thought('a', ['input'], { original: [2, 1], current: [1, 2] }) },
  { type: 'thought.created', at: 41, thought: thought('b', ['input'], { original: [2, 1], current: [2, 1] }) },
  { type: 'operation.done', at: 41, opId: 'gen', status: 'done', outputs: [{ id: 'a', ...annotations(0), scored: false, score: null }, { id: 'b', score: null, scored: false, valid: null, validated: false, solved: null, compared: false }], totals: { requests: 1, completions: 2, cacheHits: 0, promptTokens: 10, completionTokens: 6, cost: 0.002 }, ms: 40 },
  { type: 'thought.annotated', at: 42, thoughtId: 'a', opId: 'score', score: 0, scored: true },
  { type: 'thought.annotated', at: 42, thoughtId: 'b', opId: 'score', score: 1, scored: true },
  { type: 'operation.done', at: 42, opId: 'score', status: 'done', outputs: [{ id: 'a', ...annotations(0) }, { id: 'b', ...annotations(1) }], totals: { requests: 0, completions: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, cost: 0 }, ms: 1 },
  { type: 'thought.pruned', at: 43, thoughtId: 'b', opId: 'best', reason: 'not among the best 1' },
  { type: 'operation.done', at: 43, opId: 'best', status: 'done', outputs: [{ id: 'a', ...annotations(0) }], totals: { requests: 0, completions: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, cost: 0 }, ms: 0 },
  { type: 'run.done', at: 50, summary },
] as unknown as RunEvent[];

const settings = { model: { baseUrl: 'https://user:secret@example.com/v1', model: 'm' }, concurrency: 8, budget: {}, seed: 0, cache: false };

describe('exportRun', () => {
  it('orders operations topologically and keeps ties in document order', () => {
    expect(topologicalOrder(doc)).toEqual(['gen', 'score', 'best']);
  });

  it('writes the reference framework\'s list per sample: each operation\'s states and annotations, then the token totals', () => {
    const run = exportRun({ document: doc, settings, samples: [{ sampleIndex: 3, input: { original: [2, 1] }, events }] });
    const [gen, score, best, totals] = run.samples[0]!.operations as unknown as Record<string, unknown>[];
    expect(gen).toMatchObject({ operation: 'generate', type: 'generate', id: 'gen', thoughts: [{ current: [1, 2] }, { current: [2, 1] }], scored: [false, false], requests: 1, completions: 2 });
    expect(score).toMatchObject({ operation: 'score', scores: [0, 1], scored: [true, true], validated: [false, false], validity: [null, null] });
    expect(best).toMatchObject({ operation: 'keep_best_n', type: 'keepBestN', thoughtIds: ['a'], compared_to_ground_truth: [false], problem_solved: [null] });
    expect(totals).toEqual({ prompt_tokens: 10, completion_tokens: 6, cost: 0.002 });
  });

  it('lists every thought with its final annotations, pruning and metrics, and the GRS edges', () => {
    const sample = exportRun({ document: doc, settings, samples: [{ sampleIndex: 3, input: {}, events }] }).samples[0]!;
    expect(sample.thoughts.map((t) => t.id)).toEqual(['input', 'a', 'b']);
    expect(sample.thoughts[2]).toMatchObject({ operation: 'gen', parents: ['input'], score: 1, scored: true, pruned: { opId: 'best', reason: 'not among the best 1' }, latency: 1, ms: 40 });
    expect(sample.edges).toEqual([{ from: 'input', to: 'a' }, { from: 'input', to: 'b' }]);
    expect(sample).toMatchObject({ sampleIndex: 3, status: 'completed', requests: 1, completions: 2, wallMs: 50, criticalPathMs: 40, criticalPathHops: 1, score: 0 });
    expect(sample.calls[0]).toMatchObject({ id: 'c1', texts: ['[1, 2]', '[2, 1]'], startedAt: 1, finishedAt: 41, ms: 40 });
    expect(sample.events).toBeUndefined();
  });

  it('exports a cancelled run\'s partial events, with totals taken from its calls', () => {
    const partial = events.slice(0, 6);
    const sample = exportRun({ document: doc, settings, samples: [{ sampleIndex: null, input: {}, events: partial }], includeEvents: true }).samples[0]!;
    expect(sample.status).toBe('incomplete');
    expect(sample).toMatchObject({ requests: 1, completions: 2, promptTokens: 10 });
    expect((sample.operations[2] as { status: string }).status).toBe('not run');
    expect(sample.events).toHaveLength(6);
  });

  it('never carries credentials from the base URL', () => {
    const run = exportRun({ document: doc, settings, samples: [] });
    expect(run.settings.model.baseUrl).toBe('https://example.com/v1');
    expect(JSON.stringify(run)).not.toContain('secret');
    expect(redactUrl('http://localhost:8080/v1')).toBe('http://localhost:8080/v1');
    expect(redactUrl('https://my.azure.example/openai?api-version=2024-06-01&api-key=SECRET')).not.toContain('SECRET');
  });
  it('marks a split part pruned only when no parallel Selector took it, as the run\'s GRS does', async () => {
    const split = { samples: 1, prompt: 'split', parser: { kind: 'jsonParts' } };
    const pick = (part: string) => ({ selector: { kind: 'filter', expr: `state.part == "${part}"` } });
    const ops = [op('split', 'generate', [], split), op('one', 'selector', ['split'], pick('List 1')), op('two', 'selector', ['split'], pick('List 2'))];
    const r = await runOps(ops, {}, scriptedModel({ answer: () => '{"List 1": [1], "List 2": [2], "List 3": [3]}' }));
    const start = r.events[0]!;
    const document = start.type === 'run.start' ? start.document : doc;
    const sample = exportRun({ document, settings, samples: [{ sampleIndex: null, input: {}, events: r.events }] }).samples[0]!;
    const pruned = Object.fromEntries(sample.thoughts.map((t) => [t.id, t.pruned?.opId ?? null]));
    expect(pruned).toEqual({ input: null, 'split/0.0.0': null, 'split/0.0.1': null, 'split/0.0.2': expect.stringMatching(/^(one|two)$/) });
    expect(sample.thoughts.map((t) => t.pruned)).toEqual(Object.values(r.grs.thoughts).map((t) => t.pruned));
  });
});
