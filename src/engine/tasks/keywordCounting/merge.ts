import type { ParseContext, ParseResult, ThoughtView } from '../../functions/types';
import type { JsonValue } from '../../graph/specs';
import { asTally, PASSAGE_KEY, sumTallies } from './scoring';

/** State key of the tallies a merged tally was added up from (the validator checks the sum). */
export const ADDENDS_KEY = 'addends';

function firstJsonObject(text: string): JsonValue | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1)) as JsonValue;
  } catch {
    return undefined;
  }
}

/**
 * Parses a merged tally and records what it was merged from: the inputs' tallies under `addends`
 * and their passages joined under `passage`, so the scorer and the sum check know the reference.
 */
export function parseMergedTally(text: string, ctx: ParseContext): ParseResult {
  const tally = asTally(firstJsonObject(text));
  if (!tally) return { ok: false, message: 'expected a JSON object of country counts' };
  const addends = ctx.inputs.map((t) => asTally(t.state['current']) ?? {});
  const passages = ctx.inputs.map((t) => t.state[PASSAGE_KEY]).filter((p): p is string => typeof p === 'string');
  const update: Record<string, JsonValue> = { current: tally, [ADDENDS_KEY]: addends };
  if (passages.length === ctx.inputs.length && passages.length > 0) update[PASSAGE_KEY] = passages.join(' ');
  return { ok: true, updates: [update] };
}

/** True when every country's merged count is the sum of its counts in the addends. */
export function tallySumsMatch(t: ThoughtView): boolean {
  const addends = t.state[ADDENDS_KEY];
  if (!Array.isArray(addends)) throw new Error(`the thought has no "${ADDENDS_KEY}": it is not a merged tally`);
  const merged = asTally(t.state['current']);
  if (!merged || t.parseError) return false;
  const sum = sumTallies(addends.map((addend) => asTally(addend) ?? {}));
  const countries = new Set([...Object.keys(sum), ...Object.keys(merged)]);
  return [...countries].every((c) => (sum[c] ?? 0) === (merged[c] ?? 0));
}
