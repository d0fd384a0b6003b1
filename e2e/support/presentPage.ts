import { expect, type Locator, type Page } from '@playwright/test';
import { canvasLegibility } from './legibility';

type Rect = { left: number; top: number; right: number; bottom: number };

/** A page object for presentation mode, driven from the keyboard as a speaker would. */
export class PresentPage {
  constructor(readonly page: Page) {}

  caption(): Locator {
    return this.page.getByTestId('present-caption');
  }

  /** The operation the caption is about. */
  op(): Locator {
    return this.page.getByTestId('present-op');
  }

  state(): Locator {
    return this.page.getByTestId('present-state');
  }

  status(): Locator {
    return this.page.getByTestId('present-status');
  }

  async key(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Thoughts on the thoughts canvas at the moment shown. */
  async thoughts(): Promise<number> {
    return Number(await this.page.getByTestId('grs-canvas').getAttribute('data-thoughts'));
  }

  /** The smallest line box of any operation title on the Operations canvas, in CSS pixels. */
  async opTitleLine(): Promise<number> {
    return (await canvasLegibility(this.page)).smallestTitleLine;
  }

  /** The median line box of the thought cards' volume/latency figures on screen, in CSS pixels. */
  cardFigureLine(): Promise<number> {
    return this.page.getByTestId('grs-canvas').evaluate((grs) => {
      const pane = grs.getBoundingClientRect();
      const lines: number[] = [];
      for (const el of grs.querySelectorAll('[data-testid="thought-volume"]')) {
        const r = el.getBoundingClientRect();
        if (r.bottom < pane.top || r.top > pane.bottom || r.right < pane.left || r.left > pane.right) continue;
        const range = document.createRange();
        range.selectNodeContents(el);
        for (const line of range.getClientRects()) lines.push(line.height);
      }
      lines.sort((a, b) => a - b);
      return Math.round((lines[Math.floor(lines.length / 2)] ?? 0) * 10) / 10;
    });
  }

  /** The caption's rendered font size, in CSS pixels. */
  captionFontPx(): Promise<number> {
    return this.page.getByTestId('present-what').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  }

  /** Boxes of what is on screen: the canvases, the caption and the minimap. */
  boxes(): Promise<{
    canvas: Rect | null;
    grs: Rect | null;
    caption: Rect | null;
    minimap: Rect | null;
    viewport: { width: number; height: number };
  }> {
    return this.page.evaluate(() => {
      const box = (sel: string): Rect | null => {
        const el = document.querySelector(sel);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return null;
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      return {
        canvas: box('[data-testid="canvas"] .react-flow'),
        grs: box('[data-testid="grs-canvas"]'),
        caption: box('[data-testid="present-caption"]'),
        minimap: box('.react-flow__minimap'),
        viewport: { width: window.innerWidth, height: window.innerHeight },
      };
    });
  }

  /** Waits until the caption names `label` in `state`. */
  async expectCaption(state: 'Next' | 'Running' | 'Done', label: string | RegExp, timeout = 20_000): Promise<void> {
    await expect(this.state()).toHaveText(state, { timeout });
    await expect(this.op()).toHaveText(label, { timeout });
  }
}
