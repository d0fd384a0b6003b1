import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useAppStore } from '../store/StoreProvider';

/** The run's start: the input state (hop 0) every root operation receives. */
export const InputNodeView = memo(function InputNodeView() {
  const keys = useAppStore((s) => Object.keys(s.doc.input ?? {}).join(', '));
  const dataset = useAppStore((s) => (s.doc.dataset ? `${s.doc.dataset.file} #${s.doc.dataset.sample}` : ''));
  return (
    <div className="terminal-node input-node" data-testid="input-node">
      <div className="terminal-title">Input</div>
      <div className="terminal-body">{keys || 'empty state'}</div>
      {dataset ? <div className="terminal-body muted">{dataset}</div> : null}
      <Handle type="source" position={Position.Right} className="handle handle-out" isConnectable={false} />
    </div>
  );
});

/** The run's end: the output thoughts of the operations nothing follows. */
export const OutputNodeView = memo(function OutputNodeView(_props: NodeProps) {
  const sinks = useAppStore((s) => s.doc.operations.filter((o) => !s.doc.operations.some((x) => x.inputs.includes(o.id))).length);
  return (
    <div className="terminal-node output-node" data-testid="output-node">
      <Handle type="target" position={Position.Left} className="handle handle-in" isConnectable={false} />
      <div className="terminal-title">Final thoughts</div>
      <div className="terminal-body">
        from {sinks} operation{sinks === 1 ? '' : 's'}
      </div>
    </div>
  );
});
