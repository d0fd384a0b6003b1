import { memo, useMemo } from 'react';
import { Background, Controls, Handle, Position, ReactFlow, ReactFlowProvider, type Edge, type Node, type NodeProps } from '@xyflow/react';
import type { GotDocument, GrsState } from '../../engine/index';
import { operationOrder } from '../../engine/index';
import { useAppStore } from '../store/StoreProvider';
import { INPUT_LANE, laneLayout, LANE_HEADER, CARD_WIDTH, CARD_HEIGHT, stackId, laneNodeId, type LaneItem } from '../thoughts/layout/laneLayout';
import { opLabelOf } from '../thoughts/opLabels';
import { thoughtText } from '../thoughts/thoughtText';
import { FORK_PREFIX, ORIGINAL_PREFIX, type CompareMark, type CompareThought, type ForkComparison } from './forkDiff';

type LaneData = { label: string; side: 'original' | 'fork' | null };
type CardData = { item: CompareThought; label: string; final: 'original' | 'fork' | null };
type StackData = { count: number };
type CompareNode = Node<LaneData, 'cmpLane'> | Node<CardData, 'cmpThought'> | Node<StackData, 'cmpStack'>;

const MARK_LABEL: Record<CompareMark, string> = { shared: 'in both', edited: 'edited in the fork', replaced: 'original only', new: 'fork only' };

const LaneBox = memo(function LaneBox({ data }: NodeProps<Node<LaneData, 'cmpLane'>>) {
  return (
    <div className={`cmp-lane${data.side ? ` side-${data.side}` : ''}`}>
      <div className="cmp-lane-head" style={{ height: LANE_HEADER }}>
        <span className="cmp-lane-label">{data.label}</span>
        {data.side ? <span className={`cmp-side side-${data.side}`}>{data.side === 'original' ? 'original' : 'fork'}</span> : null}
      </div>
    </div>
  );
});

