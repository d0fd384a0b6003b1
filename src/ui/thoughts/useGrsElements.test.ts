import { describe, expect, it } from 'vitest';
// React Flow's own rule for which nodes it renders (the package @xyflow/react is built on).
import { adoptUserNodes, getNodesInside } from '@xyflow/system';
import { grsNode } from './useGrsElements';

describe('the Thoughts canvas nodes React Flow is handed', () => {
  it('leaves a new card off screen unmounted: its size counts as measured, so React Flow has no reason to render it once to measure it', () => {
    const onScreen = grsNode('t1', 'thought', { x: 0, y: 0 }, {}, 240, 128);
    const offScreen = grsNode('t2', 'thought', { x: 0, y: 50_000 }, {}, 240, 128);
    const lookup = new Map();
    adoptUserNodes([onScreen, offScreen], lookup, new Map());
    const rendered = getNodesInside(lookup, { x: 0, y: 0, width: 1280, height: 720 }, [0, 0, 1], true).map((n) => n.id);
    expect(rendered).toEqual(['t1']);
  });

  it('would be rendered off screen by React Flow without the declared measurement (what the declaration avoids)', () => {
    const { measured: _m, handles: _h, ...bare } = grsNode('t2', 'thought', { x: 0, y: 50_000 }, {}, 240, 128);
    const lookup = new Map();
    adoptUserNodes([bare], lookup, new Map());
    expect(getNodesInside(lookup, { x: 0, y: 0, width: 1280, height: 720 }, [0, 0, 1], true).map((n) => n.id)).toEqual(['t2']);
  });
});
