import { describe, expect, test } from 'vitest';
import { scriptedModel } from '../models/scripted';
import { op, params, runOps } from '../run/testing';
import { virtualClock } from '../testing/virtualClock';
import { hopMetrics, type LineageNode } from './metrics';

const input: LineageNode = { id: 'in', kind: 'input', parents: [] };
const llm = (id: string, ...parents: string[]): LineageNode => ({ id, kind: 'llm', parents });

/** A binary merge tree over `leaves`, returning the nodes and the root id. */
function mergeTree(leaves: string[]): { nodes: LineageNode[]; root: string } {
  const nodes: LineageNode[] = [];
  let level = leaves;
  for (let d = 0; level.length > 1; d++) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const id = `m${d}.${i / 2}`;
      nodes.push(llm(id, level[i] as string, level[i + 1] as string));
      next.push(id);
    }
    level = next;
  }
  return { nodes, root: level[0] as string };
}

describe('volume and latency on hand-built graphs', () => {
  test('a chain of N thoughts (CoT): the last has latency N and volume N − 1', () => {
    const N = 6;
    const nodes = [input, ...Array.from({ length: N }, (_, i) => llm(`c${i}`, i === 0 ? 'in' : `c${i - 1}`))];
    expect(hopMetrics(nodes).get(`c${N - 1}`)).toEqual({ latency: N, volume: N - 1 });
  });

  test('a tree with branching k (ToT): a leaf has latency log_k N and volume log_k N − 1', () => {
    const k = 3;
    const depth = 3;
    const nodes: LineageNode[] = [input];
    let level = ['in'];
    for (let d = 0; d < depth; d++) {
      const next: string[] = [];
      for (const parent of level) for (let b = 0; b < k; b++) next.push(`${parent}/${b}`);
      nodes.push(...next.map((id) => llm(id, id.slice(0, id.lastIndexOf('/')))));
      level = next;
    }
    const leaves = level.length;
    expect(leaves).toBe(27);
    expect(hopMetrics(nodes).get(level[0] as string)).toEqual({ latency: Math.round(Math.log(leaves) / Math.log(k)), volume: depth - 1 });
  });

  test('a split-and-merge graph (GoT): the result has latency 1 + log_2 N and sees every other thought (volume N − 1)', () => {
    const parts = Array.from({ length: 8 }, (_, i) => `p${i}`);
    const { nodes: merges, root } = mergeTree(parts);
    const nodes = [input, ...parts.map((p) => llm(p, 'in')), ...merges];
    const llmCount = nodes.length - 1;
    expect(hopMetrics(nodes).get(root)).toEqual({ latency: 1 + Math.log2(8), volume: llmCount - 1 });
  });

  test('stays exact on thousands of thoughts: a long chain, a wide fan-out and one thought merging them all', () => {
    const nodes: LineageNode[] = [input];
    for (let i = 0; i < 3000; i++) nodes.push(llm(`c${i}`, i === 0 ? 'in' : `c${i - 1}`));
    for (let i = 0; i < 3000; i++) nodes.push(llm(`w${i}`, 'c0'));
    nodes.push(llm('all', 'c2999', ...Array.from({ length: 3000 }, (_, i) => `w${i}`)));
    const m = hopMetrics(nodes);
    expect(m.get('c2999')).toEqual({ latency: 3000, volume: 2999 });
    expect(m.get('w7')).toEqual({ latency: 2, volume: 1 });
    expect(m.get('all')).toEqual({ latency: 3001, volume: 6000 });
  });

  test('diamonds are counted once: shared ancestors do not inflate volume', () => {
    const nodes = [input, llm('a', 'in'), llm('b', 'a'), llm('c', 'a'), llm('d', 'b', 'c')];
    expect(hopMetrics(nodes).get('d')).toEqual({ latency: 3, volume: 3 });
  });
});

