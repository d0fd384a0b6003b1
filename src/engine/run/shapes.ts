import type { GotDocument, OperationNode } from '../graph/document';
import type { ScriptedCall } from '../models/scripted';
import { doc, op } from './testing';

const listParser = { kind: 'list', key: 'current', items: 'numbers' };
/** Scores a list by its length: a stand-in for a task scorer, cheap and deterministic (lower is better). */
const lengthScore = { scorer: { kind: 'filter', expr: 'len(state.current)' } };

/**
 * A graph shaped like the paper's GoT sorting graph: split the input into `parts` lists; per part
 * a Selector, Generate(5) sort, Score, KeepBest(1); then merge pairs level by level with
 * Aggregate(10) → Score → KeepBest(1) → Generate(k) refine → Score → KeepBest(1) over the refined
 * candidates and the merge's best (k = 5 on inner levels, 10 on the last); then GroundTruth.
 * `parts` must be a power of two (2 for 32 numbers, 4 for 64, 8 for 128).
 */
export function gotSortingShape(parts: number, input: number[] = []): GotDocument {
  const ops: OperationNode[] = [
    op('split', 'generate', [], { samples: 1, prompt: 'Split {{current}} into {{branches}} lists', branchesPerPrompt: parts, parser: { kind: 'jsonParts', partKey: 'part', valueKeys: ['current'] } }),
  ];
  let level: string[] = [];
  for (let i = 1; i <= parts; i++) {
    ops.push(
      op(`select${i}`, 'selector', ['split'], { selector: { kind: 'filter', expr: `state.part == "List ${i}"` } }),
      op(`sort${i}`, 'generate', [`select${i}`], { samples: 5, prompt: 'Sort {{current}}', parser: listParser }),
      op(`score${i}`, 'score', [`sort${i}`], lengthScore),
      op(`best${i}`, 'keepBestN', [`score${i}`], { n: 1, higherIsBetter: false }),
    );
    level.push(`best${i}`);
  }
  for (let depth = 1; level.length > 1; depth++) {
    const next: string[] = [];
    const last = level.length === 2;
    for (let j = 0; j < level.length; j += 2) {
      const id = `m${depth}_${j / 2 + 1}`;
      ops.push(
        op(`${id}_merge`, 'aggregate', [level[j] as string, level[j + 1] as string], {
          samples: 10,
          prompt: 'Merge{{#each inputs}} {{current}}{{/each}}',
          parser: listParser,
        }),
        op(`${id}_score`, 'score', [`${id}_merge`], lengthScore),
        op(`${id}_best`, 'keepBestN', [`${id}_score`], { n: 1, higherIsBetter: false }),
        op(`${id}_refine`, 'generate', [`${id}_best`], { samples: last ? 10 : 5, prompt: 'Fix {{current}}', parser: listParser }),
        op(`${id}_rscore`, 'score', [`${id}_refine`], lengthScore),
        op(`${id}_final`, 'keepBestN', [`${id}_rscore`, `${id}_best`], { n: 1, higherIsBetter: false }),
      );
      next.push(`${id}_final`);
    }
    level = next;
  }
  ops.push(op('truth', 'groundTruth', level, { evaluator: { kind: 'filter', expr: 'len(state.current) > 0' } }));
  return doc(ops, { current: input });
}

/**
 * A synthetic graph that makes over a thousand thoughts with every streaming and barrier kind:
 * Generate fan-outs, Improve, Score, KeepBestN, Validate-and-Improve chains and a final Aggregate.
 */
export function syntheticShape(): GotDocument {
  const score = { scorer: { kind: 'filter', expr: 'len(state.current)' } };
  return doc(
    [
      op('g1', 'generate', [], { samples: 10, prompt: 'a {{current}}' }),
      op('g2', 'generate', ['g1'], { samples: 10, prompt: 'b {{current}}' }),
      op('i1', 'improve', ['g2'], { prompt: 'c {{current}}' }),
      op('s1', 'score', ['i1'], score),
      op('k1', 'keepBestN', ['s1'], { n: 30 }),
      op('g3', 'generate', ['k1'], { samples: 10, prompt: 'd {{current}}' }),
      op('v1', 'validateAndImprove', ['g3'], { prompt: 'e {{current}}', tries: 2, validator: { kind: 'filter', expr: 'len(state.current) % 3 != 0' } }),
      op('s2', 'score', ['v1'], score),
      op('k2', 'keepBestN', ['s2'], { n: 20 }),
      op('g4', 'generate', ['k2'], { samples: 30, prompt: 'f {{current}}' }),
      op('s3', 'score', ['g4'], score),
      op('k3', 'keepBestN', ['s3'], { n: 8 }),
      op('a1', 'aggregate', ['k3'], { samples: 10, prompt: 'g{{#each inputs}} {{current}}{{/each}}' }),
    ],
    { current: 'x' },
  );
}

/** Scripted answers for gotSortingShape: splits into the parts asked for, otherwise returns the prompt's numbers sorted (every other sample drops one). */
export function sortingAnswer(call: ScriptedCall, completion: number): string {
  const nums = (call.prompt.match(/\d+/g) ?? []).map(Number);
  if (call.prompt.startsWith('Split')) {
    const parts = Number(/into (\d+)/.exec(call.prompt)?.[1] ?? 1);
    const list = nums.slice(0, -1);
    const size = Math.ceil(list.length / parts);
    return JSON.stringify(Object.fromEntries(Array.from({ length: parts }, (_, p) => [`List ${p + 1}`, list.slice(p * size, (p + 1) * size)])));
  }
  const sorted = [...nums].sort((a, b) => a - b);
  return JSON.stringify(completion % 2 ? sorted : sorted.slice(1));
}

/** Scripted answers for syntheticShape: short texts that depend only on the prompt and the sample. */
export const syntheticAnswer = (call: ScriptedCall, completion: number): string => `${call.prompt.length % 7}${completion}`;
