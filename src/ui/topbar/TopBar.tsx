import { useEditorCommands } from '../canvas/editorCommands';
import { useFileCommands } from '../files/useFileCommands';
import { useSlots } from '../shell/slots';
import { useAppStore, useAppStoreApi, useHistory } from '../store/StoreProvider';
import { DocumentName } from './DocumentName';
import { Menu } from './Menu';
import { LESSON_NAMES } from '../lessons/lessonNames';
import { openLesson } from '../lessons/lessonSession';

/** The top bar: File and Edit menus, examples, document name and save status, model picker, run controls, theme and the Help menu with the lessons (undo/redo sit with the canvas' zoom controls). */
export function TopBar() {
  const store = useAppStoreApi();
  const files = useFileCommands();
  const commands = useEditorCommands();
  const { ModelPicker, RunControls } = useSlots();
  const theme = useAppStore((s) => s.theme);
  const canUndo = useHistory((h) => h.pastStates.length > 0);
  const canRedo = useHistory((h) => h.futureStates.length > 0);
  const autosave = useAppStore((s) => s.autosave);
  return (
    <header className="topbar" data-testid="topbar">
      <div className="brand" title="GoT Studio">
        <span className="brand-mark" aria-hidden>
          ⋈
        </span>
        <span className="brand-name">GoT Studio</span>
      </div>
      <Menu
        label="File"
        testId="menu-file"
        items={[
          { label: 'New', shortcut: 'Alt+N', onSelect: files.newDocument, testId: 'file-new' },
          { label: 'Open…', shortcut: 'Ctrl+O', onSelect: () => void files.open(), testId: 'file-open' },
          { label: 'Recent…', onSelect: () => store.getState().openDialog({ kind: 'recent' }), testId: 'file-recent' },
          'separator',
          { label: 'Save', shortcut: 'Ctrl+S', onSelect: () => void files.save(), testId: 'file-save' },
          { label: 'Save as…', shortcut: 'Ctrl+Shift+S', onSelect: () => void files.saveAs(), testId: 'file-save-as' },
          'separator',
          { label: 'Export PNG', onSelect: () => void files.exportImage('png'), testId: 'file-export-png' },
          { label: 'Export SVG', onSelect: () => void files.exportImage('svg'), testId: 'file-export-svg' },
          { label: 'Export to Python…', onSelect: () => store.getState().openDialog({ kind: 'pythonExport' }), testId: 'file-export-python' },
          { label: 'Copy share link', onSelect: files.shareLink, testId: 'file-share' },
        ]}
      />
      <Menu
        label="Edit"
        testId="menu-edit"
        items={[
          { label: 'Undo', shortcut: 'Ctrl+Z', onSelect: commands.undo, disabled: !canUndo, testId: 'edit-undo' },
          { label: 'Redo', shortcut: 'Ctrl+Shift+Z', onSelect: commands.redo, disabled: !canRedo, testId: 'edit-redo' },
          'separator',
          { label: 'Duplicate', shortcut: 'Ctrl+D', onSelect: commands.duplicateSelection },
          { label: 'Delete', shortcut: 'Delete', onSelect: commands.deleteSelection },
          { label: 'Select all', shortcut: 'Ctrl+A', onSelect: commands.selectAll },
          'separator',
          { label: 'Add operation…', shortcut: '/', onSelect: commands.openQuickAdd },
          { label: 'Add comment', shortcut: 'Shift+C', onSelect: commands.addComment },
          { label: 'Auto layout', shortcut: 'Shift+L', onSelect: () => void commands.autoLayout(), testId: 'edit-layout' },
          { label: 'Fit view', shortcut: 'Shift+1', onSelect: commands.fitView },
        ]}
      />
      <button type="button" className="btn" onClick={() => store.getState().openDialog({ kind: 'gallery' })} data-testid="open-gallery" title="Examples" aria-label="Examples">
        <span className="btn-icon" aria-hidden>
          ▤
        </span>
        <span className="btn-text">Examples</span>
      </button>
      <DocumentName />
      <span className="spacer" />
      {autosave.state === 'error' ? (
        <span className="autosave-error" title={autosave.message} data-testid="autosave-error">
          Autosave paused
        </span>
      ) : null}
      <div className="slot-model" data-testid="slot-model">
        <ModelPicker />
      </div>
      <div className="slot-run" data-testid="slot-run">
        {RunControls ? <RunControls /> : null}
      </div>
      <button type="button" className="btn" aria-label="Present" title="Presentation mode (Shift+P)" onClick={() => store.getState().setPresenting(true)} data-testid="present">
        <span className="btn-icon" aria-hidden>
          ▷
        </span>
        <span className="btn-text">Present</span>
      </button>
      <button type="button" className="icon-btn" aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} title="Theme" onClick={() => store.getState().setTheme(theme === 'dark' ? 'light' : 'dark')} data-testid="theme-toggle">
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      <Menu
        label="Help"
        testId="help-menu"
        alignEnd
        items={[
          { label: 'Keyboard shortcuts', shortcut: '?', onSelect: () => store.getState().openDialog({ kind: 'help' }), testId: 'help' },
          'separator',
          { label: `Lesson: ${LESSON_NAMES.schemes}`, onSelect: () => openLesson(store, 'schemes'), testId: 'help-lesson-schemes' },
          { label: `Lesson: ${LESSON_NAMES.gain}`, onSelect: () => openLesson(store, 'gain'), testId: 'help-lesson-gain' },
        ]}
      />
    </header>
  );
}
