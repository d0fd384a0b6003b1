/** The model choice until the run view provides its settings: the offline simulator only. */
export function ModelPickerPlaceholder() {
  return (
    <label className="model-picker">
      <span className="sr-only">Model</span>
      <select data-testid="model-picker" aria-label="Model" defaultValue="simulator">
        <option value="simulator">Offline simulator</option>
      </select>
    </label>
  );
}
