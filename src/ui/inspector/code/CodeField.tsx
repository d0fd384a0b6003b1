import { useState } from 'react';
import { LoadBoundary } from '../../shell/LoadBoundary';
import { lazyView } from '../../shell/preloadable';
import { useAppStore } from '../../store/StoreProvider';
import type { CodeFieldProps } from './codeFieldProps';

const CodeMirrorField = lazyView(() => import('./codeMirrorField'), 'default');

/**
 * A code field: CodeMirror (about 150 kB gzipped) is fetched only when a field is shown, or, with
 * `loadOnFocus`, when the user first clicks or tabs into it. Until then the text shows as is.
 */
export function CodeField(props: CodeFieldProps) {
  const theme = useAppStore((s) => s.theme);
  const [active, setActive] = useState(!props.loadOnFocus);
  const plain = (
    <pre
      className="code-field-plain"
      role="textbox"
      aria-label={props.label}
      aria-multiline="true"
      tabIndex={0}
      style={{ minHeight: props.minHeight, maxHeight: props.maxHeight }}
      onFocus={() => setActive(true)}
      onPointerDown={() => setActive(true)}
    >
      {props.value}
    </pre>
  );
  if (!active) return plain;
  return (
    <LoadBoundary what="the code editor" fallback={plain}>
      <CodeMirrorField {...props} theme={theme} autoFocus={props.autoFocus ?? props.loadOnFocus ?? false} />
    </LoadBoundary>
  );
}
