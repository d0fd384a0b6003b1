import { expect, type Locator, type Page } from '@playwright/test';

/** Screenshots go here (Playwright empties test-results/ at start). */
export const SHOTS = 'test-results/screens';

/** A page object for the GoT Studio editor, driven as a user would (mouse, keyboard, menus). */
export class EditorPage {
  constructor(readonly page: Page) {}

  /** Opens the app without the File System Access API, so Open/Save use the file input and downloads. */
  async open(path = '/'): Promise<void> {
    await this.page.addInitScript(() => {
      Object.defineProperty(window, 'showOpenFilePicker', { value: undefined, configurable: true });
      Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });
    });
    await this.page.goto(path);
    await expect(this.canvas().locator('.react-flow__viewport')).toBeVisible();
  }

  /** Starts from an empty canvas through the gallery's "Build your own". */
  async startEmpty(): Promise<void> {
    await this.page.getByTestId('open-gallery').click();
    await this.page.getByTestId('gallery-empty').click();
    await expect(this.opNodes()).toHaveCount(0);
  }

  /** The Graph of Operations canvas (the run view may add another React Flow beside it). */
  canvas(): Locator {
    return this.page.getByTestId('canvas');
  }

  opNodes(): Locator {
    return this.canvas().locator('.react-flow__node-operation');
  }

  node(id: string): Locator {
    return this.canvas().locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** Zooms the canvas out by pressing `-` n times with the pointer over the canvas. */
  async zoomOut(times: number): Promise<void> {
    const box = (await this.page.getByTestId('canvas').boundingBox())!;
    await this.page.mouse.move(box.x + 20, box.y + 20);
    for (let i = 0; i < times; i++) await this.page.keyboard.press('-');
    await this.page.waitForTimeout(250);
  }

  /** Drags an operation from the palette onto the canvas at screen point (x, y); returns its new id. */
  async dragOperation(type: string, x: number, y: number): Promise<string> {
    const before = await this.opNodes().count();
    await this.page.getByTestId(`palette-${type}`).dragTo(this.page.getByTestId('canvas'), { targetPosition: await this.canvasPoint(x, y) });
    await expect(this.opNodes()).toHaveCount(before + 1);
    return (await this.page.getByTestId('op-id').textContent())!.trim();
  }

  private async canvasPoint(x: number, y: number): Promise<{ x: number; y: number }> {
    const box = (await this.page.getByTestId('canvas').boundingBox())!;
    return { x: x - box.x, y: y - box.y };
  }

  /** Drags from one operation's output handle to another's input handle. */
  async connect(from: string, to: string): Promise<void> {
    const a = (await this.node(from).locator('.react-flow__handle.source').boundingBox())!;
    const b = (await this.node(to).locator('.react-flow__handle.target').boundingBox())!;
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 10, { steps: 4 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
    await this.page.mouse.up();
  }

  edge(from: string, to: string): Locator {
    return this.canvas().locator(`.react-flow__edge[data-id="${from}->${to}"]`);
  }

  /** Clicks an edge at a point on its path (a third of the way along, clear of its label), as a user selects it. */
  async clickEdge(from: string, to: string): Promise<void> {
    const at = await this.edge(from, to)
      .locator('path.react-flow__edge-interaction')
      .evaluate((el) => {
        const path = el as SVGPathElement;
        const p = path.getPointAtLength(path.getTotalLength() / 3);
        const m = path.getScreenCTM()!;
        return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
      });
    await this.page.mouse.click(at.x, at.y);
  }

  /** Selects an operation by clicking its title. */
  async select(id: string): Promise<void> {
    const head = this.node(id).locator('.op-node-head');
    // As a person would: a node outside the visible part of the canvas (e.g. under the Thoughts pane in split view) is first brought into view.
    const pane = await this.page.getByTestId('canvas').boundingBox();
    const box = await head.boundingBox();
    const inside = pane && box && box.x >= pane.x && box.y >= pane.y && box.x + box.width <= pane.x + pane.width && box.y + box.height <= pane.y + pane.height;
    if (!inside) await this.page.getByTestId('canvas').locator('.react-flow__controls-fitview').click();
    await head.click();
    await expect(this.page.getByTestId('op-id')).toHaveText(id);
  }

  field(key: string): Locator {
    return this.page.getByTestId('operation-inspector').getByTestId(`field-${key}`);
  }

  /** Types into a CodeMirror template field (replacing its text). */
  async typeTemplate(key: string, text: string): Promise<void> {
    const editor = this.field(key).locator('.cm-content').first();
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }

  async setNumber(key: string, value: number): Promise<void> {
    await this.field(key).locator('input[type=number]').fill(String(value));
  }

  /** Moves focus off the fields so canvas shortcuts apply. */
  async blurFields(): Promise<void> {
    await this.page.getByTestId('inspector').locator('.inspector-head, .section-title').first().click();
  }

  async deselect(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('document-inspector')).toBeVisible();
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${SHOTS}/${name}.png` });
  }
}
