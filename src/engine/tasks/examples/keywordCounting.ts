import type { GotDocument } from '../../graph/document';
import type { ThoughtState } from '../../graph/specs';
import { countFixPrompt, countMergePrompt, countPrompt, countResumPrompt, countSplitPrompt, countStepByStepPrompt, keywordCountingParsers } from '../keywordCounting/prompts';
import { PASSAGE_KEY } from '../keywordCounting/scoring';
import { GraphBuilder, makeDocument } from './builder';
import { inLaterRounds } from './shapes';
import { addGroundTruth, keepBestParams, mergeTree, partBranch, type SchemeTask, scoreParams, singlePrompt, treeOfThoughts } from './schemes';

export const KEYWORD_SCHEMES = ['IO', 'CoT', 'ToT', 'ToT2', 'GoT4', 'GoT8'] as const;
export type KeywordScheme = (typeof KEYWORD_SCHEMES)[number];

const task: SchemeTask = { scorer: { kind: 'function', name: 'keywordCounting.error' }, higherIsBetter: false, evaluator: 'keywordCounting.solved', parser: keywordCountingParsers.tally };

/** Tallies per passage in the GoT graphs. */
const PART_SAMPLES = 10;

/** Tree-of-thoughts shapes for keyword counting (levels × k). */
const TOT = { ToT: { levels: 4, k: 20 }, ToT2: { levels: 6, k: 10 } } as const;

const descriptions: Record<KeywordScheme, string> = {
  IO: 'Input–output prompting: the model reads the whole story once and answers with how often each country is named. One request, one answer; the error adds up how far each count is off, counting missed or invented countries fully.',
  CoT: 'Chain of thought: one request, but the model is asked to go sentence by sentence, writing the countries each sentence names, before adding them up. Writing the intermediate steps makes long texts a little easier to count.',
  ToT: `Tree of thoughts: the model counts the whole text ${TOT.ToT.k} times step by step and a function keeps the best tally. ${inLaterRounds(TOT.ToT.levels - 1)} it is asked to correct the best tally ${TOT.ToT.k} times, keeping the best so far. More tries help, but each try must still keep the whole text in mind.`,
  ToT2: `Tree of thoughts with ${TOT.ToT2.levels} rounds of ${TOT.ToT2.k} tries: narrower but deeper than ToT. The first round counts step by step; each later round asks the model to correct the best tally so far.`,
  GoT4: `Graph of thoughts: the model first cuts the text into 4 passages and counts each passage ${PART_SAMPLES} times, keeping the best tally. Tallies are then added pairwise; a check makes sure every merged count is the sum of its parts and sends wrong sums back for another try. Counting a short passage is much easier than counting a long one.`,
  GoT8: 'Graph of thoughts with 8 passages: the same plan as GoT4 with smaller pieces and one more level of pairwise merging. Smaller pieces mean fewer counting mistakes but more merges; compare it with GoT4 to see the trade-off.',
};

function buildGot(b: GraphBuilder, parts: 4 | 8): void {
  b.add('split', 'generate', `Split into ${parts} passages`, { samples: 1, branchesPerPrompt: 1, prompt: countSplitPrompt(parts), parser: keywordCountingParsers.split }, [], (parts - 1) / 2);
  const leaves = Array.from({ length: parts }, (_, i) =>
    partBranch(b, task, { split: 'split', index: i + 1, partName: `Passage ${i + 1}`, k: PART_SAMPLES, prompt: countPrompt(PASSAGE_KEY), parser: keywordCountingParsers.tally }),
  );
  const root = mergeTree(leaves, ([a, c], level, index, last) => {
    const id = `${level}-${index}`;
    // The last merge covers the whole text: dropping the passage makes the scorer use the whole text.
    const parser = last ? { ...keywordCountingParsers.merge, set: { [PASSAGE_KEY]: null } } : keywordCountingParsers.merge;
    const merge = b.add(`merge-${id}`, 'aggregate', `Add up pair ${index} (level ${level}, 3 tries)`, { samples: 3, prompt: countMergePrompt(), parser }, [a, c]);
    const check = b.add(`check-${id}`, 'validateAndImprove', 'Check the sums, redo wrong ones', {
      samples: 1,
      improve: true,
      tries: 3,
      validator: { kind: 'function', name: 'keywordCounting.sumsMatch' },
      prompt: countResumPrompt(),
      parser: keywordCountingParsers.tally,
    }, [merge]);
    const score = b.add(`merge-score-${id}`, 'score', 'Score the merged tallies', scoreParams(task), [check]);
    return b.add(`merge-best-${id}`, 'keepBestN', 'Keep the best merged tally', keepBestParams(task), [score]);
  });
  addGroundTruth(b, task, root);
}

/** One keyword-counting example graph for a scheme, with `input` as its default input. */
export function buildKeywordCountingExample(scheme: KeywordScheme, input: ThoughtState): GotDocument {
  const b = new GraphBuilder();
  if (scheme === 'IO') singlePrompt(b, task, countPrompt(), 'Count the countries');
  else if (scheme === 'CoT') singlePrompt(b, task, countStepByStepPrompt(), 'Count step by step');
  else if (scheme === 'GoT4') buildGot(b, 4);
  else if (scheme === 'GoT8') buildGot(b, 8);
  // The first round counts step by step, as the reference's tree baselines do.
  else treeOfThoughts(b, task, { ...TOT[scheme], solvePrompt: countStepByStepPrompt(), fixPrompt: countFixPrompt() });
  return makeDocument(
    {
      title: `Keyword counting · ${scheme}`,
      description: descriptions[scheme],
      task: 'keywordCounting',
      scheme,
      dataset: { file: 'datasets/got/countries.csv', loader: 'keywordCounting' },
      input,
    },
    b,
  );
}
