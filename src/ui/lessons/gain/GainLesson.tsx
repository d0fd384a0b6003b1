/** The lesson "The longer the sequence, the higher the gain": being built on its own branch; the lesson host shows it. */
export function GainLesson() {
  return <section data-testid="lesson-gain" />;
}
