import { DOC_MERGE_PHRASES } from '../../tasks/docMerge/prompts';
import { calibration } from './calibration';
import type { AnswerContext } from './context';
import { lastTagged, numberedTagged } from './extract';

const c = calibration.docMerge;
const TITLE = 'NON-DISCLOSURE AGREEMENT (NDA)';

const LIST_MARKER = /^\s*(\d+[.)]|[a-z][.)]|[-*•])\s+/;

/** The points (clauses) of an agreement: its lines and sentences without list markers; titles and headings dropped. */
export function pointsOf(doc: string): string[] {
  return doc
    .split('\n')
    .map((line) => line.replace(LIST_MARKER, '').trim())
    .filter((line) => !/:$/.test(line) || line.length > 60)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z[])/))
    .map((point) => point.trim())
    .filter((point) => point.length > 3 && !/^non-disclosure agreement/i.test(point) && point !== point.toUpperCase());
}

const wordsOf = (s: string): Set<string> => new Set(s.toLowerCase().match(/[a-z0-9$]+/g) ?? []);

function similar(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, a.size + b.size - shared) >= 0.45;
}

/** Groups points that say the same thing; returns each point's group index. */
function groupPoints(points: readonly string[]): number[] {
  const reps: Set<string>[] = [];
  return points.map((p) => {
    const words = wordsOf(p);
    const at = reps.findIndex((r) => similar(r, words));
    if (at >= 0) return at;
    reps.push(words);
    return reps.length - 1;
  });
}

/** Writes a merged agreement from candidate points: each topic once (sometimes twice), sometimes one left out. */
function writeMerged(points: readonly string[], keepDuplicate: number, dropPoint: number, ctx: AnswerContext): string {
  const groups = groupPoints(points);
  const chosen: string[] = [];
  const seen = new Set<number>();
  points.forEach((p, i) => {
    const g = groups[i] as number;
    if (!seen.has(g)) {
      seen.add(g);
      if (!ctx.sample.chance(dropPoint)) chosen.push(p);
    } else if (ctx.sample.chance(keepDuplicate)) chosen.push(p);
  });
  return `${TITLE}\n\n${chosen.map((p, i) => `${i + 1}. ${p}`).join('\n')}`;
}

function rate(docs: readonly string[], merged: string, ctx: AnswerContext): string {
  const original = docs.flatMap(pointsOf);
  const mergedPoints = pointsOf(merged);
  const groups = groupPoints([...original, ...mergedPoints]);
  const originalTopics = new Set(groups.slice(0, original.length));
  const mergedGroups = groups.slice(original.length);
  const covered = new Set(mergedGroups.filter((g) => originalTopics.has(g)));
  const repeats = mergedGroups.length - new Set(mergedGroups).size;
  const noisy = (x: number): number => Math.round(Math.min(10, Math.max(0, x + ctx.sample.gaussian() * c.ratingNoise)));
  const redundancy = noisy(10 * (1 - repeats / Math.max(1, mergedGroups.length)) ** 2);
  const retained = noisy((10 * covered.size) / Math.max(1, originalTopics.size));
  return `The merged agreement covers ${covered.size} of the ${originalTopics.size} distinct points of the originals and repeats ${repeats} point${repeats === 1 ? '' : 's'}.\n<Redundancy>${redundancy}</Redundancy>\n<Retained>${retained}</Retained>`;
}

const factor = (ctx: AnswerContext): number => (ctx.stepByStep ? calibration.stepByStep : 1);

/** Answers the Studio's document-merging prompts, or null when the prompt is not one of them. */
export function answerDocMerge(prompt: string, ctx: AnswerContext): string | null {
  const docs = numberedTagged(prompt, 'Doc');
  if (docs.length === 0) return null;
  if (prompt.includes(DOC_MERGE_PHRASES.score)) {
    const merged = lastTagged(prompt, 'Merged');
    return merged === null ? null : rate(docs, merged, ctx);
  }
  const all = docs.flatMap(pointsOf);
  if (prompt.includes(DOC_MERGE_PHRASES.improve)) {
    const attempt = lastTagged(prompt, 'Attempt') ?? '';
    // The attempt's points first, then the originals' for what it misses; each flaw repaired with some chance.
    const repaired = writeMerged([...pointsOf(attempt), ...all], c.keepDuplicate * (1 - c.repair), c.dropPoint * (1 - c.repair), ctx);
    return `<Merged>\n${repaired}\n</Merged>`;
  }
  if (prompt.includes(DOC_MERGE_PHRASES.fuse)) {
    const candidates = numberedTagged(prompt, 'Candidate').flatMap(pointsOf);
    return `<Merged>\n${writeMerged([...candidates, ...all], c.keepDuplicate * 0.7, c.dropPoint * 0.6, ctx)}\n</Merged>`;
  }
  if (prompt.includes(DOC_MERGE_PHRASES.merge)) {
    const merged = writeMerged(all, c.keepDuplicate * factor(ctx), c.dropPoint * factor(ctx), ctx);
    const work = ctx.stepByStep ? `The four agreements make ${all.length} points between them; ${new Set(groupPoints(all)).size} of them are distinct.\n` : '';
    return `${work}<Merged>\n${merged}\n</Merged>`;
  }
  return null;
}
