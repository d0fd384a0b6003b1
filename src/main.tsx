import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/app.css';
import { App } from './ui/App';
import { LoadBoundary } from './ui/shell/LoadBoundary';
import { runSlots } from './ui/run/runSlots';
import { setValidationFunctions } from './ui/diagnostics/diagnosticsOf';
import { appFunctions } from './ui/functions/registry';
import { loadStartDocument } from './ui/shell/bootstrap';
import { initialTheme } from './ui/shell/useThemeSync';
import { createAppStore } from './ui/store/createAppStore';
import { startPanelWidths } from './ui/store/uiSlice';
import { estimatedCanvasSize, wrapDocumentForView } from './ui/document/wrapLayout';

async function start() {
  setValidationFunctions(appFunctions());
  const begin = await loadStartDocument(location.hash);
  // The opening example is wrapped into rows that read at this window's size.
  const doc = begin.source === 'example' ? wrapDocumentForView(begin.doc, estimatedCanvasSize(startPanelWidths())) : begin.doc;
  const store = createAppStore({ document: doc, theme: initialTheme() });
  const s = store.getState();
  // Dev builds expose the store for debugging in the console; production builds never do.
  if (import.meta.env.DEV) (window as unknown as { __gotStore?: unknown }).__gotStore = store;
  if (begin.source === 'autosave') s.markSaved(begin.fileName);
  if (begin.source === 'autosave' && (begin.fileName === null || begin.dirty)) store.setState({ savedDoc: null });
  if (begin.source === 'share') history.replaceState(null, '', location.pathname + location.search);
  if (begin.notice) s.toast(begin.source === 'empty' ? 'error' : 'info', begin.notice);
  if (begin.problems) s.openDialog({ kind: 'openProblems', fileName: 'the share link', problems: begin.problems });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {/* The store lives outside React: Retry mounts the app again on the same graph, run and history. */}
      <LoadBoundary what="the editor" fallback={null}>
        <App store={store} slots={runSlots} />
      </LoadBoundary>
    </StrictMode>,
  );
}

void start();
