import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { EditorPage, SHOTS } from './editorPage';

/** Model settings a test can set through the dialog, as a user would. */
export interface DialogSettings {
  provider?: 'simulator' | 'openai' | 'proxy';
  latencyMs?: number;
  baseUrl?: string;
  model?: string;
  key?: string;
  remember?: boolean;
  cache?: boolean;
  stallSeconds?: number;
}

/** A page object for the live-run view: run controls, model settings, thoughts canvas, details, summary, compare. */
export class RunPage {
  readonly editor: EditorPage;

  constructor(readonly page: Page) {
    this.editor = new EditorPage(page);
  }

  /** Opens the app on its default example (the GoT sorting-32 graph). */
  async open(): Promise<void> {
    await this.editor.open();
    await expect(this.page.getByTestId('run-start')).toBeEnabled();
  }

  status(): Locator {
    return this.page.getByTestId('run-status');
  }

  async setModel(s: DialogSettings): Promise<void> {
    await this.page.getByTestId('model-picker').click();
    const dialog = this.page.getByTestId('model-settings');
    if (s.provider) await dialog.getByTestId(`provider-${s.provider}`).check();
    if (s.latencyMs !== undefined) await dialog.getByTestId('sim-latency').fill(String(s.latencyMs));
    if (s.baseUrl !== undefined) await dialog.getByTestId('openai-base-url').fill(s.baseUrl);
    if (s.model !== undefined) await dialog.getByTestId(s.provider === 'proxy' ? 'proxy-model' : 'openai-model').fill(s.model);
    if (s.key !== undefined) await dialog.getByTestId('openai-key').fill(s.key);
    if (s.remember !== undefined) await dialog.getByTestId('remember-key').setChecked(s.remember);
    if (s.cache !== undefined) await dialog.getByTestId('cache').setChecked(s.cache);
    if (s.stallSeconds !== undefined) await dialog.getByTestId('stall-seconds').fill(String(s.stallSeconds));
  }

  /** Presses "Test connection" in the open dialog and returns the verdict text. */
  async testConnection(): Promise<string> {
    await this.page.getByTestId('test-connection').click();
    const verdict = this.page.getByTestId('connection-verdict');
    await expect(verdict).toBeVisible({ timeout: 30_000 });
    return (await verdict.textContent()) ?? '';
  }

  async saveModel(): Promise<void> {
    await this.page.getByTestId('model-settings-save').click();
    await expect(this.page.getByTestId('model-settings')).toHaveCount(0);
  }

  async run(): Promise<void> {
    await this.page.getByTestId('run-start').click();
  }

  /** Waits until the run has ended (finished, failed or cancelled). */
  async waitDone(timeout = 60_000): Promise<void> {
    await expect(this.status()).toHaveText(/^(Done|Cancelled|Failed|Budget cap hit)/, { timeout });
  }

  async view(v: 'operations' | 'split' | 'thoughts' | 'compare'): Promise<void> {
    await this.page.getByTestId(`view-${v}`).click();
  }

  async tab(t: 'detail' | 'summary' | 'history'): Promise<void> {
    await this.page.getByTestId(`tab-${t}`).click();
  }

  grs(): Locator {
    return this.page.getByTestId('grs-canvas');
  }

  /** The thought cards on screen (cards off screen are not rendered). */
  thoughtCards(): Locator {
    return this.grs().locator('.react-flow__node-thought');
  }

  /** How many thoughts the GRS view holds, on screen or not. */
  async thoughtCount(): Promise<number> {
    return Number(await this.grs().getAttribute('data-thoughts'));
  }

  /**
   * The final thoughts drawn on screen with the volume and latency they show: DOM cards, or on the far
   * level the pills the canvas says it drew (its `drawnBlocks()` hook), read from what is rendered.
   */
  async shownFinals(): Promise<Array<{ volume: string; latency: string }>> {
    if ((await this.grs().getAttribute('data-lod')) === 'overview') {
      return this.grs()
        .getByTestId('grs-overview')
        .evaluate((el) =>
          (el as unknown as { drawnBlocks: () => Array<{ final: boolean; labels: Array<{ role: string; text: string }> }> })
            .drawnBlocks()
            .filter((b) => b.final)
            .map((b) => ({ volume: b.labels.find((l) => l.role === 'volume')?.text ?? '', latency: b.labels.find((l) => l.role === 'latency')?.text ?? '' })),
        );
    }
    const cards = this.grs().locator('.thought-card.is-final');
    return cards.evaluateAll((els) =>
      els.map((el) => ({
        volume: el.querySelector('[data-testid="thought-volume"]')?.textContent ?? '',
        latency: el.querySelector('[data-testid="thought-latency"]')?.textContent ?? '',
      })),
    );
  }

  /** Waits until the GRS view holds `n` thoughts. */
  async expectThoughts(n: number): Promise<void> {
    await expect(this.grs()).toHaveAttribute('data-thoughts', String(n));
  }

  summary(field: string): Locator {
    return this.page.getByTestId(`summary-${field}`);
  }

  /** Runs the default GoT sorting-32 graph and checks it completed whole: 5 requests, 31 completions, 33 thoughts. */
  async runSorting32ToCompletion(): Promise<void> {
    await this.run();
    await this.waitDone();
    await expect(this.summary('status')).toHaveText('completed');
    await expect(this.summary('requests')).toHaveText('5');
    await expect(this.summary('completions')).toHaveText('31');
    await this.expectThoughts(33);
  }

  /** Exports the shown run as a file through the run view's Export button and returns its text. */
  async exportRun(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('export-run').click();
    return readFileSync(await (await download).path(), 'utf8');
  }

  /** Selects the run's final thought from the summary and opens its details. */
  async selectFinalThought(): Promise<string> {
    await this.tab('summary');
    const link = this.page.locator('[data-testid^="final-"]').first();
    const id = ((await link.getAttribute('data-testid')) ?? '').slice('final-'.length);
    await link.click();
    await this.tab('detail');
    await expect(this.page.getByTestId('thought-detail')).toBeVisible();
    return id;
  }

  opStatus(opId: string): Locator {
    return this.page.getByTestId(`op-status-${opId}`);
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${SHOTS}/${name}.png` });
  }
}
