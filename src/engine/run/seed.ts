/** FNV-1a over a string, as an unsigned 32-bit number. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The seed of one call: a hash of the run's seed, the operation and the call's position in it,
 * so the same graph and run seed give every call the same seed whatever order calls run in.
 */
export const callSeed = (runSeed: number, opId: string, position: string): number => fnv1a(`${runSeed}|${opId}|${position}`);
