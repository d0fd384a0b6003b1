import type { Page } from '@playwright/test';

/** One drag across the Thoughts pane: 90 pointer moves in a zig-zag, as the live-run bench and its profiler pan. */
export async function pan(page: Page): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + 200, pane.y + 200);
  await page.mouse.down();
  for (let i = 0; i < 90; i++) await page.mouse.move(pane.x + 200 + (i % 30) * 12, pane.y + 200 + (i % 45) * 6);
  await page.mouse.up();
}
