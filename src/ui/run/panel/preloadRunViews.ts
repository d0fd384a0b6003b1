import { runSummaryView, thoughtDetailView, thoughtsCanvasView, timelineView } from './runViews';

/**
 * Starts loading the code of what a run shows (the thoughts canvas, the summary, the timeline, the
 * node strips), so the view the run opens mounts at once instead of fetching chunks while its first
 * model call is in flight (and without the fallback a lazy view shows on its first render).
 */
export function preloadRunViews(): void {
  void Promise.all([thoughtsCanvasView.preload(), thoughtDetailView.preload(), runSummaryView.preload(), timelineView.preload(), import('../../canvas/StackStrip')]).catch(() => undefined);
}
