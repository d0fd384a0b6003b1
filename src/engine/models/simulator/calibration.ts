/**
 * How error-prone the simulated model is. Expected mistakes grow faster than the size of what it
 * handles (exponent > 1), which is what makes decomposition (GoT) pay off, as with real models.
 */
export const calibration = {
  sorting: {
    /** Expected mistakes sorting 16 numbers from scratch; scales with (length / 16) ^ exponent. */
    sortRate: 0.2,
    exponent: 3,
    /** Merging two sorted lists (a linear walk, so a gentler exponent): expected mistakes per (length / 16) ^ mergeExponent. */
    mergeRate: 0.1,
    mergeExponent: 2.35,
    /** Fixing: chance each existing mistake is repaired, and new mistakes relative to sorting from scratch. */
    fixChance: 0.5,
    fixNewRate: 0.5,
    /** Splitting into parts (copying): expected slips per 64 numbers. */
    splitRate: 0.08,
  },
  setIntersection: {
    /**
     * Expected mistakes per element of Set B, scaled by (|A| / 32) ^ setAExponent (a longer set to
     * look things up in) and (|B| / 16) ^ setBExponent (a longer answer to keep straight), then
     * saturating: at most about `saturation` × |B| mistakes.
     */
    perElement: 0.006,
    setAExponent: 0.5,
    setBExponent: 2.5,
    saturation: 0.5,
    /** Joining lists: expected slips for 32 numbers, growing with (length / 32) ^ joinExponent (long lists are hard to copy out in full). */
    joinRate: 1.6,
    joinExponent: 2.5,
    fixChance: 0.5,
    fixNewRate: 0.55,
    splitRate: 0.05,
  },
  keywordCounting: {
    /** Expected misread mentions in a 400-character text; scales with (characters / 400) ^ exponent. */
    per400Chars: 0.3,
    exponent: 2,
    /** Adding tallies: expected slips per 5 countries. */
    addRate: 0.25,
    fixChance: 0.55,
    fixNewRate: 0.45,
  },
  docMerge: {
    /** Chance a repeated point is kept twice, and that a point is left out, for a 4-document merge. */
    keepDuplicate: 0.5,
    dropPoint: 0.35,
    /** Improving: chance each flaw is repaired. */
    repair: 0.5,
    /** Rating noise (standard deviation, in points of 10). */
    ratingNoise: 0.8,
  },
  /** Share of the expected mistakes a prompt makes in every sample (real models repeat themselves), and how often each recurs. */
  sharedShare: 0.75,
  sharedRepeat: 0.9,
  /** Showing the work lowers the mistake rate by this factor. */
  stepByStep: 0.7,
} as const;
