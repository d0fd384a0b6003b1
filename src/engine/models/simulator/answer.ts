import type { ChatMessage } from '../types';
import { STEP_BY_STEP } from '../../tasks/shared/phrases';
import type { AnswerContext } from './context';
import { answerDocMerge } from './docMerge';
import { answerKeywordCounting } from './keywordCounting';
import { Rng } from './prng';
import { answerSetIntersection } from './setIntersection';
import { answerSorting } from './sorting';

const handlers = [answerSorting, answerSetIntersection, answerKeywordCounting, answerDocMerge];

/** The label every answer to a prompt the simulator does not know starts with. */
export const SIMULATED_LABEL = '[simulated answer]';

function fallback(prompt: string, rng: Rng): string {
  if (/\b(0|1)\s*(to|-|–)\s*10\b/.test(prompt) && /\b(rate|score)\b/i.test(prompt)) {
    return `${SIMULATED_LABEL} I cannot judge this for real; my made-up score is ${1 + rng.int(10)}.`;
  }
  if (/\byes or no\b/i.test(prompt)) return `${SIMULATED_LABEL} ${rng.chance(0.5) ? 'yes' : 'no'} (a made-up verdict)`;
  const firstLine = prompt.trim().split('\n')[0]?.slice(0, 80) ?? '';
  return `${SIMULATED_LABEL} GoT Studio's offline simulator only understands the prompts of the built-in tasks (sorting, set intersection, keyword counting, document merging). Connect a real model to answer "${firstLine}".`;
}

/**
 * One completion for the messages, a function of (seed, messages, index) only. The prompt is the
 * messages' text; the simulator reads its data from there, never from anywhere else.
 */
export function simulateCompletion(messages: readonly ChatMessage[], seed: number, index: number): string {
  const prompt = messages.map((m) => m.content).join('\n\n');
  const ctx: AnswerContext = {
    shared: Rng.from('shared', seed, prompt),
    sample: Rng.from('sample', seed, prompt, index),
    stepByStep: prompt.includes(STEP_BY_STEP),
  };
  for (const handle of handlers) {
    const answer = handle(prompt, ctx);
    if (answer !== null) return answer;
  }
  return fallback(prompt, ctx.sample);
}
