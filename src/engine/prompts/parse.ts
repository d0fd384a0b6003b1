import type { AnswerReader, JsonValue, ParserSpec, ThoughtState } from '../graph/specs';
import type { FunctionRegistry, ParseContext, ParseResult, ThoughtView } from '../functions/types';
import { abbreviate, balancedSpans, firstJsonObject, lastNumber, looseList } from './extract';

type ListItems = 'numbers' | 'strings' | 'any';

/** Reads the items of one `[…]` span as the requested kind, or says which item is wrong. */
function readListItems(span: string, items: ListItems): { ok: true; value: JsonValue[] } | { ok: false; message: string } {
  const list = looseList(span);
  if (items === 'any') return { ok: true, value: list };
  if (items === 'strings') return { ok: true, value: list.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) };
  const out: number[] = [];
  for (const [i, x] of list.entries()) {
    const n = typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' ? Number(x) : NaN;
    if (!Number.isFinite(n))
      return { ok: false, message: `expected a list of numbers; item ${i + 1} of ${abbreviate(span)} is ${JSON.stringify(x)}` };
    out.push(n);
  }
  return { ok: true, value: out };
}

/** The last bracketed list in the text whose items are of the requested kind. */
export function lastList(text: string, items: ListItems): { ok: true; value: JsonValue[] } | { ok: false; message: string } {
  const spans = balancedSpans(text, '[', ']');
  if (spans.length === 0) return { ok: false, message: 'expected a bracketed list like [1, 2, 3]; found none' };
  let lastError: string | null = null;
  for (let i = spans.length - 1; i >= 0; i--) {
    const r = readListItems(spans[i] as string, items);
    if (r.ok) return r;
    lastError ??= r.message;
  }
  return { ok: false, message: lastError ?? 'expected a bracketed list like [1, 2, 3]' };
}

function compileRegex(pattern: string, flags: string): RegExp | string {
  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    return `the pattern /${pattern}/${flags} is not a valid regular expression (${(err as Error).message})`;
  }
}

function parseUpdates(spec: ParserSpec, text: string, ctx: ParseContext, functions: FunctionRegistry): ParseResult {
  switch (spec.kind) {
    case 'text':
      return { ok: true, updates: [{ [spec.key]: text.trim() }] };
    case 'json': {
      const r = firstJsonObject(text);
      if (!r.ok) return r;
      return { ok: true, updates: [spec.key ? { [spec.key]: r.value } : r.value] };
    }
    case 'jsonParts': {
      const r = firstJsonObject(text);
      if (!r.ok) return { ok: false, message: r.message.replace('{"key": "value"}', '{"Part 1": …, "Part 2": …}') };
      const updates = Object.entries(r.value).map(([part, value]) => {
        const update: ThoughtState = { [spec.partKey]: part };
        for (const key of spec.valueKeys) update[key] = value;
        return update;
      });
      return { ok: true, updates };
    }
    case 'list': {
      const r = lastList(text, spec.items);
      return r.ok ? { ok: true, updates: [{ [spec.key]: r.value }] } : r;
    }
    case 'number': {
      const n = lastNumber(text);
      return n === null ? { ok: false, message: 'expected a number; found none' } : { ok: true, updates: [{ [spec.key]: n }] };
    }
    case 'regex': {
      // matchAll needs the g flag; a single match must not have it (it would drop the groups).
      const flags = spec.flags.replace(/g/g, '');
      const re = compileRegex(spec.pattern, spec.all ? `${flags}g` : flags);
      if (typeof re === 'string') return { ok: false, message: re };
      const groupOf = (m: RegExpMatchArray): string | undefined => m[spec.group];
      if (spec.all) {
        const values = [...text.matchAll(re)].map(groupOf).filter((v): v is string => v !== undefined);
        return { ok: true, updates: [{ [spec.key]: values }] };
      }
      const m = text.match(re);
      if (!m) return { ok: false, message: `expected text matching /${spec.pattern}/${spec.flags}; found none` };
      const value = groupOf(m);
      if (value === undefined) return { ok: false, message: `/${spec.pattern}/ matched but has no group ${spec.group}` };
      return { ok: true, updates: [{ [spec.key]: value }] };
    }
    case 'function': {
      const entry = Object.prototype.hasOwnProperty.call(functions.parsers, spec.name) ? functions.parsers[spec.name] : undefined;
      if (!entry) return { ok: false, message: `there is no parser named '${spec.name}'` };
      try {
        return entry.fn(text, ctx);
      } catch (err) {
        return { ok: false, message: `parser '${spec.name}' failed: ${(err as Error).message}` };
      }
    }
  }
}

