import { expect, test, type Page } from '@playwright/test';
import { canvasWords } from './support/legibility';
import { PresentPage } from './support/presentPage';
import { RunPage } from './support/runPage';

const SIZES = [
  { name: '1280x720', width: 1280, height: 720, view: 'split', key: '2' },
  { name: '853x480 (150% zoom)', width: 853, height: 480, view: 'thoughts', key: '3' },
] as const;

/** Texts on the shown canvases under 1.5× the editor's least type (10.5 px), or under 15 px for the header band's lines (the editor's are 10 px). */
async function smallPresentedText(page: Page, view: string): Promise<string[]> {
  const small: string[] = [];
  for (const id of view === 'split' ? ['grs-canvas', 'canvas'] : ['grs-canvas']) {
    const { words } = await canvasWords(page.getByTestId(id));
    for (const w of words) if (w.px < (w.cls.includes('grs-band-line') ? 15 : 15.75) - 0.05) small.push(`${id}: ${w.text} (${w.cls}) ${w.px} px`);
  }
  return small;
}

const panelBoxes = (page: Page) =>
  page.evaluate(() =>
    ['.topbar', '.palette', '.inspector', '.panel-rail-left', '.panel-rail-right'].map((sel) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return r ? [sel, Math.round(r.left), Math.round(r.width), Math.round(r.height)] : [sel, null];
    }),
  );

