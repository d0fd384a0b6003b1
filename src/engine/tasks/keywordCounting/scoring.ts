import type { ThoughtView } from '../../functions/types';
import type { JsonValue } from '../../graph/specs';
import { UNPARSEABLE_ERROR } from '../shared/lists';
import { GROUND_TRUTH_COUNTRIES_KEY } from './loader';

/** State key of the passage a thought counts when it works on a part of the text. */
export const PASSAGE_KEY = 'passage';

/** A tally `{country: count}`, or null when the value is anything else. */
export function asTally(value: JsonValue | undefined): Record<string, number> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    out[k] = v;
  }
  return out;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How often `name` occurs in `text` as a whole name (so "Niger" does not count inside "Nigeria"). */
export function countMentions(text: string, name: string): number {
  return text.match(new RegExp(`(?<![A-Za-z])${escapeRegExp(name)}(?![A-Za-z])`, 'g'))?.length ?? 0;
}

/** Σ over countries of |true − predicted|; a country missing on either side counts fully. */
function tallyError(predicted: Record<string, number>, truth: Record<string, number>): number {
  let error = 0;
  for (const country of new Set([...Object.keys(predicted), ...Object.keys(truth)])) error += Math.abs((truth[country] ?? 0) - (predicted[country] ?? 0));
  return error;
}

function groundTruthNames(t: ThoughtView): string[] {
  const names = t.state[GROUND_TRUTH_COUNTRIES_KEY];
  if (!Array.isArray(names) || !names.every((n): n is string => typeof n === 'string')) {
    throw new Error(`the thought has no "${GROUND_TRUTH_COUNTRIES_KEY}" list (load the input from countries.csv)`);
  }
  return names;
}

/** A list of mentions counted: `{name: times mentioned}`. */
export function tallyOf(mentions: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of mentions) out[m] = (out[m] ?? 0) + 1;
  return out;
}

/** Several tallies added up country by country. */
export function sumTallies(tallies: readonly Record<string, number>[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const t of tallies) for (const [k, v] of Object.entries(t)) sum[k] = (sum[k] ?? 0) + v;
  return sum;
}

/** The true tally of the whole text: the dataset's list of mentions, counted. */
function wholeTextTruth(t: ThoughtView): Record<string, number> {
  return tallyOf(groundTruthNames(t));
}

/** The true tally for a thought: of its passage when it works on a part, else of the whole text. */
function keywordTruth(t: ThoughtView): Record<string, number> {
  const passage = t.state[PASSAGE_KEY];
  if (typeof passage !== 'string') return wholeTextTruth(t);
  const truth: Record<string, number> = {};
  for (const name of new Set(groundTruthNames(t))) {
    const n = countMentions(passage, name);
    if (n > 0) truth[name] = n;
  }
  return truth;
}

/** The counting error of a thought's `current` tally; an unparseable answer scores 300. */
export function keywordCountingError(t: ThoughtView): number {
  const predicted = asTally(t.state['current']);
  if (t.parseError || !predicted) return UNPARSEABLE_ERROR;
  return tallyError(predicted, keywordTruth(t));
}

/** Solved when the tally matches the whole text's mentions exactly. */
export function keywordCountingSolved(t: ThoughtView): boolean {
  const predicted = asTally(t.state['current']);
  const truth = wholeTextTruth(t);
  return !t.parseError && predicted !== null && tallyError(predicted, truth) === 0;
}
