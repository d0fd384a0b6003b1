import { useMemo, useRef } from 'react';
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { operationDefinitions, type GotDocument } from '../../engine/index';
import type { XY } from '../document/graphEdits';
import { INPUT_NODE_ID, OUTPUT_NODE_ID } from './nodeTypes';
import { terminalPositions } from './terminalPositions';

const EMPTY = {};
/** Stable data objects per category (for the minimap's colours), so node objects stay reusable. */
const CATEGORY_DATA = { llm: { category: 'llm' }, annotate: { category: 'annotate' }, filter: { category: 'filter' } } as const;
const NO_STACKS = new Map<string, never>();
const ARROW = { type: MarkerType.ArrowClosed, width: 16, height: 16 };

/**
 * React Flow nodes and edges derived from the document, the selection and in-flight drags. Node
 * objects are reused while nothing about them changed, so React Flow skips re-measuring them.
 */
export function useFlowElements(doc: GotDocument, selection: readonly string[], dragging: Readonly<Record<string, XY>>, selectedEdges: ReadonlySet<string>, measureTick: number, stacks: ReadonlyMap<string, unknown> = NO_STACKS) {
  const nodeCache = useRef(new Map<string, Node>());
  const edgeCache = useRef(new Map<string, Edge>());
  /** Sizes React Flow measured, handed back on new node objects so moved nodes are not re-measured. */
  const measured = useRef(new Map<string, { width: number; height: number }>());

  const nodes = useMemo(() => {
    const selected = new Set(selection);
    const prev = nodeCache.current;
    const next = new Map<string, Node>();
    const reuse = (id: string, type: string, position: XY, extra: Partial<Node> = {}) => {
      const sel = selected.has(id);
      const old = prev.get(id);
      const size = measured.current.get(id);
      const sameExtra = Object.entries(extra).every(([k, v]) => (old as Record<string, unknown> | undefined)?.[k] === v);
      const node = old && old.type === type && old.position.x === position.x && old.position.y === position.y && !!old.selected === sel && old.measured === size && sameExtra ? old : { id, type, position, data: EMPTY, selected: sel, ...(size ? { measured: size } : {}), ...extra };
      next.set(id, node);
      return node;
    };
    const list: Node[] = [];
    const t = terminalPositions(doc);
    list.push(reuse(INPUT_NODE_ID, 'runInput', t.input, { draggable: false, selectable: false, deletable: false }));
    for (const c of doc.comments) list.push(reuse(c.id, 'comment', dragging[c.id] ?? c.position, { width: c.width ?? 220, height: c.height ?? 120, zIndex: -1 }));
    for (const o of doc.operations) list.push(reuse(o.id, 'operation', dragging[o.id] ?? o.position ?? { x: 0, y: 0 }, { data: CATEGORY_DATA[operationDefinitions[o.type].category] }));
    list.push(reuse(OUTPUT_NODE_ID, 'runOutput', t.output, { draggable: false, selectable: false, deletable: false }));
    nodeCache.current = next;
    return list;
    // measureTick: new sizes must reach the user nodes (the minimap and image export read them).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, selection, dragging, measureTick]);

  const edges = useMemo(() => {
    const prev = edgeCache.current;
    const next = new Map<string, Edge>();
    const list: Edge[] = [];
    const hasSuccessor = new Set(doc.operations.flatMap((o) => o.inputs));
    for (const o of doc.operations) {
      if (!o.inputs.length) list.push(implicit(`${INPUT_NODE_ID}->${o.id}`, INPUT_NODE_ID, o.id, prev, next));
      o.inputs.forEach((from, i) => {
        const id = `${from}->${o.id}`;
        const sel = selectedEdges.has(id);
        const old = prev.get(id);
        const data = old?.data as { order: number; count: number } | undefined;
        // An edge of a folded stack stands for several: it cannot be selected (and so deleted) as one.
        const whole = !stacks.has(from) && !stacks.has(o.id);
        const edge =
          old && data?.order === i + 1 && data.count === o.inputs.length && !!old.selected === sel && old.selectable !== false === whole
            ? old
            : { id, source: from, target: o.id, type: 'ordered', data: { order: i + 1, count: o.inputs.length }, selected: sel && whole, markerEnd: ARROW, ...(whole ? {} : { selectable: false, deletable: false }) };
        next.set(id, edge);
        list.push(edge);
      });
    }
    for (const o of doc.operations) if (!hasSuccessor.has(o.id)) list.push(implicit(`${o.id}->${OUTPUT_NODE_ID}`, o.id, OUTPUT_NODE_ID, prev, next));
    edgeCache.current = next;
    return list;
  }, [doc, selectedEdges, stacks]);

  return { nodes, edges, measured: measured.current };
}

function implicit(id: string, source: string, target: string, prev: Map<string, Edge>, next: Map<string, Edge>): Edge {
  const edge = prev.get(id) ?? { id, source, target, className: 'implicit-edge', selectable: false, deletable: false, focusable: false };
  next.set(id, edge);
  return edge;
}
