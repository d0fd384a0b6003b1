import { SET_INTERSECTION_PHRASES } from '../../tasks/setIntersection/prompts';
import { calibration } from './calibration';
import { type AnswerContext, drawMistakes } from './context';
import { formatList, lastLabeledList, numberedLists } from './extract';
import { corruptList, partiallyRepair } from './listNoise';

const c = calibration.setIntersection;

/** Expected mistakes intersecting A with B. */
function intersectMean(a: number, b: number, ctx: AnswerContext): number {
  const raw = c.perElement * b * (a / 32) ** c.setAExponent * (b / 16) ** c.setBExponent;
  const cap = c.saturation * b;
  return ((raw * cap) / (raw + cap)) * (ctx.stepByStep ? calibration.stepByStep : 1);
}

/**
 * Mistakes on an intersection: leave out a common number, include a number of B that A lacks, or
 * repeat one. Seeds are `[kind, position, detail]`.
 */
function slip(list: readonly number[], outsiders: readonly number[], mistakes: readonly number[][]): number[] {
  const out = [...list];
  for (const [uKind = 0, uPos = 0, uDetail = 0] of mistakes) {
    const kind = Math.floor(uKind * 3);
    const i = Math.floor(uPos * out.length);
    if (kind === 0 && out.length > 0) out.splice(i, 1);
    else if (kind === 1 && outsiders.length > 0) out.splice(i, 0, outsiders[Math.floor(uDetail * outsiders.length)] as number);
    else if (out.length > 0) out.splice(i, 0, out[Math.min(i, out.length - 1)] as number);
  }
  return out;
}

function intersectWithMistakes(setA: readonly number[], setB: readonly number[], mean: number, ctx: AnswerContext): number[] {
  const inA = new Set(setA);
  return slip(setB.filter((v) => inA.has(v)), setB.filter((v) => !inA.has(v)), drawMistakes(ctx, mean));
}

function intersectAnswer(setA: number[], setB: number[], ctx: AnswerContext): string {
  const final = formatList(intersectWithMistakes(setA, setB, intersectMean(setA.length, setB.length, ctx), ctx));
  if (!ctx.stepByStep) return final;
  // Shows the work it was asked for; like a real model, its final answer need not follow from it.
  const half = Math.ceil(setB.length / 2);
  const first = setB.slice(0, half);
  const second = setB.slice(half);
  const a = intersectWithMistakes(setA, first, intersectMean(setA.length, first.length, ctx), ctx);
  const b = intersectWithMistakes(setA, second, intersectMean(setA.length, second.length, ctx), ctx);
  return `First half of Set B: ${formatList(first)} shares ${formatList(a)} with Set A\nSecond half of Set B: ${formatList(second)} shares ${formatList(b)} with Set A\nOutput: ${final}`;
}

/** Answers the Studio's set-intersection prompts, or null when the prompt is not one of them. */
export function answerSetIntersection(prompt: string, ctx: AnswerContext): string | null {
  if (prompt.includes(SET_INTERSECTION_PHRASES.split)) {
    const setB = lastLabeledList(prompt, 'Set B');
    if (!setB) return null;
    const parts = Number(/(\d+) lists of (\d+)/.exec(prompt)?.[1] ?? Math.ceil(setB.length / 16));
    const size = Math.ceil(setB.length / Math.max(1, parts));
    const copied = corruptList(setB, drawMistakes(ctx, c.splitRate * (setB.length / 64)), ['drop', 'duplicate'], (v) => v);
    return `{${Array.from({ length: parts }, (_, i) => `"List ${i + 1}": ${formatList(copied.slice(i * size, (i + 1) * size))}`).join(', ')}}`;
  }
  if (prompt.includes(SET_INTERSECTION_PHRASES.merge)) {
    const lists = numberedLists(prompt, 'List');
    if (lists.length === 0) return null;
    const all = lists.flat();
    return formatList(corruptList(all, drawMistakes(ctx, c.joinRate * (all.length / 32) ** c.joinExponent), ['drop', 'duplicate'], (v) => v));
  }
  const setA = lastLabeledList(prompt, 'Set A');
  const setB = lastLabeledList(prompt, 'Set B');
  if (!setA || !setB) return null;
  if (prompt.includes(SET_INTERSECTION_PHRASES.fix)) {
    const attempt = lastLabeledList(prompt, 'Attempt');
    if (!attempt) return null;
    const inA = new Set(setA);
    const truth = setB.filter((v) => inA.has(v));
    const repaired = partiallyRepair(attempt, truth, c.fixChance, ctx, false);
    const outsiders = setB.filter((v) => !inA.has(v));
    return formatList(slip(repaired, outsiders, drawMistakes(ctx, c.fixNewRate * intersectMean(setA.length, setB.length, ctx))));
  }
  if (prompt.includes(SET_INTERSECTION_PHRASES.intersect)) return intersectAnswer(setA, setB, ctx);
  return null;
}
