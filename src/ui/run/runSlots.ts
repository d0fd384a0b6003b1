import type { EditorSlots } from '../shell/slots';
import { RunControls } from './controls/RunControls';
import { RunPanel } from './panel/RunPanel';
import { RunHeadless } from './RunHeadless';
import { RunNodeStrip } from './RunNodeStrip';
import { ModelPicker } from './settings/ModelPicker';

/** The live-run view's pieces, plugged into the editor's slots. */
export const runSlots: Partial<EditorSlots> = {
  ModelPicker,
  RunControls,
  NodeStrip: RunNodeStrip,
  SidePanel: RunPanel,
  Headless: RunHeadless,
};
