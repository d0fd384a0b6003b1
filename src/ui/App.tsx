import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { EditorCommandsProvider, useEditorCommands } from './canvas/editorCommands';
import { QuickAdd } from './canvas/QuickAdd';
import { Dialogs } from './dialogs/Dialogs';
import { loadExactTokenCounter } from './estimate/tokenCounter';
import { Toasts } from './dialogs/Toasts';
import { useFileCommands } from './files/useFileCommands';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { PanelResizer } from './shell/PanelResizer';
import { defaultSlots, SlotsContext, useSlots, type EditorSlots } from './shell/slots';
import { useAutosave } from './shell/useAutosave';
import { useShortcuts } from './shell/useShortcuts';
import { useThemeSync } from './shell/useThemeSync';
import type { AppStore } from './store/createAppStore';
import { StoreProvider, useAppStore, useAppStoreApi } from './store/StoreProvider';
import { Timeline } from './timeline/Timeline';
import { TopBar } from './topbar/TopBar';

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
  useThemeSync(store);
  useAutosave(store);
  useShortcuts(store, commands, files);
  useEffect(() => {
    // The tokenizer is large: fetch it after the editor is up, then refine the estimates.
    const timer = setTimeout(() => void loadExactTokenCounter().then(() => store.getState().setExactTokens(true), () => undefined), 1500);
    return () => clearTimeout(timer);
  }, [store]);
  return (
    <div className="app" style={{ gridTemplateColumns: `${panels.left}px 4px minmax(0, 1fr) 4px ${panels.right}px` }}>
      <TopBar />
      <Palette />
      <PanelResizer side="left" />
      <main className="center">
        <Canvas />
        {SidePanel ? <SidePanel /> : null}
        <Timeline />
      </main>
      <PanelResizer side="right" />
      <Inspector />
      <QuickAdd />
      <Dialogs />
      <Toasts />
      {Headless ? <Headless /> : null}
    </div>
  );
}
