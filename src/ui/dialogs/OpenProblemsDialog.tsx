import type { OpenProblem } from '../files/openProblems';
import { useAppStoreApi } from '../store/StoreProvider';
import { Modal } from './Modal';

const where = (p: OpenProblem): string =>
  [p.line !== undefined ? `line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}` : '', p.opId ? `operation ${p.opId}` : '', p.field ? `field ${p.field}` : ''].filter(Boolean).join(' · ');

/** Why a file could not be opened, each problem with where it is; the open document is untouched. */
export function OpenProblemsDialog({ fileName, problems }: { fileName: string; problems: OpenProblem[] }) {
  const store = useAppStoreApi();
  return (
    <Modal title={`Could not open ${fileName}`} onClose={() => store.getState().closeDialog()} testId="open-problems">
      <p>The file was not opened; your current graph is unchanged.</p>
      <ul className="problem-list">
        {problems.map((p, i) => (
          <li key={i} data-testid="open-problem">
            {where(p) ? <span className="problem-where">{where(p)}</span> : null}
            <span>{p.message}</span>
          </li>
        ))}
      </ul>
      <div className="modal-actions">
        <button type="button" className="btn primary" onClick={() => store.getState().closeDialog()}>
          Keep editing
        </button>
      </div>
    </Modal>
  );
}
