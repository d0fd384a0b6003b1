import type { useReactFlow } from '@xyflow/react';
import { canvasSize } from '../canvas/startView';
import type { AppStore } from '../store/createAppStore';
import { presentViewport } from './presentType';

type Flow = ReturnType<typeof useReactFlow>;

/** The presented Operations canvas: whole when its titles stay presentable, else around `focus` (an operation id). */
export function showPresentedOperations(flow: Flow, focus: string | null, duration = 0): void {
  const view = canvasSize();
  const nodes = flow.getNodes();
  if (!view || nodes.length === 0) return;
  const graph = flow.getNodesBounds(nodes);
  const node = focus ? flow.getNode(focus) : undefined;
  const box = node ? { ...node.position, width: node.measured?.width ?? 220, height: node.measured?.height ?? 96 } : null;
  void flow.setViewport(presentViewport(graph, view, box), { duration });
}

/** F: fits what is on screen, the Operations canvas here and the thoughts canvas (its own React Flow instance) by request. */
export function fitPresented(store: AppStore, flow: Flow): void {
  const s = store.getState();
  // Presenting selects the operation in focus: a graph too big to show whole is shown around it.
  const sel = s.runUi.selection;
  if (s.runUi.view !== 'thoughts') showPresentedOperations(flow, sel?.kind === 'operation' ? sel.id : null, 200);
  if (s.runUi.view !== 'operations') s.requestPresentFit();
}
