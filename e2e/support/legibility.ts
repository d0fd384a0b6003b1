import type { Page } from '@playwright/test';

/** What a reader sees of the Operations canvas on screen, measured from rendered boxes. */
export interface CanvasLegibility {
  /** Operation, input and final-thoughts nodes rendered. */
  nodes: number;
  /** Nodes not wholly inside the canvas. */
  outside: string[];
  /** Nodes the minimap covers. */
  underMinimap: string[];
  /** The shortest line box of any node title, in CSS pixels. */
  smallestTitleLine: number;
}

/** Measures every node of the Operations canvas: inside the canvas or not, under the minimap or not, and each title line's height. */
export const canvasLegibility = (page: Page): Promise<CanvasLegibility> =>
  page.getByTestId('canvas').evaluate((canvas) => {
    const c = canvas.querySelector('.react-flow')!.getBoundingClientRect();
    const mini = canvas.querySelector('.react-flow__minimap')?.getBoundingClientRect() ?? null;
    const nodes = [...canvas.querySelectorAll<HTMLElement>('.react-flow__node-operation, .react-flow__node-runInput, .react-flow__node-runOutput')];
    const outside: string[] = [];
    const underMinimap: string[] = [];
    let smallest = Infinity;
    for (const n of nodes) {
      const r = n.getBoundingClientRect();
      const id = n.dataset.id ?? '?';
      if (r.left < c.left - 0.5 || r.top < c.top - 0.5 || r.right > c.right + 0.5 || r.bottom > c.bottom + 0.5) outside.push(id);
      if (mini && r.left < mini.right && r.right > mini.left && r.top < mini.bottom && r.bottom > mini.top) underMinimap.push(id);
      const title = n.querySelector('.op-name, .terminal-title');
      if (!title) continue;
      const range = document.createRange();
      range.selectNodeContents(title);
      for (const line of range.getClientRects()) smallest = Math.min(smallest, line.height);
    }
    return { nodes: nodes.length, outside, underMinimap, smallestTitleLine: Math.round(smallest * 10) / 10 };
  });
