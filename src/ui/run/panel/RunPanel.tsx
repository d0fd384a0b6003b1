import { useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { showStart } from '../../canvas/editorCommands';
import { controllerFor } from '../appController';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider';
import type { RunUi, RunViewMode } from '../runSlice';
import { REFERENCE_IMPORT_BANNER } from '../../../engine/index';
import { REFERENCE_SOURCE_ID } from '../../interchange/referenceSource';
import { LoadBoundary } from '../../shell/LoadBoundary';
import { lazyView } from '../../shell/preloadable';
import { historyView, runSummaryView, thoughtDetailView, thoughtsCanvasView } from './runViews';
import { setTimelineDock } from '../../timeline/timelineDock';
import '../run.css';

// The run views load when first shown: the editor opens on the Operations view without them.
const CompareView = lazyView(() => import('../../compare/CompareView'), 'CompareView');
const ThoughtsCanvas = thoughtsCanvasView.Component;
const ThoughtDetailPanel = thoughtDetailView.Component;
const RunSummaryPanel = runSummaryView.Component;
const HistoryPanel = historyView.Component;
const LessonHost = lazyView(() => import('../../lessons/LessonHost'), 'LessonHost');
const loading = <p className="muted">Loading…</p>;

const VIEWS: Array<[RunViewMode, string, string]> = [
  ['operations', 'Operations', 'The Graph of Operations only'],
  ['split', 'Split', 'Operations and thoughts side by side'],
  ['thoughts', 'Thoughts', 'The Graph Reasoning State only'],
  ['compare', 'Compare', 'Run several graphs on the same samples and plot them'],
];
const TABS: Array<[RunUi['panel'], string]> = [
  ['detail', 'Details'],
  ['summary', 'Summary'],
  ['history', 'History'],
];

/** Switches between the operations canvas, the thoughts canvas (side by side or alone) and the compare view. */
function ViewSwitch() {
  const api = useAppStoreApi();
  const view = useAppStore((s) => s.runUi.view);
  const problem = useAppStore((s) => s.runUi.problem);
  return (
    <div className="view-switch" role="tablist" aria-label="View" data-testid="view-switch">
      {VIEWS.map(([v, label, title]) => (
        <button
          key={v}
          type="button"
          role="tab"
          aria-selected={view === v}
          className={view === v ? 'is-on' : ''}
          title={title}
          onClick={() => api.getState().patchRunUi({ view: v })}
          data-testid={`view-${v}`}
        >
          {label}
        </button>
      ))}
      {problem && problem.severity === 'error' && view === 'operations' ? (
        <button
          type="button"
          className="view-problem"
          onClick={() => api.getState().patchRunUi({ view: 'split', panel: 'summary' })}
          data-testid="problem-badge"
          title={problem.hint}
        >
          ⚠ {problem.title}
        </button>
      ) : null}
    </div>
  );
}

/** The run view beside the editor's canvas: thoughts canvas plus a drawer with details, summary and history; or the compare view. */
export function RunPanel() {
  const api = useAppStoreApi();
  const view = useAppStore((s) => s.runUi.view);
  const editorFlow = useReactFlow();
  // The editor's canvas changes size with the view: show its readable start view again once the layout has settled.
  // Not on mount: the editor applies its start view itself when its canvas initialises.
  const shownFor = useRef(view);
  useEffect(() => {
    if (view === shownFor.current) return;
    shownFor.current = view;
    // The Split view's short pane shows a big graph from its input at a readable zoom rather than whole and tiny.
    const id = setTimeout(() => showStart(api, editorFlow, view === 'split' ? 'readable' : 'whole'), 60);
    return () => clearTimeout(id);
  }, [view, api, editorFlow]);
  const tab = useAppStore((s) => s.runUi.panel);
  const source = useAppStore((s) => s.runUi.source);
  const [collapsed, setCollapsed] = useState(false);
  const lesson = useAppStore((s) => s.lesson?.id ?? null);
  // A lesson takes the run panel's place until it is closed.
  if (lesson)
    return (
      <LoadBoundary what="the lesson" fallback={loading}>
        <LessonHost id={lesson} controls={controllerFor(api)} />
      </LoadBoundary>
    );
  return (
    <>
      <ViewSwitch />
      {view === 'operations' ? null : (
        <section className={`run-panel view-${view}`} data-testid="run-panel">
          {view === 'compare' ? (
            <LoadBoundary what="the Compare view" fallback={loading}>
              <CompareView />
            </LoadBoundary>
          ) : (
            <>
              <div className="run-panel-main">
                {source?.kind === 'history' ? (
                  <div className="history-banner" data-testid="history-banner">
                    {source.id === REFERENCE_SOURCE_ID ? `${REFERENCE_IMPORT_BANNER} (${source.title})` : `Reopened from history: ${source.title}`}
                  </div>
                ) : null}
                <LoadBoundary what="the Thoughts view" fallback={loading}>
                  <ThoughtsCanvas />
                </LoadBoundary>
              </div>
              <aside className={`run-drawer${collapsed ? ' is-collapsed' : ''}`} data-testid="run-drawer">
                <div className="drawer-tabs" role="tablist">
                  <button
                    type="button"
                    className="drawer-toggle"
                    onClick={() => setCollapsed(!collapsed)}
                    aria-label={collapsed ? 'Show the details panel' : 'Hide the details panel'}
                    title={collapsed ? 'Show panel' : 'Hide panel'}
                  >
                    {collapsed ? '«' : '»'}
                  </button>
                  {TABS.map(([t, label]) => (
                    <button
                      key={t}
                      type="button"
                      role="tab"
                      aria-selected={tab === t}
                      className={tab === t ? 'is-on' : ''}
                      onClick={() => (api.getState().patchRunUi({ panel: t }), setCollapsed(false))}
                      data-testid={`tab-${t}`}
                    >
                      {label}
                    </button>
                  ))}
                </div>
                <div className="drawer-body">
                  <LoadBoundary key={tab} what={`the ${tab === 'detail' ? 'Details' : tab === 'summary' ? 'Summary' : 'History'} panel`} fallback={loading}>
                    {tab === 'detail' ? <ThoughtDetailPanel /> : tab === 'summary' ? <RunSummaryPanel /> : <HistoryPanel />}
                  </LoadBoundary>
                </div>
                {collapsed ? null : <div className="drawer-foot" ref={setTimelineDock} />}
              </aside>
            </>
          )}
        </section>
      )}
    </>
  );
}
