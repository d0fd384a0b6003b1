import { UNANNOTATED, type GotDocument, type RunEvent, type Thought } from '../../engine/index';

/** A small graph for store tests: generate (2 thoughts) → score → keep best 1 (lower is better). */
export const tinyDoc: GotDocument = {
  format: 'got-studio',
  version: 2,
  title: 'Tiny',
  description: '',
  input: { current: '3 1 2' },
  comments: [],
  operations: [
    { id: 'gen', type: 'generate', inputs: [], params: {} },
    { id: 'score', type: 'score', inputs: ['gen'], params: {} },
    { id: 'best', type: 'keepBestN', inputs: ['score'], params: { n: 1, higherIsBetter: false } },
  ],
};

/** A thought with neutral metrics; `over` sets what a test cares about. */
export function thought(over: Partial<Thought> & Pick<Thought, 'id'>): Thought {
  return {
    ...UNANNOTATED,
    kind: 'llm',
    opId: null,
    parents: [],
    state: {},
    origin: null,
    volume: 0,
    latency: 0,
    ms: 0,
    finishedAt: 0,
    promptTokens: 0,
    completionTokens: 0,
    cost: 0,
    criticalMs: 0,
    ...over,
  } as Thought;
}

const id = <T extends string>(s: string) => s as T;
const totals = { requests: 1, completions: 2, cacheHits: 0, promptTokens: 10, completionTokens: 8, cost: 0.002 };

/** The events of one run of `tinyDoc`, in order, with streamed tokens. */
export function tinyRunEvents(): RunEvent[] {
  const call = id<never>('c1');
  const gen = id<never>('gen');
  return [
    {
      type: 'run.start',
      at: 0,
      runId: id('r1'),
      document: tinyDoc,
      input: tinyDoc.input,
      settings: {
        model: { baseUrl: 'simulator', model: 'simulator' },
        concurrency: 4,
        budget: {},
        seed: 0,
        cache: false,
        sampleIndex: null,
      },
    },
    { type: 'thought.input', at: 0, thought: thought({ id: id('input'), kind: 'input', state: tinyDoc.input }) },
    { type: 'operation.start', at: 1, opId: gen },
    {
      type: 'call.start',
      at: 1,
      callId: call,
      opId: gen,
      purpose: 'generate',
      inputIds: [id('input')],
      messages: [{ role: 'user', content: 'Sort 3 1 2' }],
      n: 2,
    },
    { type: 'call.token', at: 2, callId: call, index: 0, delta: '1 2' },
    { type: 'call.token', at: 3, callId: call, index: 0, delta: ' 3' },
    { type: 'call.token', at: 3, callId: call, index: 1, delta: '2 1 3' },
    {
      type: 'call.done',
      at: 10,
      callId: call,
      texts: ['1 2 3', '2 1 3'],
      promptTokens: 10,
      completionTokens: 8,
      cost: 0.002,
      ms: 9,
      cached: false,
      requests: 1,
    },
    {
      type: 'thought.created',
      at: 10,
      thought: thought({
        id: id('t1'),
        opId: gen,
        parents: [id('input')],
        state: { current: '1 2 3' },
        latency: 1,
        volume: 0,
        origin: { callId: call, completion: 0, part: 0 },
      }),
    },
    {
      type: 'thought.created',
      at: 10,
      thought: thought({
        id: id('t2'),
        opId: gen,
        parents: [id('input')],
        state: { current: '2 1 3' },
        latency: 1,
        volume: 0,
        origin: { callId: call, completion: 1, part: 0 },
      }),
    },
    {
      type: 'operation.done',
      at: 10,
      opId: gen,
      status: 'done',
      outputs: [
        { id: id('t1'), score: null, scored: false, valid: null, validated: false, solved: null, compared: false },
        { id: id('t2'), score: null, scored: false, valid: null, validated: false, solved: null, compared: false },
      ],
      totals,
      ms: 9,
    },
    { type: 'operation.start', at: 10, opId: id('score') },
    { type: 'thought.annotated', at: 10, thoughtId: id('t1'), opId: id('score'), score: 0, scored: true },
    { type: 'thought.annotated', at: 10, thoughtId: id('t2'), opId: id('score'), score: 2, scored: true },
    {
      type: 'operation.done',
      at: 10,
      opId: id('score'),
      status: 'done',
      outputs: [
        { id: id('t1'), score: 0, scored: true, valid: null, validated: false, solved: null, compared: false },
        { id: id('t2'), score: 2, scored: true, valid: null, validated: false, solved: null, compared: false },
      ],
      totals: { ...totals, requests: 0, completions: 0, promptTokens: 0, completionTokens: 0, cost: 0 },
      ms: 0,
    },
    { type: 'operation.start', at: 10, opId: id('best') },
    { type: 'thought.pruned', at: 10, thoughtId: id('t2'), opId: id('best'), reason: 'not among the best 1' },
    {
      type: 'operation.done',
      at: 10,
      opId: id('best'),
      status: 'done',
      outputs: [{ id: id('t1'), score: 0, scored: true, valid: null, validated: false, solved: null, compared: false }],
      totals: { ...totals, requests: 0, completions: 0, promptTokens: 0, completionTokens: 0, cost: 0 },
      ms: 0,
    },
    {
      type: 'run.done',
      at: 11,
      summary: {
        ...totals,
        status: 'completed',
        wallMs: 11,
        criticalPath: { hops: 1, ms: 9, thoughtIds: [id('t1')] },
        finalThoughtIds: [id('t1')],
        bestScore: 0,
        solved: null,
      },
    },
  ];
}