const ThoughtBox = memo(function ThoughtBox({ data }: NodeProps<Node<CardData, 'cmpThought'>>) {
  const t = data.item.thought;
  const score = t.scored ? `score ${t.score ?? '—'}` : 'unscored';
  return (
    <div
      className={`cmp-card mark-${data.item.mark}${t.pruned ? ' is-pruned' : ''}${data.final ? ' is-final' : ''}`}
      style={{ width: CARD_WIDTH, height: CARD_HEIGHT }}
      data-testid={data.final ? `cmp-final-${data.final}` : 'cmp-card'}
      data-mark={data.item.mark}
      title={`${data.label}: ${MARK_LABEL[data.item.mark]}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="cmp-handle" />
      <Handle type="source" position={Position.Right} isConnectable={false} className="cmp-handle" />
      <div className="cmp-card-head">
        <span className="cmp-mark">{data.final ? `final · ${MARK_LABEL[data.item.mark]}` : MARK_LABEL[data.item.mark]}</span>
        <span>{score}</span>
      </div>
      <div className="cmp-card-text">{thoughtText(t.state)}</div>
      <div className="cmp-card-foot">
        vol {t.volume} · lat {t.latency}
        {t.solved === true ? ' · solved' : t.solved === false ? ' · not solved' : ''}
        {t.pruned ? ' · not kept' : ''}
      </div>
    </div>
  );
});

const StackBox = memo(function StackBox({ data }: NodeProps<Node<StackData, 'cmpStack'>>) {
  return <div className="cmp-stack" style={{ width: CARD_WIDTH }}>+{data.count} not kept</div>;
});

const nodeTypes = { cmpLane: LaneBox, cmpThought: ThoughtBox, cmpStack: StackBox };

/** Lanes in run order, each operation's original lane before the fork's, so the two sides of a re-run stack one above the other. */
function laneOrder(doc: GotDocument | null): string[] {
  const ids = doc ? operationOrder(doc).map((o) => o.id as string) : [];
  return [`${ORIGINAL_PREFIX}input`, `${FORK_PREFIX}input`, ...ids.flatMap((id) => [id, `${ORIGINAL_PREFIX}${id}`, `${FORK_PREFIX}${id}`])];
}

function sideOf(lane: string): { opId: string; side: LaneData['side'] } {
  if (lane.startsWith(ORIGINAL_PREFIX)) return { opId: lane.slice(ORIGINAL_PREFIX.length), side: 'original' };
  if (lane.startsWith(FORK_PREFIX)) return { opId: lane.slice(FORK_PREFIX.length), side: 'fork' };
  return { opId: lane, side: null };
}

/** The cards, lanes and edges of a comparison, laid out by the Thoughts view's lane layout. */
export function compareElements(c: ForkComparison, original: GrsState, fork: GrsState): { nodes: CompareNode[]; edges: Edge[]; focus: string[] } {
  const doc = fork.document ?? original.document;
  // The edited thought and its pre-edit version stay on view even when a filter dropped them.
  const keepShown = (t: CompareThought) => t.mark === 'edited' || (t.mark === 'replaced' && c.thoughts.some((e) => e.mark === 'edited' && e.thought.id === t.thought.id));
  const items: LaneItem[] = c.thoughts.map((t) => ({ id: t.key, opId: t.lane, parents: t.parents, pruned: t.thought.pruned !== null && !keepShown(t) }));
  const layout = laneLayout(items, laneOrder(doc), new Set());
  const byKey = new Map(c.thoughts.map((t) => [t.key, t]));
  const finals = new Map<string, 'original' | 'fork'>();
  for (const id of original.summary?.finalThoughtIds ?? []) finals.set(c.thoughts.find((t) => t.thought.id === id && t.mark !== 'new')?.key ?? id, 'original');
  for (const id of fork.summary?.finalThoughtIds ?? []) finals.set(c.thoughts.find((t) => t.thought.id === id && t.mark !== 'replaced')?.key ?? id, 'fork');
  const nodes: CompareNode[] = [];
  for (const lane of layout.lanes) {
    const { opId, side } = sideOf(lane.opId);
    const label = opId === INPUT_LANE || opId === 'input' ? 'Input' : opLabelOf(doc, opId);
    nodes.push({ id: laneNodeId(lane.opId), type: 'cmpLane', position: { x: lane.x, y: lane.y }, data: { label, side }, style: { width: lane.width, height: lane.height }, zIndex: -1, selectable: false });
    if (lane.stack) nodes.push({ id: stackId(lane.opId), type: 'cmpStack', position: lane.stack, data: { count: lane.folded }, selectable: false });
  }
  for (const [key, at] of layout.cards) {
    const item = byKey.get(key);
    if (!item) continue;
    nodes.push({ id: key, type: 'cmpThought', position: at, data: { item, label: opLabelOf(doc, item.thought.opId), final: finals.get(key) ?? null }, selectable: false });
  }
  const edges: Edge[] = [];
  for (const [key] of layout.cards) {
    const item = byKey.get(key);
    for (const p of item?.parents ?? []) {
      if (!layout.cards.has(p) || !item) continue;
      edges.push({ id: `${p}->${key}`, source: p, target: key, className: `cmp-edge mark-${item.mark}` });
    }
  }
  const focus = c.thoughts.filter((t) => (t.mark === 'edited' || finals.has(t.key)) && layout.cards.has(t.key)).map((t) => t.key);
  return { nodes, edges, focus };
}

function CompareFlow({ comparison, original, fork }: { comparison: ForkComparison; original: GrsState; fork: GrsState }) {
  const theme = useAppStore((s) => s.theme);
  const { nodes, edges, focus } = useMemo(() => compareElements(comparison, original, fork), [comparison, original, fork]);
  // Open on the edit and both final thoughts (cards readable), not on the whole run shrunk to fit.
  const fitViewOptions = useMemo(() => ({ nodes: focus.map((id) => ({ id })), minZoom: 0.55, maxZoom: 1, padding: 0.05 }), [focus]);
  return (
    <div className="cmp-canvas" data-testid="fork-compare-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.05}
        colorMode={theme}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/** One canvas with both runs: shared thoughts once, the original's replaced branch and the fork's new one side by side. */
export function ForkCompareCanvas(props: { comparison: ForkComparison; original: GrsState; fork: GrsState }) {
  return (
    <ReactFlowProvider>
      <CompareFlow {...props} />
    </ReactFlowProvider>
  );
}