/**
 * Turns one completion into zero or more state updates (one new thought each), laying `spec.set`
 * over each. Never throws: a failure comes back as `{ ok: false, message }` for the thought.
 */
export function parseAnswer(spec: ParserSpec, text: string, ctx: ParseContext, functions: FunctionRegistry): ParseResult {
  let result: ParseResult;
  try {
    result = parseUpdates(spec, text, ctx, functions);
  } catch (err) {
    result = { ok: false, message: `the answer could not be read: ${(err as Error).message}` };
  }
  if (!result.ok || !spec.set) return result;
  const set = spec.set;
  return { ok: true, updates: result.updates.map((u) => ({ ...u, ...set })) };
}

export type ReadAnswerResult = { ok: true; value: number | boolean | number[] } | { ok: false; message: string };

const DEFAULT_YES = String.raw`\b(yes|valid|correct|true)\b`;

const average = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function averageSamples(values: Array<number | null>, what: string, count: number): ReadAnswerResult {
  const found = values.filter((v): v is number => v !== null);
  if (found.length === 0)
    return {
      ok: false,
      message: `expected ${what} in the answer; found none in ${count === 1 ? 'the completion' : `any of ${count} completions`}`,
    };
  return { ok: true, value: average(found) };
}

/**
 * Reads all sample completions of one LLM score/validation request. Numbers are averaged over
 * the samples that contain one; lists are averaged element-wise over the samples whose list has
 * the first readable list's length; yes/no is a majority vote where a tie counts as invalid.
 */
export function readAnswer(
  reader: AnswerReader,
  texts: readonly string[],
  thought: ThoughtView,
  functions: FunctionRegistry,
): ReadAnswerResult {
  if (texts.length === 0) return { ok: false, message: 'there are no completions to read' };
  switch (reader.kind) {
    case 'number':
      return averageSamples(texts.map(lastNumber), 'a number', texts.length);
    case 'regex': {
      const re = compileRegex(reader.pattern, reader.flags.replace(/g/g, ''));
      if (typeof re === 'string') return { ok: false, message: re };
      const values = texts.map((t) => {
        const m = t.match(re);
        const n = m?.[1] !== undefined ? Number(m[1].trim()) : NaN;
        return Number.isFinite(n) ? n : null;
      });
      return averageSamples(values, `a number matching /${reader.pattern}/`, texts.length);
    }
    case 'list': {
      const lists = texts.map((t) => lastList(t, 'numbers')).flatMap((r) => (r.ok ? [r.value as number[]] : []));
      const first = lists[0];
      if (!first) return { ok: false, message: 'expected a bracketed list of scores like [7, 3, 9]; found none' };
      const same = lists.filter((l) => l.length === first.length);
      return { ok: true, value: first.map((_, i) => average(same.map((l) => l[i] as number))) };
    }
    case 'yesNo': {
      const re = compileRegex(reader.yes ?? DEFAULT_YES, 'i');
      if (typeof re === 'string') return { ok: false, message: re };
      const yes = texts.filter((t) => re.test(t)).length;
      return { ok: true, value: yes * 2 > texts.length };
    }
    case 'function': {
      const entry = Object.prototype.hasOwnProperty.call(functions.answerReaders, reader.name)
        ? functions.answerReaders[reader.name]
        : undefined;
      if (!entry) return { ok: false, message: `there is no answer reader named '${reader.name}'` };
      try {
        const value = entry.fn(texts, thought);
        if (typeof value === 'number' && !Number.isFinite(value))
          return { ok: false, message: `answer reader '${reader.name}' returned ${value}` };
        return { ok: true, value };
      } catch (err) {
        return { ok: false, message: `answer reader '${reader.name}' failed: ${(err as Error).message}` };
      }
    }
  }
}
