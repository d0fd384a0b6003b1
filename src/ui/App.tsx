import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { EditorCommandsProvider, useEditorCommands } from './canvas/editorCommands';
import { QuickAdd } from './canvas/QuickAdd';
import { Dialogs } from './dialogs/Dialogs';
import { useExactTokens } from './estimate/useExactTokens';
import { timelineView } from './run/panel/runViews';
import { usePrefetchRunViews } from './shell/usePrefetchRunViews';
import { LoadBoundary } from './shell/LoadBoundary';
import { lazyView } from './shell/preloadable';
import { Toasts } from './dialogs/Toasts';
import { useFileCommands } from './files/useFileCommands';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { PanelResizer } from './shell/PanelResizer';
import { PanelRail, PanelToggle } from './shell/PanelToggle';
import { defaultSlots, SlotsContext, useSlots, type EditorSlots } from './shell/slots';
import { useAutosave } from './shell/useAutosave';
import { useShortcuts } from './shell/useShortcuts';
import { useThemeSync } from './shell/useThemeSync';
import { useUiPrefsSync } from './shell/useUiPrefsSync';
import type { AppStore } from './store/createAppStore';
import { StoreProvider, useAppStore, useAppStoreApi } from './store/StoreProvider';
import { COLLAPSED_WIDTH } from './store/uiSlice';
import { TopBar } from './topbar/TopBar';

// The timeline loads with the first run (or recording) shown; presentation mode when first entered.
const PresentMode = lazyView(() => import('./present/PresentMode'), 'PresentMode');
const Timeline = timelineView.Component;

/** The editor app around one store; `slots` let the run view plug in its controls and panels. */
export function App({ store, slots = defaultSlots }: { store: AppStore; slots?: Partial<EditorSlots> }) {
  return (
    <StoreProvider store={store}>
      <SlotsContext.Provider value={{ ...defaultSlots, ...slots }}>
        <ReactFlowProvider>
          <EditorCommandsProvider>
            <Shell />
          </EditorCommandsProvider>
        </ReactFlowProvider>
      </SlotsContext.Provider>
    </StoreProvider>
  );
}

function Shell() {
  const store = useAppStoreApi();
  const commands = useEditorCommands();
  const files = useFileCommands();
  const { SidePanel, Headless } = useSlots();
  const panels = useAppStore((s) => s.panels);
  const prefs = useAppStore((s) => s.prefs);
  useThemeSync(store);
  useUiPrefsSync(store);
  useAutosave(store);
  useShortcuts(store, commands, files);
  useExactTokens(store);
  usePrefetchRunViews();
  const hasRun = useAppStore((s) => s.live.eventCount > 0);
  const presenting = useAppStore((s) => s.presenting);
  return (
    <div
      className={`app${presenting ? ' is-presenting' : ''}`}
      style={{ gridTemplateColumns: presenting ? PRESENTING_COLUMNS : columns(panels, prefs) }}
    >
      <TopBar />
      {prefs.palette ? <Palette /> : <PanelRail side="left" />}
      {prefs.palette ? <PanelResizer side="left" /> : null}
      <main className="center">
        <Canvas />
        {prefs.inspector ? <PanelToggle side="right" className="inspector-hide" /> : null}
        {SidePanel ? <SidePanel /> : null}
        {hasRun ? (
          <LoadBoundary what="the run timeline" fallback={null}>
            <Timeline />
          </LoadBoundary>
        ) : null}
      </main>
      {prefs.inspector ? <PanelResizer side="right" /> : null}
      {prefs.inspector ? <Inspector /> : <PanelRail side="right" />}
      {presenting ? (
        <LoadBoundary what="presentation mode" fallback={null} floating>
          <PresentMode />
        </LoadBoundary>
      ) : null}
      <QuickAdd />
      <Dialogs />
      <Toasts />
      {Headless ? <Headless /> : null}
    </div>
  );
}

/** Presenting keeps only the canvas column (the panels stay mounted, hidden, as they were). */
const PRESENTING_COLUMNS = '0px 0px minmax(0, 1fr) 0px 0px';

/** The grid: palette, resizer, canvas, resizer, inspector; a collapsed panel keeps only its rail. */
function columns(panels: { left: number; right: number }, open: { palette: boolean; inspector: boolean }): string {
  const left = open.palette ? `${panels.left}px 4px` : `${COLLAPSED_WIDTH}px 0px`;
  const right = open.inspector ? `4px ${panels.right}px` : `0px ${COLLAPSED_WIDTH}px`;
  return `${left} minmax(0, 1fr) ${right}`;
}