for (const size of SIZES) {
  test(`presentation mode from the keyboard at ${size.name}: step, play, look back and forth, fit, leave`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    const run = new RunPage(page);
    const present = new PresentPage(page);
    await run.open();
    const shots = `docs/screenshots/present-${size.width}x${size.height}`;

    // Normal mode, the Operations view on open: what presenting is measured against.
    await expect.poll(() => present.opTitleLine()).toBeGreaterThan(0);
    const normalTitle = await present.opTitleLine();
    const panelsBefore = await panelBoxes(page);

    await present.key('Shift+P');
    await expect(present.caption()).toBeVisible();
    for (const id of ['topbar', 'timeline']) await expect(page.getByTestId(id)).toBeHidden();
    await expect(page.locator('.palette, .inspector, .panel-rail')).toHaveCount(
      await page.locator('.palette, .inspector, .panel-rail').count(),
    );
    for (const sel of ['.palette', '.inspector', '.panel-rail', '.react-flow__minimap'])
      await expect(page.locator(sel).first()).toBeHidden();
    // Operation titles at least 1.5× the editor's on screen; the caption at least 15 px.
    await expect.poll(() => present.opTitleLine()).toBeGreaterThanOrEqual(normalTitle * 1.5);
    const presentTitle = await present.opTitleLine();
    const captionPx = await present.captionFontPx();
    expect(captionPx).toBeGreaterThanOrEqual(15);
    await page.screenshot({ path: `${shots}-operations.png` });

    await present.key(size.key);
    // Space starts a run held at the first operation; the next Space runs it.
    await expect(present.status()).toContainText('Space starts a run');
    await present.key(' ');
    await present.expectCaption('Next', 'Split into 2 lists of 16');
    await expect(present.status()).toContainText('Space runs it');
    await expect(page.getByTestId('present-what')).toContainText('Generate: asks the model once');
    await present.key(' ');
    await present.expectCaption('Done', 'Split into 2 lists of 16');
    await expect(present.status()).toContainText('next: Pick List 1');
    await expect.poll(() => present.thoughts()).toBeGreaterThanOrEqual(3);
    // The thoughts it made are the ones lit.
    await expect(page.getByTestId('grs-canvas').locator('.thought-card.mark-ofOperation').first()).toBeVisible();
    await page.screenshot({ path: `${shots}-step.png` });

    // P plays the rest to the end.
    await present.key('p');
    await expect(present.status()).toContainText('16/16 operations', { timeout: 60_000 });
    await present.expectCaption('Done', 'Compare with ground truth');
    // The canvas paces its updates: it reaches the count the status gives (read once the run is done), not more.
    const end = Number(/(\d+) thoughts/.exec((await present.status().textContent()) ?? '')?.[1]);
    expect(end).toBeGreaterThan(0);
    await expect.poll(() => present.thoughts()).toBe(end);
    await expect(present.status()).toContainText(`${end} thoughts`);

    // ← walks back one operation at a time: fewer thoughts (never more), as the timeline counts them.
    const seen: number[] = [];
    for (let i = 0; i < 16 && (seen.at(-1) ?? end) >= end; i++) {
      const before = await present.status().textContent();
      await present.key('ArrowLeft');
      await expect(present.status()).not.toHaveText(before ?? '');
      const n = await present.thoughts();
      expect(n).toBeLessThanOrEqual(seen.at(-1) ?? end);
      await expect(page.getByTestId('timeline-position')).toContainText(`${n} thoughts`);
      await expect(present.status()).toContainText(`${n} thoughts · looking back`);
      seen.push(n);
    }
    expect(seen.at(-1)).toBeLessThan(end);
    const backAt = await present.op().textContent();
    await page.screenshot({ path: `${shots}-back.png` });
    // Space, looking back at the ended run, walks forward through it (it does not start a new run).
    await present.key(' ');
    await expect.poll(() => present.thoughts()).toBe([...seen].reverse()[1] ?? end);
    await present.key('ArrowLeft');
    await expect.poll(() => present.thoughts()).toBe(seen.at(-1));
    // → walks forward again through the same counts, back to the end.
    for (const n of [...seen].reverse().slice(1)) {
      await present.key('ArrowRight');
      await expect.poll(() => present.thoughts()).toBe(n);
    }
    await present.key('ArrowRight');
    await expect.poll(() => present.thoughts()).toBe(end);
    await expect(present.status()).not.toContainText('looking back');
    expect(backAt).not.toBe(await present.op().textContent());

    // The figures on the cards, framed by the presenting camera.
    await present.key('ArrowLeft');
    await expect(present.status()).toContainText('looking back');
    await page.waitForTimeout(1000);
    const presentFigure = await present.cardFigureLine();
    // Every word and figure on the canvases is presenting size: lanes' types, stacks, "final", the key, the header band.
    expect(await smallPresentedText(page, size.view)).toEqual([]);

    // F fits: the thoughts canvas at presenting size shows every card it draws inside its pane.
    await present.key('f');
    await page.waitForTimeout(400);
    const fitted = await page.getByTestId('grs-canvas').evaluate((grs) => {
      const pane = grs.getBoundingClientRect();
      const cards = [...grs.querySelectorAll('.react-flow__node-thought')].map((n) => n.getBoundingClientRect());
      return {
        cards: cards.length,
        inside: cards.filter(
          (r) => r.left >= pane.left - 1 && r.right <= pane.right + 1 && r.top >= pane.top - 1 && r.bottom <= pane.bottom + 1,
        ).length,
      };
    });
    expect(fitted.cards).toBeGreaterThan(0);
    expect(fitted.inside).toBe(fitted.cards);
    const fittedFigure = await present.cardFigureLine();
    expect(await smallPresentedText(page, size.view)).toEqual([]);

    // Nothing overlaps: the canvases end where the caption begins; no minimap.
    const boxes = await present.boxes();
    expect(boxes.minimap).toBeNull();
    expect(boxes.caption!.bottom).toBeLessThanOrEqual(boxes.viewport.height + 0.5);
    if (boxes.grs) expect(boxes.grs.bottom).toBeLessThanOrEqual(boxes.caption!.top + 0.5);
    if (boxes.canvas) expect(boxes.canvas.bottom).toBeLessThanOrEqual(boxes.caption!.top + 0.5);
    await page.screenshot({ path: `${shots}-${size.view}.png` });

    // Esc leaves: the view, panels and sizes come back as they were.
    await present.key('Escape');
    await expect(present.caption()).toHaveCount(0);
    await expect(page.getByTestId('topbar')).toBeVisible();
    await expect(page.getByTestId('view-operations')).toHaveAttribute('aria-selected', 'true');
    expect(await panelBoxes(page)).toEqual(panelsBefore);
    // The editor's own view again (its start view after a run may differ by a fraction of a pixel).
    await expect.poll(() => present.opTitleLine()).toBeLessThan(normalTitle + 0.5);

    // The same cards at the same camera in the editor: presenting set their figures at least 1.5× larger.
    await run.view(size.view);
    await page.waitForTimeout(300);
    const normalFigure = await present.cardFigureLine();
    expect(fittedFigure).toBeGreaterThanOrEqual(normalFigure * 1.5);

    test.info().annotations.push({
      type: 'measured',
      description: `${size.name}: op title line ${normalTitle} → ${presentTitle} px; card V/L line (same camera) ${normalFigure} → ${fittedFigure} px; framed ${presentFigure} px; caption ${captionPx} px`,
    });
  });
}
