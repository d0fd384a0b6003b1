import type { GotDocument } from '../../graph/document';
import type { ThoughtState } from '../../graph/specs';
import { docFusePrompt, docImprovePrompt, docMergeParsers, docMergePrompt, docMergeStepByStepPrompt, docScorePrompt } from '../docMerge/prompts';
import { GraphBuilder, makeDocument } from './builder';
import { keepBestParams, type SchemeTask, scoreParams, singlePrompt, treeOfThoughts } from './schemes';

export const DOC_MERGE_SCHEMES = ['IO', 'CoT', 'ToT', 'GoT'] as const;
export type DocMergeScheme = (typeof DOC_MERGE_SCHEMES)[number];

const task: SchemeTask = {
  scorer: { kind: 'llm', prompt: docScorePrompt(), reader: { kind: 'function', name: 'docMerge.score' } },
  scoreSamples: 3,
  higherIsBetter: true,
  parser: docMergeParsers.merged,
};

const descriptions: Record<DocMergeScheme, string> = {
  IO: 'Input–output prompting: the model reads four overlapping NDAs and writes one merged agreement in a single answer. The model itself then rates the result 0–10 for how little it repeats and how much it keeps (three ratings averaged, combined by harmonic mean; higher is better). There is no ground truth for this task.',
  CoT: 'Chain of thought: one request, but the model is asked to list the points of each NDA and spot the repeats before writing the merged agreement. Scored by the model like IO.',
  ToT: 'Tree of thoughts: the model writes 10 merged agreements and keeps the best-rated one, then twice writes 10 improved versions of the best so far and keeps the best. Every candidate is rated by the model, so this scheme spends most of its requests on scoring.',
  GoT: 'Graph of thoughts: the model writes 5 merged agreements and keeps the best 3; it then fuses those three into new agreements that take the best of each (an aggregation a tree cannot do). The best of the originals and the fusions is improved 10 times and the best version wins.',
};

function buildGot(b: GraphBuilder): void {
  const keepTop = (n: number): Record<string, unknown> => ({ ...keepBestParams(task), n });
  b.add('merge', 'generate', 'Merge the NDAs (5 tries)', { samples: 5, branchesPerPrompt: 1, prompt: docMergePrompt(), parser: task.parser });
  b.add('merge-score', 'score', 'Rate the merges', scoreParams(task), ['merge']);
  b.add('keep-top-3', 'keepBestN', 'Keep the best 3', keepTop(3), ['merge-score']);
  b.add('fuse', 'aggregate', 'Fuse the best 3 (5 tries)', { samples: 5, prompt: docFusePrompt(), parser: task.parser }, ['keep-top-3'], 1);
  b.add('fuse-score', 'score', 'Rate the fusions', scoreParams(task), ['fuse'], 1);
  b.add('keep-best', 'keepBestN', 'Keep the best merge or fusion', keepTop(1), ['keep-top-3', 'fuse-score'], 0.5);
  b.add('improve', 'generate', 'Improve the best (10 tries)', { samples: 10, branchesPerPrompt: 1, prompt: docImprovePrompt(), parser: task.parser }, ['keep-best'], 1.5);
  b.add('improve-score', 'score', 'Rate the improvements', scoreParams(task), ['improve']);
  b.add('keep-final', 'keepBestN', 'Keep the best agreement', keepTop(1), ['keep-best', 'improve-score'], 0.5);
}

/** One document-merging example graph for a scheme, with `input` as its default input. */
export function buildDocMergeExample(scheme: DocMergeScheme, input: ThoughtState): GotDocument {
  const b = new GraphBuilder();
  if (scheme === 'IO') singlePrompt(b, task, docMergePrompt(), 'Merge the NDAs');
  else if (scheme === 'CoT') singlePrompt(b, task, docMergeStepByStepPrompt(), 'Merge step by step');
  else if (scheme === 'ToT') treeOfThoughts(b, task, { levels: 3, k: 10, solvePrompt: docMergePrompt(), fixPrompt: docImprovePrompt() });
  else buildGot(b);
  return makeDocument(
    { title: `Document merging · ${scheme}`, description: descriptions[scheme], task: 'docMerge', scheme, dataset: { file: 'datasets/got/documents.csv', loader: 'docMerge' }, input },
    b,
  );
}
