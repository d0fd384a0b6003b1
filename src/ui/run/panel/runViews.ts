import { preloadable } from '../../shell/preloadable';

// What a run shows, loaded on demand (the editor opens without them) and rendered at once when preloaded.
export const thoughtsCanvasView = preloadable(() => import('../../thoughts/ThoughtsCanvas'), 'ThoughtsCanvas');
export const thoughtDetailView = preloadable(() => import('../../thoughts/ThoughtDetailPanel'), 'ThoughtDetailPanel');
export const runSummaryView = preloadable(() => import('./RunSummaryPanel'), 'RunSummaryPanel');
export const historyView = preloadable(() => import('../../history/HistoryPanel'), 'HistoryPanel');
export const timelineView = preloadable(() => import('../../timeline/Timeline'), 'Timeline');
