import { memo, useEffect, useState } from 'react';
import { thoughtStateSchema } from '../../engine/index';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { CodeField } from './code/CodeField';
import { DatasetPicker } from './DatasetPicker';

/** A state as JSON text with one key per line (lists stay on their line, readable for 128 numbers). */
export function formatState(state: Record<string, unknown>): string {
  const entries = Object.entries(state);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}`;
}

/** Reads JSON text as a thought state, or says why it is not one. */
export function parseStateText(text: string): { ok: true; state: Record<string, never> | ReturnType<typeof thoughtStateSchema.parse> } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const r = thoughtStateSchema.safeParse(raw);
  return r.success ? { ok: true, state: r.data } : { ok: false, message: 'The input must be a JSON object whose values are JSON (e.g. {"original": [3, 1, 2]}).' };
}

/** The run's input: a JSON state editor (applied while valid) or a row picked from the dataset (memo: the inspector's run line changes during a run, this does not). */
export const InputEditor = memo(function InputEditor() {
  const store = useAppStoreApi();
  const input = useAppStore((s) => s.doc.input);
  const [text, setText] = useState(() => formatState(input ?? {}));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const current = parseStateText(text);
    if (!current.ok || JSON.stringify(current.state) !== JSON.stringify(input ?? {})) {
      setText(formatState(input ?? {}));
      setError(null);
    }
    // Only an outside change of the input (undo, dataset row, open) rewrites the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [input]);
  return (
    <div className="input-editor" data-testid="input-editor">
      <h3 className="section-title">Run input</h3>
      <DatasetPicker />
      <div className="field-help">The state of the input thought (hop 0): a JSON object whose keys prompts use.</div>
      <div data-testid="input-json">
        <CodeField
          value={text}
          language="json"
          label="Run input (JSON)"
          loadOnFocus
          maxHeight="220px"
          onChange={(v) => {
            setText(v);
            const r = parseStateText(v);
            setError(r.ok ? null : r.message);
            if (r.ok) store.getState().setInput(r.state);
          }}
        />
      </div>
      {error ? (
        <div className="field-error" data-testid="input-error">
          {error} — the last valid input is kept.
        </div>
      ) : null}
    </div>
  );
});
