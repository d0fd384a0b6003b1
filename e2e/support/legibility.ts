import type { Locator, Page } from '@playwright/test';

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

/** A piece of text a reader can see on a canvas: its text, its element's class, whether it is a figure or a card's flag, its type size on screen (CSS px). */
export interface CanvasWord {
  text: string;
  cls: string;
  numeral: boolean;
  px: number;
}

/**
 * Every text drawn on the canvas `root` (its nodes, edges' labels, bands and keys), or only inside `nodes` (a selector of its
 * nodes), with its type size on screen: the font size times the canvas zoom inside the graph, times any scale a band is drawn
 * at. A numeral is any text with a digit, and a card's flag ("final", "solved", "invalid"). Hidden, empty and off-pane text,
 * tooltips (an SVG <title>) and a select's options are left out.
 */
export const canvasWords = (root: Locator, nodes?: string): Promise<{ zoom: number; words: CanvasWord[] }> =>
  root.evaluate((canvas, nodes) => {
    const pane = canvas.getBoundingClientRect();
    const viewport = canvas.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
    const words: Array<{ text: string; cls: string; numeral: boolean; px: number }> = [];
    for (const scope of nodes ? canvas.querySelectorAll(nodes) : [canvas]) {
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        const text = (n.textContent ?? '').trim();
        if (!el || !text || el.closest('title, select') || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const r = range.getBoundingClientRect();
        if (r.width === 0 || r.right <= pane.left || r.left >= pane.right || r.bottom <= pane.top || r.top >= pane.bottom) continue;
        let scale = viewport?.contains(el) ? zoom : 1;
        const band = el.closest<HTMLElement>('.grs-band > div');
        if (band) scale *= new DOMMatrix(getComputedStyle(band).transform).a;
        const numeral = /\d/.test(text) || el.closest('.thought-flag, .compact-final') !== null;
        words.push({ text: text.slice(0, 40), cls: String(el.className), numeral, px: parseFloat(getComputedStyle(el).fontSize) * scale });
      }
    }
    return { zoom, words };
  }, nodes);
