/**
 * Ancestor sets of GRS vertices, for volume (how many LLM-made thoughts could have influenced a
 * thought). Each LLM-made thought gets one bit; a thought's ancestor set is the union of its
 * parents' sets plus the parents themselves. Siblings share one set object, and a set is copied
 * only when a thought becomes a parent, so a Generate with k children costs one copy, not k.
 */

interface AncestorSet {
  words: Uint32Array;
  count: number;
}

interface Entry {
  /** Bit index of an LLM-made thought; -1 for the input. */
  bit: number;
  /** Ancestors (not including itself). */
  ancestors: AncestorSet;
  /** Ancestors plus itself, made on first use as a parent. */
  inclusive: AncestorSet | null;
}

const EMPTY: AncestorSet = { words: new Uint32Array(0), count: 0 };

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function withBit(set: AncestorSet, bit: number): AncestorSet {
  const size = Math.max(set.words.length, (bit >>> 5) + 1);
  const words = new Uint32Array(size);
  words.set(set.words);
  const before = words[bit >>> 5] ?? 0;
  const after = (before | (1 << (bit & 31))) >>> 0;
  words[bit >>> 5] = after;
  return { words, count: set.count + (after === before ? 0 : 1) };
}

function union(sets: readonly AncestorSet[]): AncestorSet {
  let size = 0;
  for (const s of sets) size = Math.max(size, s.words.length);
  const words = new Uint32Array(size);
  for (const s of sets) for (let i = 0; i < s.words.length; i++) words[i] = (words[i] ?? 0) | (s.words[i] ?? 0);
  let count = 0;
  for (let i = 0; i < size; i++) count += popcount32(words[i] ?? 0);
  return { words, count };
}

/** Tracks ancestor sets as thoughts are added (parents before children) and answers their volume. */
export class Lineage {
  private readonly entries = new Map<string, Entry>();
  private nextBit = 0;

  /** Adds a thought; returns its volume (LLM-made ancestors, itself and the input not counted). Unknown parents are ignored. */
  add(id: string, parentIds: readonly string[], llmMade: boolean): number {
    let ancestors: AncestorSet;
    if (parentIds.length === 0) ancestors = EMPTY;
    else if (parentIds.length === 1) ancestors = this.inclusiveOf(parentIds[0] as string);
    else ancestors = union(parentIds.map((p) => this.inclusiveOf(p)));
    this.entries.set(id, { bit: llmMade ? this.nextBit++ : -1, ancestors, inclusive: null });
    return ancestors.count;
  }

  /** The volume of a thought already added (0 when unknown). */
  volume(id: string): number {
    return this.entries.get(id)?.ancestors.count ?? 0;
  }

  /** Whether `ancestor` has a path to `id`. */
  isAncestor(ancestor: string, id: string): boolean {
    const a = this.entries.get(ancestor);
    const e = this.entries.get(id);
    if (!a || !e || a.bit < 0) return false;
    return ((e.ancestors.words[a.bit >>> 5] ?? 0) & (1 << (a.bit & 31))) !== 0;
  }

  private inclusiveOf(id: string): AncestorSet {
    const e = this.entries.get(id);
    if (!e) return EMPTY;
    if (e.bit < 0) return e.ancestors;
    e.inclusive ??= withBit(e.ancestors, e.bit);
    return e.inclusive;
  }
}
