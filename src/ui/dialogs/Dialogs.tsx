import { useAppStore } from '../store/StoreProvider';
import { CodeConsentDialog } from './CodeConsentDialog';
import { GalleryDialog } from './GalleryDialog';
import { HelpDialog } from './HelpDialog';
import { OpenProblemsDialog } from './OpenProblemsDialog';
import { RecentDialog } from './RecentDialog';
import { ShareDialog } from './ShareDialog';

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
  switch (dialog.kind) {
    case 'gallery':
      return <GalleryDialog />;
    case 'help':
      return <HelpDialog />;
    case 'openProblems':
      return <OpenProblemsDialog fileName={dialog.fileName} problems={dialog.problems} />;
    case 'share':
      return <ShareDialog url={dialog.url} />;
    case 'recent':
      return <RecentDialog />;
  }
}
