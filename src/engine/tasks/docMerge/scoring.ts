/** Reads `<Redundancy>n</Redundancy>` and `<Retained>n</Retained>` from one scoring answer. */
export function readDocScores(text: string): { redundancy: number; retained: number } | null {
  const read = (tag: string): number | null => {
    const m = new RegExp(`<${tag}>\\s*(\\d+(?:\\.\\d+)?)\\s*</${tag}>`, 'i').exec(text);
    return m?.[1] === undefined ? null : Math.min(10, Math.max(0, Number(m[1])));
  };
  const redundancy = read('Redundancy');
  const retained = read('Retained');
  return redundancy === null || retained === null ? null : { redundancy, retained };
}

/** Harmonic mean of two 0–10 scores (0 when both are 0). */
export function harmonicMean(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

/**
 * Document-merging score from all samples of one scoring request: redundancy and retained
 * information are each averaged over the samples that gave both, then combined by harmonic mean.
 */
export function docMergeScore(texts: readonly string[]): number {
  const scores = texts.map(readDocScores).filter((s) => s !== null);
  if (scores.length === 0) throw new Error('no answer gave both <Redundancy> and <Retained> scores');
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  return harmonicMean(mean(scores.map((s) => s.redundancy)), mean(scores.map((s) => s.retained)));
}
