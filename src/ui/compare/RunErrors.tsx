const SHOWN = 5;

/** The runs of a comparison that could not start, in words: the first few, and how many more there are. */
export function RunErrors({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  const more = errors.length - SHOWN;
  return (
    <ul className="detail-error" data-testid="run-errors">
      {errors.slice(0, SHOWN).map((e) => (
        <li key={e}>{e}</li>
      ))}
      {more > 0 ? <li>and {more} more</li> : null}
    </ul>
  );
}
