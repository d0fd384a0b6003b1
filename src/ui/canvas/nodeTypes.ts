import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { CommentNodeView } from './CommentNodeView';
import { OperationNodeView } from './OperationNodeView';
import { OrderedEdge } from './OrderedEdge';
import { InputNodeView, OutputNodeView } from './TerminalNodes';

/** Node and edge types, defined once at module level so React Flow never remounts them. */
export const nodeTypes: NodeTypes = { operation: OperationNodeView, runInput: InputNodeView, runOutput: OutputNodeView, comment: CommentNodeView };
export const edgeTypes: EdgeTypes = { ordered: OrderedEdge };

export const INPUT_NODE_ID = '__input';
export const OUTPUT_NODE_ID = '__output';
