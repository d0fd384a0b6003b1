import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { EdgePath } from '../layout/edgePaths';

export type EdgeLayerData = { paths: readonly EdgePath[]; width: number; height: number };
export type EdgeLayerNode = Node<EdgeLayerData, 'edges'>;

/** Every edge of the GRS in one SVG under the cards (a node at the layout's origin, so it pans and zooms with them). */
export const EdgeLayer = memo(function EdgeLayer({ data }: NodeProps<EdgeLayerNode>) {
  return (
    <svg className="grs-edges" width={data.width} height={data.height} aria-hidden="true" data-testid="grs-edges">
      {data.paths.map((p) => (
        <g key={p.key} className={`grs-edge ${p.style}`}>
          <path d={p.d} />
        </g>
      ))}
    </svg>
  );
});
