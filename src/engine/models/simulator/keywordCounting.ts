import { KEYWORD_PHRASES } from '../../tasks/keywordCounting/prompts';
import { sumTallies, tallyOf } from '../../tasks/keywordCounting/scoring';
import { calibration } from './calibration';
import { type AnswerContext, drawMistakes } from './context';
import { asCounts, lastLabeledJson, lastTagged } from './extract';
import { COUNTRY_NAMES, findCountries } from './gazetteer';
import { repairs } from './listNoise';

const c = calibration.keywordCounting;

const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');

/** Mentions read with mistakes: a mention missed, counted twice, or taken for another country. */
function misread(mentions: readonly string[], mean: number, ctx: AnswerContext): string[] {
  const out = [...mentions];
  for (const [uKind = 0, uPos = 0, uDetail = 0] of drawMistakes(ctx, mean)) {
    if (out.length === 0) break;
    const i = Math.floor(uPos * out.length);
    const kind = Math.floor(uKind * 3);
    if (kind === 0) out.splice(i, 1);
    else if (kind === 1) out.splice(i, 0, out[i] as string);
    else out[i] = COUNTRY_NAMES[Math.floor(uDetail * COUNTRY_NAMES.length)] as string;
  }
  return out;
}

const countMean = (chars: number, ctx: AnswerContext): number => c.per400Chars * (chars / 400) ** c.exponent * (ctx.stepByStep ? calibration.stepByStep : 1);

function countAnswer(text: string, ctx: AnswerContext): string {
  if (!ctx.stepByStep) return JSON.stringify(tallyOf(misread(findCountries(text), countMean(text.length, ctx), ctx)));
  const mean = countMean(text.length, ctx);
  const sentences = sentencesOf(text);
  const lines: string[] = [];
  const all: string[] = [];
  sentences.forEach((sentence, i) => {
    // Each sentence gets its share of the mistakes.
    const seen = misread(findCountries(sentence), (mean * sentence.length) / Math.max(1, text.length), ctx);
    all.push(...seen);
    lines.push(`Sentence ${i + 1} names ${seen.length === 0 ? 'no country' : seen.join(', ')}`);
  });
  return `${lines.join('\n')}\nOutput: ${JSON.stringify(tallyOf(all))}`;
}

function addWithSlips(tallies: readonly Record<string, number>[], ctx: AnswerContext): Record<string, number> {
  const sum = sumTallies(tallies);
  const names = Object.keys(sum);
  for (const [uKind = 0, uPos = 0] of drawMistakes(ctx, c.addRate * (names.length / 5), 0.3)) {
    const name = names[Math.floor(uPos * names.length)];
    if (name === undefined) break;
    if (uKind < 0.4) delete sum[name];
    else sum[name] = Math.max(0, (sum[name] ?? 0) + (uKind < 0.7 ? 1 : -1));
  }
  return sum;
}

function splitAnswer(prompt: string, text: string): string {
  const parts = Math.max(1, Number(/(\d+) passages of/.exec(prompt)?.[1] ?? 4));
  const sentences = sentencesOf(text);
  const target = text.length / parts;
  const passages: string[][] = Array.from({ length: parts }, () => []);
  let length = 0;
  for (const sentence of sentences) {
    const index = Math.min(parts - 1, Math.floor(length / target));
    passages[index]?.push(sentence);
    length += sentence.length + 1;
  }
  return JSON.stringify(Object.fromEntries(passages.map((p, i) => [`Passage ${i + 1}`, p.join(' ')])));
}

/** Answers the Studio's keyword-counting prompts, or null when the prompt is not one of them. */
export function answerKeywordCounting(prompt: string, ctx: AnswerContext): string | null {
  if (prompt.includes(KEYWORD_PHRASES.merge)) {
    const tallies: Record<string, number>[] = [];
    for (const m of prompt.matchAll(/^Tally (\d+):[ \t]*(\{.*\})[ \t]*$/gm)) {
      const counts = asCounts(safeJson(m[2] ?? ''));
      if (counts) tallies[Number(m[1]) - 1] = counts;
    }
    const present = tallies.filter(Boolean);
    return present.length === 0 ? null : JSON.stringify(addWithSlips(present, ctx));
  }
  if (prompt.includes(KEYWORD_PHRASES.resum)) {
    const addends = lastLabeledJson(prompt, 'Tallies');
    if (!Array.isArray(addends)) return null;
    return JSON.stringify(addWithSlips(addends.map((a) => asCounts(a) ?? {}), ctx));
  }
  const text = lastTagged(prompt, 'Text');
  if (text === null) return null;
  if (prompt.includes(KEYWORD_PHRASES.split)) return splitAnswer(prompt, text);
  if (prompt.includes(KEYWORD_PHRASES.fix)) {
    const attempt = asCounts(lastLabeledJson(prompt, 'Attempt')) ?? {};
    const truth = tallyOf(findCountries(text));
    const fixed: Record<string, number> = {};
    for (const name of new Set([...Object.keys(truth), ...Object.keys(attempt)])) {
      const value = repairs(ctx, c.fixChance) ? (truth[name] ?? 0) : (attempt[name] ?? 0);
      if (value > 0) fixed[name] = value;
    }
    const mentions = Object.entries(fixed).flatMap(([name, n]) => Array.from({ length: n }, () => name));
    return JSON.stringify(tallyOf(misread(mentions, c.fixNewRate * countMean(text.length, ctx), ctx)));
  }
  if (prompt.includes(KEYWORD_PHRASES.count)) return countAnswer(text, ctx);
  return null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
