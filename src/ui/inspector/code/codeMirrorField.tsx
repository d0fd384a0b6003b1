import { useMemo, useRef } from 'react';
import CodeMirror from '@uiw/react-codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { EditorView } from '@codemirror/view';
import { editorTheme, placeholderCompletion, placeholderHighlight } from './codemirrorTemplate';
import type { CodeFieldProps } from './codeFieldProps';

/** The CodeMirror editor behind every code field; this module and CodeMirror load only when a code field is shown. */
export default function CodeMirrorField({ value, onChange, language, label, keys, theme, minHeight, maxHeight, lineNumbers = false, autoFocus = false }: CodeFieldProps & { theme: 'light' | 'dark' }) {
  const keysRef = useRef(keys);
  keysRef.current = keys;
  const extensions = useMemo(() => {
    const base = [editorTheme, EditorView.contentAttributes.of({ 'aria-label': label })];
    if (language === 'template') return [...base, placeholderHighlight, placeholderCompletion(() => keysRef.current ?? []), EditorView.lineWrapping];
    return language === 'json' ? [...base, javascript(), EditorView.lineWrapping] : [...base, javascript()];
  }, [language, label]);
  const setup = language === 'template' ? { lineNumbers: false, foldGutter: false, highlightActiveLine: false, closeBrackets: false, autocompletion: false } : { lineNumbers, foldGutter: false };
  return <CodeMirror value={value} onChange={onChange} extensions={extensions} theme={theme} basicSetup={setup} autoFocus={autoFocus} {...(minHeight ? { minHeight } : {})} {...(maxHeight ? { maxHeight } : {})} />;
}
