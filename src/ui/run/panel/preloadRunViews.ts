/**
 * Starts loading the code of what a run shows (the thoughts canvas, the summary, the timeline, the
 * node strips), so the view the run opens mounts at once instead of fetching chunks while its first
 * model call is in flight.
 */
export function preloadRunViews(): void {
  void Promise.all([
    import('../../thoughts/ThoughtsCanvas'),
    import('./RunSummaryPanel'),
    import('../../timeline/Timeline'),
    import('../../canvas/StackStrip'),
  ]).catch(() => undefined);
}
