import type { ParserSpec, ScorerSpec } from '../../graph/specs';
import type { GraphBuilder } from './builder';

/** What the generic schemes need to know about a task. */
export interface SchemeTask {
  scorer: ScorerSpec;
  /** Score samples (LLM scorers average them). */
  scoreSamples?: number;
  higherIsBetter: boolean;
  /** Ground-truth evaluator name; none for tasks without ground truth. */
  evaluator?: string;
  parser: ParserSpec;
}

/** Score operation parameters for a task. */
export function scoreParams(task: SchemeTask): Record<string, unknown> {
  return { scorer: task.scorer, samples: task.scoreSamples ?? 1, combined: false };
}

const keepBest = (task: SchemeTask, n = 1): Record<string, unknown> => ({ n, higherIsBetter: task.higherIsBetter });

/** Adds the closing GroundTruth when the task has one. */
export function addGroundTruth(b: GraphBuilder, task: SchemeTask, input: string): void {
  if (task.evaluator) b.add('ground-truth', 'groundTruth', 'Compare with ground truth', { evaluator: { kind: 'function', name: task.evaluator } }, [input]);
}

/** IO and CoT: one prompt, one answer, scored (the two differ only in the prompt). */
export function singlePrompt(b: GraphBuilder, task: SchemeTask, prompt: string, label: string): void {
  b.add('generate', 'generate', label, { samples: 1, branchesPerPrompt: 1, prompt, parser: task.parser });
  b.add('score', 'score', 'Score the answer', scoreParams(task), ['generate']);
  addGroundTruth(b, task, 'score');
}

/**
 * Tree of thoughts: `levels` rounds of Generate(k) → Score → KeepBest(1). The first round solves;
 * each later round asks to fix the previous best, and its KeepBest weighs the previous best too.
 */
export function treeOfThoughts(b: GraphBuilder, task: SchemeTask, o: { levels: number; k: number; solvePrompt: string; fixPrompt: string }): void {
  let best = '';
  for (let level = 1; level <= o.levels; level++) {
    const first = level === 1;
    const gen = b.add(`generate-${level}`, 'generate', first ? `Solve (${o.k} tries)` : `Fix the best, round ${level} (${o.k} tries)`, { samples: o.k, branchesPerPrompt: 1, prompt: first ? o.solvePrompt : o.fixPrompt, parser: task.parser }, first ? [] : [best], 0);
    const score = b.add(`score-${level}`, 'score', `Score round ${level}`, scoreParams(task), [gen]);
    // Keep-best steps sit on a lane of their own so the best-to-best edges do not cross the other nodes.
    best = b.add(`keep-best-${level}`, 'keepBestN', `Keep the best of round ${level}`, keepBest(task), first ? [score] : [best, score], 1);
  }
  addGroundTruth(b, task, best);
}

/** The per-part branch of a GoT graph: pick the part, solve it k times, keep the best. Returns the KeepBest's id. */
export function partBranch(b: GraphBuilder, task: SchemeTask, o: { split: string; index: number; partName: string; k: number; prompt: string; parser: ParserSpec }): string {
  const i = o.index;
  const select = b.add(`select-${i}`, 'selector', `Pick ${o.partName}`, { selector: { kind: 'filter', expr: `state.part == "${o.partName}"` } }, [o.split], i - 1);
  const solve = b.add(`solve-${i}`, 'generate', `Solve ${o.partName} (${o.k} tries)`, { samples: o.k, branchesPerPrompt: 1, prompt: o.prompt, parser: o.parser }, [select]);
  const score = b.add(`score-${i}`, 'score', `Score ${o.partName}`, scoreParams(task), [solve]);
  return b.add(`keep-best-${i}`, 'keepBestN', `Keep the best of ${o.partName}`, keepBest(task), [score]);
}

export { keepBest as keepBestParams };

/**
 * Merges branches pairwise, level by level, until one is left. `merge` builds one pairwise merge
 * (ids must include `level` and `index` to stay unique) and returns the id that feeds the next level.
 */
export function mergeTree(leaves: readonly string[], merge: (pair: [string, string], level: number, index: number, last: boolean) => string): string {
  let current = [...leaves];
  let level = 1;
  while (current.length > 1) {
    const next: string[] = [];
    const last = current.length === 2;
    for (let i = 0; i + 1 < current.length; i += 2) next.push(merge([current[i] as string, current[i + 1] as string], level, i / 2 + 1, last));
    if (current.length % 2 === 1) next.push(current[current.length - 1] as string);
    current = next;
    level++;
  }
  const root = current[0];
  if (root === undefined) throw new Error('nothing to merge');
  return root;
}
