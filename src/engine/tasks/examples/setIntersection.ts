import type { GotDocument } from '../../graph/document';
import type { ThoughtState } from '../../graph/specs';
import { intersectFixPrompt, intersectMergePrompt, intersectPrompt, intersectSplitPrompt, intersectStepByStepPrompt, setIntersectionParsers } from '../setIntersection/prompts';
import { SET2_PART_KEY } from '../setIntersection/scoring';
import { GraphBuilder, makeDocument } from './builder';
import { addGroundTruth, keepBestParams, mergeTree, partBranch, type SchemeTask, scoreParams, singlePrompt, treeOfThoughts } from './schemes';
import { inLaterRounds, SET_TOT_LEVELS as TOT_LEVELS, type ListScheme, type ListSize } from './shapes';

const task: SchemeTask = { scorer: { kind: 'function', name: 'setIntersection.error' }, higherIsBetter: false, evaluator: 'setIntersection.solved', parser: setIntersectionParsers.list };

const descriptions: Record<ListScheme, (n: ListSize) => string> = {
  IO: (n) => `Input–output prompting: the model sees two sets of ${n} numbers and must list their common elements in one go. One request, one answer; the error counts common numbers it missed, numbers it wrongly added and numbers it repeated.`,
  CoT: (n) => `Chain of thought: one request, but the prompt asks the model to check the second set half by half against the first and write down what it finds before answering. With ${n} numbers on each side there is still a lot to keep in mind at once.`,
  ToT: (n) => `Tree of thoughts: the model answers ${TOT_LEVELS.ToT[n].k} times and a function keeps the best answer. ${inLaterRounds(TOT_LEVELS.ToT[n].levels - 1)} it is asked to fix that best answer, always keeping the best so far. More tries help, but every try still compares two full sets of ${n}.`,
  ToT2: (n) => `Tree of thoughts with ${TOT_LEVELS.ToT2[n].levels} rounds of ${TOT_LEVELS.ToT2[n].k} tries: narrower but deeper than ToT. Each round tries to repair the best answer so far and a keep-best step guards against getting worse.`,
  GoT: (n) => `Graph of thoughts: the model cuts the second set into ${n / 16} lists of 16 and intersects each short list with the first set (5 tries each, best kept). The part results are then joined pairwise, ${joinSamples(n)} tries per join, keeping the best, until one answer covers the whole set. Small subproblems mean few mistakes, and joining lists is easy.`,
};

/** Joins take fewer samples at 128, where there are more of them (as the reference runs it). */
const joinSamples = (size: ListSize): number => (size === 128 ? 5 : 10);

function buildGot(b: GraphBuilder, size: ListSize): void {
  const parts = size / 16;
  const samples = joinSamples(size);
  b.add('split', 'generate', `Split the second set into ${parts} lists`, { samples: 1, branchesPerPrompt: 1, prompt: intersectSplitPrompt(parts), parser: setIntersectionParsers.split }, [], (parts - 1) / 2);
  const leaves = Array.from({ length: parts }, (_, i) =>
    partBranch(b, task, { split: 'split', index: i + 1, partName: `List ${i + 1}`, k: 5, prompt: intersectPrompt(SET2_PART_KEY), parser: setIntersectionParsers.list }),
  );
  const root = mergeTree(leaves, ([a, c], level, index, last) => {
    const id = `${level}-${index}`;
    // The last join covers the whole second set: dropping the part makes the scorer use `set2`.
    const parser = last ? { ...setIntersectionParsers.list, set: { [SET2_PART_KEY]: null } } : setIntersectionParsers.list;
    const merge = b.add(`merge-${id}`, 'aggregate', `Join pair ${index} (level ${level}, ${samples} tries)`, { samples, concatKeys: [SET2_PART_KEY], prompt: intersectMergePrompt(), parser }, [a, c]);
    const score = b.add(`merge-score-${id}`, 'score', 'Score the joins', scoreParams(task), [merge]);
    return b.add(`merge-best-${id}`, 'keepBestN', 'Keep the best join', keepBestParams(task), [score]);
  });
  addGroundTruth(b, task, root);
}

/** One set-intersection example graph for a set size and scheme, with `input` as its default input. */
export function buildSetIntersectionExample(size: ListSize, scheme: ListScheme, input: ThoughtState): GotDocument {
  const b = new GraphBuilder();
  if (scheme === 'IO') singlePrompt(b, task, intersectPrompt(), 'Intersect the sets');
  else if (scheme === 'CoT') singlePrompt(b, task, intersectStepByStepPrompt(), 'Intersect step by step');
  else if (scheme === 'GoT') buildGot(b, size);
  else treeOfThoughts(b, task, { ...TOT_LEVELS[scheme][size], solvePrompt: intersectPrompt(), fixPrompt: intersectFixPrompt() });
  const padded = String(size).padStart(3, '0');
  return makeDocument(
    {
      title: `Set intersection of ${size} · ${scheme}`,
      description: descriptions[scheme](size),
      task: 'setIntersection',
      scheme,
      dataset: { file: `datasets/got/set_intersection_${padded}.csv`, loader: 'setIntersection' },
      input,
    },
    b,
  );
}
