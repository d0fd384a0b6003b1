import { LoadBoundary } from '../shell/LoadBoundary';
import { lazyView } from '../shell/preloadable';
import { useAppStore } from '../store/StoreProvider';
import { CodeConsentDialog } from './CodeConsentDialog';
import type { Dialog } from '../store/uiSlice';

// Each dialog loads when it is first opened.
const GalleryDialog = lazyView(() => import('./GalleryDialog'), 'GalleryDialog');
const HelpDialog = lazyView(() => import('./HelpDialog'), 'HelpDialog');
const OpenProblemsDialog = lazyView(() => import('./OpenProblemsDialog'), 'OpenProblemsDialog');
const RecentDialog = lazyView(() => import('./RecentDialog'), 'RecentDialog');
const PythonExportDialog = lazyView(() => import('../interchange/PythonExportDialog'), 'PythonExportDialog');
const ForkCompareDialog = lazyView(() => import('../fork/ForkCompareDialog'), 'ForkCompareDialog');
const ShareDialog = lazyView(() => import('./ShareDialog'), 'ShareDialog');

/** How a failure notice names each dialog. */
const DIALOG_NAMES: Record<Dialog['kind'], string> = {
  gallery: 'the example gallery',
  help: 'the Help dialog',
  openProblems: "the file's problems",
  share: 'the share dialog',
  pythonExport: 'the Python export',
  recent: 'the recent files',
  forkCompare: 'the fork comparison',
};

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
  const close = useAppStore((s) => s.closeDialog);
  if (!dialog) return null;
  return (
    <LoadBoundary key={dialog.kind} what={DIALOG_NAMES[dialog.kind]} fallback={null} floating onDismiss={close}>
      {dialogOf(dialog)}
    </LoadBoundary>
  );
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