describe('volume, latency and timing of thoughts in a run', () => {
  const echo = (sleep?: (ms: number, signal?: AbortSignal) => Promise<void>) =>
    scriptedModel({
      answer: (c, i) => (c.prompt.startsWith('split') ? '{"a": 1, "b": 2, "c": 3, "d": 4}' : `${c.prompt.length}.${i}`),
      latency: 5,
      sleep,
    });

  test('a CoT chain of Improve operations gives the last thought latency N and volume N − 1', async () => {
    const N = 5;
    const ops = [
      op('c0', 'generate', [], params.generate(1, 'go')),
      ...Array.from({ length: N - 1 }, (_, i) => op(`c${i + 1}`, 'improve', [`c${i}`], params.improve())),
    ];
    // Virtual time: each call takes exactly 5 ms however busy the machine is.
    const clock = virtualClock();
    const r = await clock.run(runOps(ops, {}, echo(clock.sleep), { clock: clock.now }));
    const last = r.grs.thoughts[r.summary.finalThoughtIds[0] as string];
    expect(last).toMatchObject({ latency: N, volume: N - 1 });
    expect(r.summary.criticalPath.hops).toBe(N);
    expect(r.summary.criticalPath.thoughtIds).toHaveLength(N);
    expect(last?.criticalMs).toBe(N * 5);
    expect(last?.ms).toBe(5);
    expect(last?.finishedAt).toBe(N * 5);
  });

  test('a ToT tree of Generate(k) levels gives leaves latency log_k N', async () => {
    const r = await runOps(
      [
        op('l1', 'generate', [], params.generate(2, 'go')),
        op('l2', 'generate', ['l1'], params.generate(2)),
        op('l3', 'generate', ['l2'], params.generate(2)),
      ],
      { current: 'r' },
      echo(),
    );
    const leaves = r.summary.finalThoughtIds.map((id) => r.grs.thoughts[id]);
    expect(leaves).toHaveLength(8);
    expect(leaves.every((t) => t?.latency === Math.log2(8) && t.volume === 2)).toBe(true);
    expect(r.summary.criticalPath.hops).toBe(3);
  });

  test('a GoT split-and-merge keeps latency logarithmic while the result sees every thought', async () => {
    const r = await runOps(
      [
        op('split', 'generate', [], params.generate(1, 'split', { kind: 'jsonParts', partKey: 'part', valueKeys: ['current'] })),
        op('left', 'selector', ['split'], { selector: { kind: 'filter', expr: 'state.part == "a" or state.part == "b"' } }),
        op('right', 'selector', ['split'], { selector: { kind: 'filter', expr: 'state.part == "c" or state.part == "d"' } }),
        op('mergeL', 'aggregate', ['left'], params.aggregate()),
        op('mergeR', 'aggregate', ['right'], params.aggregate()),
        op('merge', 'aggregate', ['mergeL', 'mergeR'], params.aggregate()),
      ],
      {},
      echo(),
    );
    const final = r.grs.thoughts[r.summary.finalThoughtIds[0] as string];
    const llmThoughts = Object.values(r.grs.thoughts).filter((t) => t.kind === 'llm').length;
    expect(llmThoughts).toBe(7);
    expect(final).toMatchObject({ latency: 1 + Math.log2(4), volume: llmThoughts - 1 });
    expect(r.summary.criticalPath.hops).toBe(3);
  });

  test('barriers put the slowest input on the critical path', async () => {
    // Virtual time, so a loaded machine cannot reorder or stretch the calls.
    const clock = virtualClock();
    const model = scriptedModel({ answer: (_c, i) => String(i), latency: (c) => (c.prompt === 'slow' ? 30 : 2), sleep: clock.sleep });
    const r = await clock.run(
      runOps(
        [
          op('fast', 'generate', [], params.generate(1, 'fast')),
          op('slow', 'generate', [], params.generate(1, 'slow')),
          op('s', 'score', ['fast', 'slow'], params.scoreExpr('1')),
          op('k', 'keepBestN', ['s'], params.keepBest(1)),
          op('next', 'improve', ['k'], params.improve()),
        ],
        {},
        model,
        { clock: clock.now },
      ),
    );
    // Keep Best keeps `fast` (ties keep input order), but it had to wait for `slow`.
    expect(r.grs.thoughts['next/0']?.parents).toEqual(['fast/0.0.0']);
    expect(r.summary.criticalPath.thoughtIds).toEqual(['slow/0.0.0', 'next/0']);
    const t = (id: string) => r.grs.thoughts[id]?.ms ?? Number.NaN;
    expect([t('fast/0.0.0'), t('slow/0.0.0'), t('next/0')]).toEqual([2, 30, 2]);
    // The path runs through the slow call (30 ms) and the next one (2 ms), not through `fast`'s 2 + 2.
    expect(r.summary.criticalPath.ms).toBe(32);
    expect(r.summary.wallMs).toBe(32);
  });
});
