import { useMemo, useRef } from 'react';
import CodeMirror from '@uiw/react-codemirror';
import { EditorView } from '@codemirror/view';
import { renderTemplate, type ThoughtState } from '../../engine/index';
import { editorTheme, placeholderCompletion, placeholderHighlight } from './codemirrorTemplate';
import { useAppStore } from '../store/StoreProvider';

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
  const theme = useAppStore((s) => s.theme);
  const keysRef = useRef(keys);
  keysRef.current = keys;
  const extensions = useMemo(() => [placeholderHighlight, placeholderCompletion(() => keysRef.current), editorTheme, EditorView.lineWrapping, EditorView.contentAttributes.of({ 'aria-label': label })], [label]);
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
      <CodeMirror value={value} onChange={onChange} extensions={extensions} theme={theme} basicSetup={{ lineNumbers: false, foldGutter: false, highlightActiveLine: false, closeBrackets: false, autocompletion: false }} minHeight="64px" maxHeight="260px" />
      <details className="template-preview" open={!preview.ok}>
        <summary>Preview for the current input</summary>
        <pre className={preview.ok ? '' : 'preview-error'} data-testid={`template-preview-${id}`}>
          {preview.text || '(empty)'}
        </pre>
      </details>
    </div>
  );
}
