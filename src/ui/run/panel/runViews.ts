import { preloadable } from '../../shell/preloadable';

// What a run shows, loaded on demand (the editor opens without them) and rendered at once when preloaded.
export const thoughtsCanvasView = preloadable(() => import('../../thoughts/ThoughtsCanvas').then((m) => m.ThoughtsCanvas));
export const thoughtDetailView = preloadable(() => import('../../thoughts/ThoughtDetailPanel').then((m) => m.ThoughtDetailPanel));
export const runSummaryView = preloadable(() => import('./RunSummaryPanel').then((m) => m.RunSummaryPanel));
export const historyView = preloadable(() => import('../../history/HistoryPanel').then((m) => m.HistoryPanel));
export const timelineView = preloadable(() => import('../../timeline/Timeline').then((m) => m.Timeline));
