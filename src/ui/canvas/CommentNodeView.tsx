import { memo } from 'react';
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { commentIndex } from '../document/docIndex';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';

/** A sticky note on the canvas: editable text, resizable. */
export const CommentNodeView = memo(function CommentNodeView({ id, selected }: NodeProps) {
  const comment = useAppStore((s) => commentIndex(s.doc).get(id));
  const store = useAppStoreApi();
  if (!comment) return null;
  return (
    <div className="comment-node" data-testid={`comment-${id}`}>
      <NodeResizer
        isVisible={selected}
        minWidth={120}
        minHeight={60}
        onResizeEnd={(_e, p) => {
          store.getState().updateComment(id, { width: Math.round(p.width), height: Math.round(p.height) });
          store.getState().moveItems({ [id]: { x: p.x, y: p.y } });
        }}
      />
      <textarea
        className="comment-text nodrag nowheel"
        aria-label="Comment"
        placeholder="Write a note…"
        value={comment.text}
        onChange={(e) => store.getState().updateComment(id, { text: e.target.value })}
      />
    </div>
  );
});
