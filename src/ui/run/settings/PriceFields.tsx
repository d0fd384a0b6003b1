import type { ModelPrice } from '../../../engine/index';

/** What the user typed for a model's price (text, so a half-typed number is kept as is). */
export interface PriceDraft {
  input: string;
  output: string;
}

const text = (v: number | undefined): string => (v === undefined ? '' : String(v));

/**
 * The chosen model's price in dollars per million input and output tokens, editable (saved on this
 * device); a model with no price says that its cost is shown as $0.
 */
export function PriceFields({
  model,
  price,
  draft,
  onChange,
}: {
  model: string;
  price: ModelPrice | undefined;
  draft: PriceDraft | undefined;
  onChange: (draft: PriceDraft) => void;
}) {
  const shown = draft ?? { input: text(price?.input), output: text(price?.output) };
  const invalid = (v: string) => v.trim() !== '' && !(Number(v) >= 0);
  const incomplete = draft !== undefined && (draft.input.trim() === '' || draft.output.trim() === '');
  return (
    <fieldset data-testid="price-fields">
      <legend>Price of {model || 'this model'}</legend>
      <label>
        Input ($ / 1M tokens){' '}
        <input
          type="number"
          min={0}
          step="any"
          value={shown.input}
          onChange={(e) => onChange({ ...shown, input: e.target.value })}
          aria-invalid={invalid(shown.input)}
          data-testid="price-input"
        />
      </label>
      <label>
        Output ($ / 1M tokens){' '}
        <input
          type="number"
          min={0}
          step="any"
          value={shown.output}
          onChange={(e) => onChange({ ...shown, output: e.target.value })}
          aria-invalid={invalid(shown.output)}
          data-testid="price-output"
        />
      </label>
      {!price && !draft ? (
        <p className="muted" data-testid="price-missing">
          No price — cost shown as $0. Enter this model’s prices to cost its runs.
        </p>
      ) : null}
      {incomplete ? <p className="muted">Enter both prices to save them.</p> : null}
      <p className="muted small">Saved on this device (prices are not secrets); used by the cost preview and run costs.</p>
    </fieldset>
  );
}
