import { expect, type Locator, type Page } from '@playwright/test';

export type LessonId = 'schemes' | 'gain';
export const SCHEMES_LESSON = 'IO → CoT → ToT → GoT';
export const GAIN_LESSON = 'The longer the sequence, the higher the gain';

/** What the lesson's table says for one scheme. */
export interface LessonRow {
  latency: number;
  volume: number;
  error: number;
  cost: string;
}

/** A page object for the built-in lessons: opening them, stepping, running, and reading their table. */
export class LessonPage {
  constructor(readonly page: Page) {}

  lesson(): Locator {
    return this.page.getByTestId('lesson');
  }

  step(): Locator {
    return this.page.getByTestId('lesson-step');
  }

  async openFromHelp(id: LessonId): Promise<void> {
    await this.page.getByTestId('help-menu').click();
    await this.page.getByTestId(`help-lesson-${id}`).click();
    await expect(this.lesson()).toHaveAttribute('data-lesson', id);
  }

  async openFromGallery(id: LessonId): Promise<void> {
    await this.page.getByTestId('open-gallery').click();
    await this.page.getByTestId(`gallery-lesson-${id}`).click();
    await expect(this.page.getByTestId('gallery')).toHaveCount(0);
    await expect(this.lesson()).toHaveAttribute('data-lesson', id);
  }

  async close(): Promise<void> {
    await this.page.getByTestId('lesson-close').click();
    await expect(this.lesson()).toHaveCount(0);
  }

  /** Presses Next and waits until the step it leads to is on screen and its run (if any) has ended. */
  async next(expected: string): Promise<void> {
    await this.page.getByTestId('lesson-next').click();
    await this.settle(expected);
  }

  async back(expected: string): Promise<void> {
    await this.page.getByTestId('lesson-back').click();
    await this.settle(expected);
  }

  private async settle(expected: string, timeout = 60_000): Promise<void> {
    await expect(this.step()).toHaveAttribute('data-step', expected);
    await expect(this.page.getByTestId('lesson-busy')).toHaveCount(0, { timeout });
  }

  /** Runs every scheme and waits for the table. */
  async runAll(timeout = 180_000): Promise<void> {
    await expect(this.page.getByTestId('lesson-run-all')).toBeEnabled();
    await this.page.getByTestId('lesson-run-all').click();
    await expect(this.step()).toHaveAttribute('data-step', 'table', { timeout });
    await expect(this.page.getByTestId('lesson-problem')).toHaveCount(0);
  }

  async row(scheme: string): Promise<LessonRow> {
    const cell = (what: string) => this.page.getByTestId(`lesson-${what}-${scheme}`).innerText();
    return {
      latency: Number(await cell('latency')),
      volume: Number(await cell('volume')),
      error: Number((await cell('error')).replace(/\s*\(solved\)$/, '')),
      cost: (await cell('cost')).split(' · ')[0]!,
    };
  }
}
