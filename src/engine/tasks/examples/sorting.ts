import type { GotDocument } from '../../graph/document';
import type { ThoughtState } from '../../graph/specs';
import { sortFixPrompt, sortingParsers, sortMergePrompt, sortPrompt, sortSplitPrompt, sortStepByStepPrompt } from '../sorting/prompts';
import { SORTING_SUBLIST_KEY } from '../sorting/scoring';
import { GraphBuilder, makeDocument } from './builder';
import { addGroundTruth, keepBestParams, mergeTree, partBranch, type SchemeTask, scoreParams, singlePrompt, treeOfThoughts } from './schemes';
import { inLaterRounds, TOT_LEVELS, type ListScheme, type ListSize } from './shapes';

const task: SchemeTask = { scorer: { kind: 'function', name: 'sorting.error' }, higherIsBetter: false, evaluator: 'sorting.solved', parser: sortingParsers.list };

const descriptions: Record<ListScheme, (n: ListSize) => string> = {
  IO: (n) => `Input–output prompting: the model is shown the ${n} digits once and must answer with the sorted list straight away. One request, one answer; the error counts digits it lost or repeated plus pairs left out of order. This is the baseline every other scheme is measured against.`,
  CoT: (n) => `Chain of thought: the same single request as IO, but the prompt asks the model to halve the ${n} digits, sort each half and merge them, writing every step. Showing the work usually helps a little, yet it is still one long answer with nothing to catch its mistakes.`,
  ToT: (n) => `Tree of thoughts: the model answers ${TOT_LEVELS.ToT[n].k} times, a function scores every answer and only the best survives. ${inLaterRounds(TOT_LEVELS.ToT[n].levels - 1)} the model is asked to fix that best answer ${TOT_LEVELS.ToT[n].k} times, and the best so far is kept. Many tries buy quality, but each try still handles all ${n} digits.`,
  ToT2: (n) => `Tree of thoughts, narrower and deeper: ${TOT_LEVELS.ToT2[n].levels} rounds of ${TOT_LEVELS.ToT2[n].k} tries instead of fewer rounds of 20. Each round tries to fix the best answer so far, and a keep-best step makes sure quality never drops. Compare it with ToT to see whether depth or breadth pays off.`,
  GoT: (n) => `Graph of thoughts: the model first cuts the ${n} digits into ${n / 16} lists of 16. Each short list is sorted 5 times and the best kept; then pairs of sorted lists are merged (10 tries), the best merge is refined, and the better of merge and refinement moves up. Short lists are far easier than long ones, so the pieces come out nearly perfect and merging keeps them that way.`,
};

/** Sorting GoT: split into 16-number parts, sort each, merge level by level with a refine step. */
function buildGot(b: GraphBuilder, size: ListSize): void {
  const parts = size / 16;
  const center = (parts - 1) / 2;
  b.add('split', 'generate', `Split into ${parts} lists of 16`, { samples: 1, branchesPerPrompt: 1, prompt: sortSplitPrompt(parts), parser: sortingParsers.split }, [], center);
  const leaves = Array.from({ length: parts }, (_, i) =>
    partBranch(b, task, { split: 'split', index: i + 1, partName: `List ${i + 1}`, k: 5, prompt: sortPrompt(), parser: sortingParsers.list }),
  );
  const root = mergeTree(leaves, ([a, c], level, index, last) => {
    const id = `${level}-${index}`;
    // The last merge covers the whole input: dropping the sub-list makes the scorer compare with `original`.
    const parser = last ? { ...sortingParsers.list, set: { [SORTING_SUBLIST_KEY]: null } } : sortingParsers.list;
    const merge = b.add(`merge-${id}`, 'aggregate', `Merge pair ${index} (level ${level}, 10 tries)`, { samples: 10, concatKeys: [SORTING_SUBLIST_KEY], prompt: sortMergePrompt(), parser }, [a, c]);
    const mergeScore = b.add(`merge-score-${id}`, 'score', 'Score the merges', scoreParams(task), [merge]);
    const mergeBest = b.add(`merge-best-${id}`, 'keepBestN', 'Keep the best merge', keepBestParams(task), [mergeScore]);
    const k = last ? 10 : 5;
    // The refinement runs half a lane below, so the merge's best can reach the final keep-best unobstructed.
    const lane = b.laneOf(mergeBest);
    const refine = b.add(`refine-${id}`, 'generate', `Refine the merge (${k} tries)`, { samples: k, branchesPerPrompt: 1, prompt: sortFixPrompt(last ? 'original' : SORTING_SUBLIST_KEY), parser: sortingParsers.list }, [mergeBest], lane + 0.5);
    const refineScore = b.add(`refine-score-${id}`, 'score', 'Score the refinements', scoreParams(task), [refine]);
    return b.add(`best-${id}`, 'keepBestN', 'Keep the best of merge and refinements', keepBestParams(task), [mergeBest, refineScore], lane);
  });
  addGroundTruth(b, task, root);
}

/** One sorting example graph for a list size and scheme, with `input` as its default input. */
export function buildSortingExample(size: ListSize, scheme: ListScheme, input: ThoughtState): GotDocument {
  const b = new GraphBuilder();
  if (scheme === 'IO') singlePrompt(b, task, sortPrompt(), 'Sort the list');
  else if (scheme === 'CoT') singlePrompt(b, task, sortStepByStepPrompt(), 'Sort step by step');
  else if (scheme === 'GoT') buildGot(b, size);
  else treeOfThoughts(b, task, { ...TOT_LEVELS[scheme][size], solvePrompt: sortPrompt(), fixPrompt: sortFixPrompt('original') });
  const padded = String(size).padStart(3, '0');
  return makeDocument(
    {
      title: `Sorting ${size} numbers · ${scheme}`,
      description: descriptions[scheme](size),
      task: 'sorting',
      scheme,
      dataset: { file: `datasets/got/sorting_${padded}.csv`, loader: 'sorting' },
      input,
    },
    b,
  );
}
