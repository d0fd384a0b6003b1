import { useEffect } from 'react';
import { historyView, runSummaryView, thoughtDetailView, thoughtsCanvasView, timelineView } from '../run/panel/runViews';

/**
 * Once the editor is up and the browser idle, fetches what running and replaying need (the run
 * controller, the Thoughts view, the timeline, the recording reader, folding and presentation mode), so a run or a recording still
 * opens after the network goes away — a projector with no Wi-Fi. The large optional parts (the code
 * editor, the tokenizer, the SDK, Compare's plots) still wait until they are used. When everything
 * has arrived, `<html data-run-views="ready">` says so.
 */
export function usePrefetchRunViews(): void {
  useEffect(() => {
    let cancelled = false;
    const prefetch = () => {
      void Promise.all([
        import('../run/appRunController'),
        import('../run/settings/modelProviders'),
        thoughtsCanvasView.preload(),
        thoughtDetailView.preload(),
        runSummaryView.preload(),
        historyView.preload(),
        timelineView.preload(),
        import('../recording/recordingFiles'),
        // A folded graph's run strip and fold commands, and presentation mode: a talk runs offline too.
        import('../canvas/StackStrip'),
        import('../canvas/foldCommands'),
        import('../document/folding'),
        import('../present/PresentMode'),
      ]).then(
        () => !cancelled && (document.documentElement.dataset.runViews = 'ready'),
        () => undefined,
      );
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(prefetch, { timeout: 3000 });
      return () => ((cancelled = true), cancelIdleCallback(id));
    }
    const timer = setTimeout(prefetch, 500);
    return () => ((cancelled = true), clearTimeout(timer));
  }, []);
}
