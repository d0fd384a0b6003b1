import { useMemo } from 'react';
import { renderTemplate, type ThoughtState } from '../../engine/index';
import { CodeField } from './code/CodeField';

interface Props {
  id: string;
  value: string;
  onChange: (v: string) => void;
  /** State keys available to this operation, offered after `{{`. */
  keys: readonly string[];
  /** State the preview renders with (the run's input). */
  previewState: ThoughtState;
  branches?: number;
  label: string;
}

/** A prompt template in CodeMirror with placeholder highlighting, key completion and a live preview. */
export function TemplateEditor({ id, value, onChange, keys, previewState, branches, label }: Props) {
  const preview = useMemo(() => {
    if (!value) return { ok: true as const, text: '' };
    try {
      return { ok: true as const, text: renderTemplate(value, { state: previewState, inputs: [], ...(branches !== undefined ? { branches } : {}) }) };
    } catch (err) {
      return { ok: false as const, text: err instanceof Error ? err.message : String(err) };
    }
  }, [value, previewState, branches]);
  return (
    <div className="template-editor" data-testid={`template-${id}`}>
      <CodeField value={value} onChange={onChange} language="template" label={label} keys={keys} minHeight="64px" maxHeight="260px" />
      <details className="template-preview" open={!preview.ok}>
        <summary>Preview for the current input</summary>
        <pre className={preview.ok ? '' : 'preview-error'} data-testid={`template-preview-${id}`}>
          {preview.text || '(empty)'}
        </pre>
      </details>
    </div>
  );
}
