import type { GotDocument, RunEvent } from '../../src/engine/index';
import { thought } from '../../src/ui/run/testEvents';

/** A small deterministic PRNG so every bench run builds the same GRS. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Operation `k` of layer `layer` (1-based); one operation a layer keeps the ids `layer-N`. */
const opIdOf = (layer: number, k: number, ops: number) => (ops === 1 ? `layer-${layer}` : `layer-${layer}-${k + 1}`);

const doc = (layers: number, ops: number): GotDocument => ({
  format: 'got-studio',
  version: 2,
  title: 'Synthetic GRS',
  description: '',
  input: { current: '[3, 1, 2]' },
  comments: [],
  operations: Array.from({ length: layers * ops }, (_, j) => {
    const i = Math.floor(j / ops);
    return {
      id: opIdOf(i + 1, j % ops, ops),
      type: 'generate' as const,
      inputs: i ? Array.from({ length: ops }, (_, k) => opIdOf(i, k, ops)) : [],
      params: { prompt: 'p {{current}}' },
    };
  }),
});

/** How a synthetic run's thoughts spread over operations. */
export interface Shape {
  /** Layers of operations, one column each in the Thoughts view. */
  layers: number;
  /** Operations per layer (lanes per column); a layer's thoughts go to its operations in turn. */
  ops: number;
}

/** 10 operations in a chain, 200 thoughts each for 2,000: each lane far past the far level's summary threshold. */
export const DEEP: Shape = { layers: 10, ops: 1 };
/** 40 layers of 5 operations, 10 thoughts a lane for 2,000: every lane under the summary threshold, so every thought is a pill. */
export const DENSE: Shape = { layers: 40, ops: 5 };

/**
 * The event log of a run with `n` thoughts in `shape` (each thought made by one call from one or two
 * thoughts of the layer before, its text streamed in chunks), shaped like a wide GoT run.
 */
export function syntheticRun(n: number, shape: Shape = DEEP, seed = 1): { start: RunEvent[]; perThought: RunEvent[][]; end: RunEvent[] } {
  const { layers, ops } = shape;
  const rnd = prng(seed);
  const document = doc(layers, ops);
  const start: RunEvent[] = [
    {
      type: 'run.start',
      at: 0,
      runId: 'bench' as never,
      document,
      input: document.input,
      settings: { model: { baseUrl: 'bench', model: 'bench' }, concurrency: 64, budget: {}, seed: 0, cache: false, sampleIndex: null },
    },
    { type: 'thought.input', at: 0, thought: thought({ id: 'input' as never, kind: 'input', state: document.input }) },
  ];
  const perLayer = Math.ceil(n / layers);
  const byLayer: Array<Array<{ id: string; volume: number }>> = [[{ id: 'input', volume: 0 }]];
  const perThought: RunEvent[][] = [];
  for (let i = 0; i < n; i += 1) {
    const layer = Math.floor(i / perLayer) + 1;
    const prev = byLayer[layer - 1] ?? byLayer[0]!;
    const p1 = prev[Math.floor(rnd() * prev.length)]!;
    const p2 = prev[Math.floor(rnd() * prev.length)]!;
    const parents = p1.id === p2.id || rnd() < 0.7 ? [p1] : [p1, p2];
    const id = `t${i}`;
    const callId = `c${i}` as never;
    const opId = opIdOf(Math.min(layer, layers), (i % perLayer) % ops, ops) as never;
    const text = Array.from({ length: 16 }, () => Math.floor(rnd() * 10)).join(', ');
    const volume = parents.reduce((v, p) => v + p.volume + (p.id === 'input' ? 0 : 1), 0);
    const at = i;
    const events: RunEvent[] = [
      {
        type: 'call.start',
        at,
        callId,
        opId,
        purpose: 'generate',
        inputIds: parents.map((p) => p.id as never),
        messages: [{ role: 'user', content: `Sort ${text}` }],
        n: 1,
      },
      ...[0, 1, 2, 3].map((k): RunEvent => ({ type: 'call.token', at, callId, index: 0, delta: `${text.slice(k * 12, (k + 1) * 12)}` })),
      {
        type: 'call.done',
        at,
        callId,
        texts: [`[${text}]`],
        promptTokens: 40,
        completionTokens: 30,
        cost: 0.00005,
        ms: 300,
        cached: false,
        requests: 1,
      },
      {
        type: 'thought.created',
        at,
        thought: thought({
          id: id as never,
          opId,
          parents: parents.map((p) => p.id as never),
          state: { current: `[${text}]` },
          origin: { callId, completion: 0, part: 0 },
          latency: layer,
          volume,
          ms: 300,
          finishedAt: at,
          promptTokens: 40,
          completionTokens: 30,
          cost: 0.00005,
        }),
      },
      { type: 'thought.annotated', at, thoughtId: id as never, opId, score: Math.floor(rnd() * 20), scored: true },
    ];
    (byLayer[layer] ??= []).push({ id, volume });
    perThought.push(events);
  }
  const end: RunEvent[] = [
    {
      type: 'run.done',
      at: n,
      summary: {
        status: 'completed',
        requests: n,
        completions: n,
        cacheHits: 0,
        promptTokens: 40 * n,
        completionTokens: 30 * n,
        cost: 0.00005 * n,
        wallMs: n,
        criticalPath: { hops: layers, ms: 300 * layers, thoughtIds: [] },
        finalThoughtIds: [],
        bestScore: 0,
        solved: null,
      },
    },
  ];
  return { start, perThought, end };
}
