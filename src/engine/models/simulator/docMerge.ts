import { DOC_MERGE_PHRASES } from '../../tasks/docMerge/prompts';
import { calibration } from './calibration';
import type { AnswerContext } from './context';
import { lastTagged, numberedTagged } from './extract';

const c = calibration.docMerge;
const TITLE = 'NON-DISCLOSURE AGREEMENT (NDA)';

const LIST_MARKER = /^\s*(\d+[.)]|[a-z][.)]|[-*•])\s+/;

/** The points (clauses) of an agreement: its lines and sentences without list markers; titles and headings dropped. */
function pointsOf(doc: string): string[] {
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

/**
 * Writes an agreement from points in order. `keep` decides each point, told whether its topic is
 * already written (a repeat) and the point's index in `points`.
 */
function writeMerged(points: readonly string[], keep: (repeat: boolean, index: number) => boolean): string {
  const groups = groupPoints(points);
  const written = new Set<number>();
  const chosen: string[] = [];
  points.forEach((p, i) => {
    const g = groups[i] as number;
    if (!keep(written.has(g), i)) return;
    written.add(g);
    chosen.push(p);
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
  // Strict like a careful reviewer: a few repeats or gaps already cost several points.
  const redundancy = noisy(10 * (1 - repeats / Math.max(1, mergedGroups.length)) ** 3);
  const retained = noisy(10 * (covered.size / Math.max(1, originalTopics.size)) ** 1.5);
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
  const chance = (p: number): boolean => ctx.sample.chance(p);
  if (prompt.includes(DOC_MERGE_PHRASES.improve)) {
    // Keeps what the attempt says, drops its repeats and adds missing points, each with some chance.
    const attempt = pointsOf(lastTagged(prompt, 'Attempt') ?? '');
    const improved = writeMerged([...attempt, ...all], (repeat, i) => (i < attempt.length ? (repeat ? !chance(c.repair) : !chance(c.dropPoint / 4)) : repeat ? chance(c.keepDuplicate / 10) : chance(c.repair)));
    return `<Merged>\n${improved}\n</Merged>`;
  }
  if (prompt.includes(DOC_MERGE_PHRASES.fuse)) {
    // A point any candidate has gets a chance per candidate; the originals are only skimmed.
    const candidates = numberedTagged(prompt, 'Candidate').flatMap(pointsOf);
    const fused = writeMerged([...candidates, ...all], (repeat, i) => (i < candidates.length ? (repeat ? chance(c.keepDuplicate / 10) : !chance(c.dropPoint)) : !repeat && chance(0.3)));
    return `<Merged>\n${fused}\n</Merged>`;
  }
  if (prompt.includes(DOC_MERGE_PHRASES.merge)) {
    const f = factor(ctx);
    const merged = writeMerged(all, (repeat) => (repeat ? chance(c.keepDuplicate * f) : !chance(c.dropPoint * f)));
    const work = ctx.stepByStep ? `The four agreements make ${all.length} points between them; ${new Set(groupPoints(all)).size} of them are distinct.\n` : '';
    return `${work}<Merged>\n${merged}\n</Merged>`;
  }
  return null;
}
