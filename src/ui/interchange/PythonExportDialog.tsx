import { useMemo } from 'react';
import { exportPython, validateDocument } from '../../engine/index';
import { Modal } from '../dialogs/Modal';
import { downloadBlob } from '../files/fileAccess';
import { appFunctions } from '../functions/registry';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';

/** A file name for the script: the title, made safe. */
const scriptName = (title: string): string => `${title.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '').toLowerCase() || 'graph'}.py`;

/** File → Export to Python…: the graph as a script for the reference framework, with what it could not carry over. */
export function PythonExportDialog() {
  const store = useAppStoreApi();
  const doc = useAppStore((s) => s.doc);
  const result = useMemo(() => {
    const { graph, diagnostics } = validateDocument(doc, { functions: appFunctions() });
    if (!graph) return { ok: false as const, errors: diagnostics.filter((d) => d.severity === 'error').map((d) => (d.opId ? `${d.opId}: ${d.message}` : d.message)) };
    return { ok: true as const, ...exportPython(graph) };
  }, [doc]);
  return (
    <Modal title="Export to Python" onClose={() => store.getState().closeDialog()} testId="python-export-dialog">
      <p>
        A script for the paper&apos;s reference framework (graph_of_thoughts): run it with the framework on PYTHONPATH and OPENAI_API_KEY set
        (OPENAI_BASE_URL for another endpoint). It writes the framework&apos;s output JSON, which File → Open shows here.
      </p>
      {result.ok ? (
        <>
          {result.notes.length === 0 ? (
            <p data-testid="python-export-notes">Everything in this graph has a counterpart in the framework.</p>
          ) : (
            <>
              <p>Not carried over (the script says so at each place):</p>
              <ul data-testid="python-export-notes">
                {result.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
          <div className="modal-actions">
            <button
              type="button"
              className="btn primary"
              data-testid="python-export-download"
              onClick={() => downloadBlob(new Blob([result.script], { type: 'text/x-python' }), scriptName(doc.title))}
            >
              Download script
            </button>
          </div>
        </>
      ) : (
        <>
          <p>The graph has errors; fix them first:</p>
          <ul data-testid="python-export-errors">
            {result.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
