import { lazy, Suspense } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { CodeConsentDialog } from './CodeConsentDialog';
import type { Dialog } from '../store/uiSlice';

// Each dialog loads when it is first opened.
const GalleryDialog = lazy(() => import('./GalleryDialog').then((m) => ({ default: m.GalleryDialog })));
const HelpDialog = lazy(() => import('./HelpDialog').then((m) => ({ default: m.HelpDialog })));
const OpenProblemsDialog = lazy(() => import('./OpenProblemsDialog').then((m) => ({ default: m.OpenProblemsDialog })));
const RecentDialog = lazy(() => import('./RecentDialog').then((m) => ({ default: m.RecentDialog })));
const PythonExportDialog = lazy(() => import('../interchange/PythonExportDialog').then((m) => ({ default: m.PythonExportDialog })));
const ForkCompareDialog = lazy(() => import('../fork/ForkCompareDialog').then((m) => ({ default: m.ForkCompareDialog })));
const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));

/** The one open dialog, if any, and the code-consent question, which a run raises outside the store. */
export function Dialogs() {
  return (
    <>
      <StoreDialog />
      <CodeConsentDialog />
    </>
  );
}

function StoreDialog() {
  const dialog = useAppStore((s) => s.dialog);
  if (!dialog) return null;
  return <Suspense fallback={null}>{dialogOf(dialog)}</Suspense>;
}

function dialogOf(dialog: Dialog) {
  switch (dialog.kind) {
    case 'gallery':
      return <GalleryDialog />;
    case 'help':
      return <HelpDialog />;
    case 'openProblems':
      return <OpenProblemsDialog fileName={dialog.fileName} problems={dialog.problems} />;
    case 'share':
      return <ShareDialog url={dialog.url} />;
    case 'pythonExport':
      return <PythonExportDialog />;
    case 'recent':
      return <RecentDialog />;
    case 'forkCompare':
      return <ForkCompareDialog a={dialog.a} b={dialog.b} />;
  }
}
