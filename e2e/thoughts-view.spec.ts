import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectCardsNamed, expectHeadersNameEveryBlock, expectLaneHeadsUncut, farDrawn, overlap as overlaps, type Rect as Box } from './support/farLevel';
import { RunPage } from './support/runPage';
import { canvasWords } from './support/legibility';

const inside = (a: Box, outer: Box) => a.x >= outer.x - 0.5 && a.y >= outer.y - 0.5 && a.x + a.width <= outer.x + outer.width + 0.5 && a.y + a.height <= outer.y + outer.height + 0.5;

/** Opens a gallery example, runs it on the simulator and shows the Thoughts view once the camera has settled (at the given level of detail). */
async function runInThoughtsView(page: Page, example: string, lod: 'cards' | 'overview' = 'cards', view: 'thoughts' | 'split' = 'thoughts'): Promise<RunPage> {
  const run = new RunPage(page);
  await run.open();
  await page.getByTestId('open-gallery').click();
  await page.getByTestId(`gallery-${example}`).click();
  await expect(page.getByTestId('gallery')).toHaveCount(0);
  await run.setModel({ latencyMs: 0 });
  await run.saveModel();
  await run.view(view);
  await run.run();
  // A 160-thought run on a busy 2-core machine can take most of a minute.
  await run.waitDone(150_000);
  await expect(run.grs()).toHaveAttribute('data-lod', lod);
  await settled(run.grs());
  return run;
}

/** Waits until the GRS camera stops moving (its viewport transform is the same twice in a row). */
async function settled(grs: Locator): Promise<void> {
  const transform = () => grs.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  let last = '';
  await expect
    .poll(async () => {
      const now = await transform();
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [400] })
    .toBe(true);
}

/**
 * Every text a reader can see in the Thoughts view, or only inside `nodes` (a selector of canvas nodes): its text,
 * its element's class, whether it is a numeral or a card's flag ("final", "solved", "invalid"), and its font size
 * on screen (CSS px, the canvas zoom applied inside the graph). Hidden and off-pane text is left out.
 */
const visibleText = async (grs: Locator, nodes?: string) => (await canvasWords(grs, nodes)).words;

/** Every numeral a reader can see in the Thoughts view (figures, counts, legend, toolbar) and every card's flag. */
const visibleNumerals = async (grs: Locator) => (await visibleText(grs)).filter((t) => t.numeral);

/** Every word a thought's card or a pruned stack shows on screen, figures or not (text, title, why it was pruned, call time, tokens, cost). */
const visibleCardWords = (grs: Locator) => visibleText(grs, '.react-flow__node-thought, .react-flow__node-stack');

/** A figure as a reader sees it: its text box's rendered height and its type size on screen (CSS px). */
type Figure = { role: string; text: string; height: number; px: number };
/** A thought, stack or summary as drawn: a DOM card, or a block on the far level's canvas (its headers and lane tags too). */
type Seen = { id: string; kind: string; rect: Box; figures: Figure[]; shadow?: boolean; members?: number };

/**
 * Everything the Thoughts view draws for its thoughts, measured from what is rendered: DOM cards (each
 * figure's box and font size times the canvas zoom), or on the far level the blocks and labels the canvas
 * says it drew (its `drawnBlocks()` hook, in viewport px).
 */
async function seenThoughts(grs: Locator): Promise<{ lod: string; blocks: Seen[] }> {
  const lod = (await grs.getAttribute('data-lod')) ?? '';
  if (lod === 'overview') {
    const blocks = (await farDrawn(grs)).map((b) => ({
      id: b.id,
      kind: b.kind,
      rect: b.rect,
      shadow: b.shadow,
      members: b.members,
      figures: b.labels.map((l) => ({ role: l.role, text: l.text, height: l.height, px: l.height })),
    }));
    return { lod, blocks };
  }
  const blocks = await grs.locator('.react-flow__node-thought, .react-flow__node-stack').evaluateAll((els) => {
    const viewport = document.querySelector('.grs-canvas .react-flow__viewport') as HTMLElement;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    return els.map((el) => {
      const figures = [...el.querySelectorAll<HTMLElement>('[data-testid="thought-score"], [data-testid="thought-volume"], [data-testid="thought-latency"]')].map((span) => ({
        role: (span.dataset.testid ?? '').slice('thought-'.length),
        text: span.textContent ?? '',
        height: span.getBoundingClientRect().height,
        px: parseFloat(getComputedStyle(span).fontSize) * zoom,
      }));
      return { id: el.getAttribute('data-id') ?? '', kind: el.classList.contains('react-flow__node-stack') ? 'stack' : 'thought', rect: el.getBoundingClientRect().toJSON() as Box, figures };
    });
  });
  return { lod, blocks };
}

/**
 * Every thought drawn on screen shows its score, volume and latency, each at least 10 px tall; no two
 * cards (or blocks) overlap; a lane drawn as one summary block carries its figures too. Returns the blocks on screen.
 */
async function expectEveryThoughtLegible(grs: Locator): Promise<Seen[]> {
  const pane = (await grs.boundingBox())!;
  const { lod, blocks } = await seenThoughts(grs);
  const onScreen = blocks.filter((b) => overlaps(b.rect, pane));
  expect(onScreen.filter((b) => b.kind === 'thought' || b.kind === 'summary').length, 'thoughts on screen').toBeGreaterThan(3);
  for (const b of onScreen) {
    if (b.kind !== 'thought' && b.kind !== 'summary') continue;
    const roles = b.figures.map((f) => f.role);
    // A full card (zoomed in) shows a score only once the thought is scored; compact cards and the far level always do.
    const needed = lod === 'overview' || b.figures.length === 3 || (await grs.locator('.thought-card.is-compact').count()) > 0 ? ['score', 'volume', 'latency'] : ['volume', 'latency'];
    for (const role of needed) expect(roles, `${b.id} shows its ${role}`).toContain(role);
    for (const f of b.figures) {
      expect(f.height, `${b.id} ${f.role} "${f.text}" box`).toBeGreaterThanOrEqual(10);
      expect(f.px, `${b.id} ${f.role} "${f.text}" type`).toBeGreaterThanOrEqual(10);
    }
  }
  // A folded stack's shadow sits behind its lane's last pill by design (its "+n" on that pill); everything else, headers and tags too, stands alone.
  const solid = onScreen.filter((b) => !(b.kind === 'stack' && lod === 'overview' && b.shadow));
  for (const b of onScreen.filter((x) => x.shadow)) expect(b.figures.map((f) => f.text), `${b.id} says how many it folds`).toEqual([expect.stringMatching(/^\+\d+$/)]);
  for (const b of onScreen) for (const f of b.figures) expect(f.height, `${b.id} ${f.role} "${f.text}"`).toBeGreaterThanOrEqual(10);
  for (let i = 0; i < solid.length; i += 1)
    for (let j = i + 1; j < solid.length; j += 1) expect(overlaps(solid[i]!.rect, solid[j]!.rect), `${solid[i]!.id} / ${solid[j]!.id}`).toBe(false);
  return onScreen;
}

/** The rects of the furniture floating over the pane: legend, zoom buttons, run timeline at the bottom; the card level's header band at the top. */
const furniture = (page: Page) =>
  page.locator('.grs-legend, .grs-canvas .react-flow__controls, .timeline, [data-testid="card-band"]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box));

/** The whole graph (`least` lanes or blocks at least) is inside the pane and clear of the header band, legend, zoom buttons and timeline: every lane (cards) or every block (far level). */
async function expectWholeGraphInside(page: Page, grs: Locator, least = 6): Promise<void> {
  const pane = (await grs.boundingBox())!;
  const lod = await grs.getAttribute('data-lod');
  const all =
    lod === 'overview'
      ? (await seenThoughts(grs)).blocks.map((b) => ({ id: b.id, ...b.rect }))
      : await grs.locator('.react-flow__node-lane').evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-id') ?? '', ...(el.getBoundingClientRect().toJSON() as Box) })));
  expect(all.length).toBeGreaterThanOrEqual(least);
  const over = await furniture(page);
  for (const b of all) {
    expect(inside(b, pane), `${b.id} inside the pane`).toBe(true);
    for (const f of over) expect(overlaps(b, f), `${b.id} clear of the furniture`).toBe(false);
  }
}

/** The legend's words "volume" and "latency" are on screen and not covered by anything. */
async function expectLegendWords(grs: Locator): Promise<void> {
  const words = grs.getByTestId('legend-metrics');
  await expect(words).toContainText('volume');
  await expect(words).toContainText('latency');
  const uncovered = await words.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return r.width > 0 && hit !== null && el.contains(hit);
  });
  expect(uncovered, 'legend words visible').toBe(true);
}

/** The canvas zoom (its viewport transform's scale). */
const zoomOf = (grs: Locator) => grs.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

/** The centre of the card on screen nearest the pane's centre (the pane's centre when none is). */
const nearestCard = (grs: Locator) =>
  grs.evaluate((root) => {
    const p = (root.querySelector('.react-flow') as Element).getBoundingClientRect();
    const [cx, cy] = [p.x + p.width / 2, p.y + p.height / 2];
    let best = { x: cx, y: cy, d: Infinity };
    for (const el of root.querySelectorAll('.react-flow__node-thought')) {
      const r = el.getBoundingClientRect();
      const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
      const d = Math.hypot(x - cx, y - cy);
      if (x > p.x && x < p.right && y > p.y + p.height / 4 && y < p.bottom - p.height / 4 && d < best.d) best = { x, y, d };
    }
    return best;
  });

/** Zooms to `zoom` (within 1%) with the mouse wheel over the card nearest the pane's centre, as a reader would (cards stay on screen). */
async function wheelTo(page: Page, grs: Locator, zoom: number): Promise<void> {
  for (let i = 0; i < 6 && Math.abs((await zoomOf(grs)) / zoom - 1) > 0.01; i += 1) {
    const at = await nearestCard(grs);
    await page.mouse.move(at.x, at.y);
    // React Flow zooms by 2^(-deltaY × 0.002) a wheel step.
    await page.mouse.wheel(0, -Math.log2(zoom / (await zoomOf(grs))) / 0.002);
    await page.waitForTimeout(250);
  }
  await settled(grs);
}

/** At zoom 0.3 to 0.6 on the card level every card on screen is named by its lane's head or the header band, each header of a column on screen in full. */
async function expectCardsNamedWhenZoomed(page: Page, grs: Locator, where: string): Promise<void> {
  for (const zoom of [0.3, 0.4, 0.5, 0.6]) {
    await wheelTo(page, grs, zoom);
    await expect(grs).toHaveAttribute('data-lod', 'cards');
    const { full, lines } = await expectCardsNamed(grs, `${where} zoom ${zoom}`);
    test.info().annotations.push({ type: 'card headers', description: `${where} zoom ${zoom}: ${full}/${lines} band entries in full` });
    // The columns starting on screen are named in full: a header wraps onto short lines rather than be cut.
    expect(full, `${where} zoom ${zoom}: band entries in full`).toBe(lines);
  }
}

/** Zooms out with the mouse wheel over the pane until the zoom stops changing (the canvas's least zoom). */
async function wheelOutToMinimum(page: Page, grs: Locator): Promise<number> {
  const pane = (await grs.boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  let zoom = await zoomOf(grs);
  for (let i = 0; i < 30; i += 1) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(120);
    const next = await zoomOf(grs);
    if (Math.abs(next - zoom) < 1e-4) break;
    zoom = next;
  }
  await settled(grs);
  return zoomOf(grs);
}

/** Every block drawn on the far level lies under a header naming its operation (checked in farLevel.ts); logs how many header lines show in full. */
async function expectNamedHeaders(grs: Locator, where: string, fit = false): Promise<{ full: number; lines: number }> {
  const { full, lines } = await expectHeadersNameEveryBlock(grs, fit);
  test.info().annotations.push({ type: 'headers', description: `${where}: ${full}/${lines} header entries in full` });
  return { full, lines };
}

test.describe('the Thoughts view', () => {
  test.setTimeout(240_000);
  // Card-level features, on a run that fits as cards (a larger one fits on the far level, whose header band names the operations).
  test('labels each lane with its operation and type, and the legend names volume and latency', async ({ page }) => {
    const run = await runInThoughtsView(page, 'sorting-064-got');
    await expect(run.grs().getByTestId('lane-solve-3')).toContainText('Solve List 3');
    await expect(run.grs().getByTestId('lane-solve-3')).toContainText('Generate');
    await expectLegendWords(run.grs());
  });

  test('folds pruned thoughts into one stack per operation that opens and closes, and a toggle shows them all', async ({ page }) => {
    const run = await runInThoughtsView(page, 'sorting-064-got');
    const grs = run.grs();
    const stack = grs.getByTestId('pruned-stack-solve-2');
    await expect(stack).toHaveText(/\+4 not kept — why/);
    await expect(stack).toHaveAttribute('title', /^pruned by Keep the best of List 2: not among the best 1/);
    const before = await grs.locator('.react-flow__node-thought').count();
    await stack.click();
    await expect(stack).toHaveAttribute('aria-expanded', 'true');
    const prunedBy = grs.locator('.thought-card.is-pruned[title^="pruned by Keep the best of List 2: not among the best 1"]');
    await expect(prunedBy).toHaveCount(4);
    await stack.click();
    await expect(stack).toHaveAttribute('aria-expanded', 'false');
    await expect(grs.locator('.react-flow__node-thought')).toHaveCount(before);
    await expect(prunedBy).toHaveCount(0);
    await grs.getByTestId('grs-show-all').check();
    await expect(grs).toHaveAttribute('data-shown', await grs.getAttribute('data-thoughts').then(String));
    await grs.getByTestId('grs-show-all').uncheck();
    await expect(grs.locator('.react-flow__node-thought')).toHaveCount(before);
  });

  test('selecting a thought shows a key that says what its volume and latency highlights mean', async ({ page }) => {
    const run = await runInThoughtsView(page, 'keyword-counting-got4');
    await expect(run.grs().getByTestId('selection-key')).toHaveCount(0);
    const id = await run.selectFinalThought();
    const volume = await page.getByTestId('detail-volume').textContent();
    const latency = await page.getByTestId('detail-latency').textContent();
    const key = run.grs().getByTestId('selection-key');
    await expect(key).toBeVisible();
    await expect(key.getByTestId('key-volume')).toContainText(`volume ${volume} — the ${volume} thoughts that could have influenced it`);
    await expect(key.getByTestId('key-latency')).toContainText(`latency ${latency} — the longest chain of model calls from the input`);
    await expect(key).toContainText('dashed blue');
    await expect(key).toContainText('orange');
    await expect(run.grs().locator(`.react-flow__node[data-id="${id}"] .thought-card`)).toHaveClass(/mark-selected/);
    // Where the pane has a spot clear of the cards and the headers, the key takes it (once the camera has settled and the key is placed again).
    const covered = async () => {
      const box = (await key.boundingBox())!;
      const under: string[] = [];
      for (const el of await run.grs().locator('.react-flow__node-thought, [data-testid="card-header-line"]').all()) {
        const r = await el.boundingBox();
        if (r && overlaps(r, box)) under.push((await el.getAttribute('data-id')) ?? (await el.textContent()) ?? '?');
      }
      return under;
    };
    await expect.poll(covered, { message: 'what the selection key covers' }).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/thoughts-selection-key.png' });
  });

  test('a run reopened from History is fitted whole, wherever the camera was left', async ({ page }) => {
    const run = await runInThoughtsView(page, 'sorting-064-got');
    const grs = run.grs();
    await expectWholeGraphInside(page, grs);
    // Leave the camera zoomed in, so only a fit can bring the whole graph back.
    for (let i = 0; i < 6; i++) await grs.getByRole('button', { name: /zoom in/i }).click();
    await settled(grs);
    await expect(expectWholeGraphInside(page, grs)).rejects.toThrow();
    await run.tab('history');
    await page.getByTestId('history-item').first().getByTestId('history-open').click();
    await expect(page.getByTestId('history-banner')).toBeVisible();
    await settled(grs);
    await expectWholeGraphInside(page, grs);
  });
});

for (const [width, height] of [
  [1280, 720],
  [1024, 768],
  [853, 480],
] as const) {
  test.describe(`the Thoughts view at ${width}×${height}${width === 853 ? ' (150% browser zoom)' : ''}`, () => {
    test.use({ viewport: { width, height } });
    test.setTimeout(240_000);

    for (const example of ['sorting-128-got', 'keyword-counting-got8', 'set-intersection-128-got']) {
      test(`${example}: after a run the whole graph is in view and every thought drawn shows score, volume and latency ≥ 10 px, without overlap, zoomed out to the least zoom and in again`, async ({ page }) => {
        // Cards would be under zoom 0.3 even at 1280×720, where a lane's title is cut to a dozen characters: the fit shows the far level, whose headers name every operation.
        const run = await runInThoughtsView(page, example, 'overview');
        const grs = run.grs();
        await expectWholeGraphInside(page, grs);
        const seen = await expectEveryThoughtLegible(grs);
        // Every kept thought is on screen at once: a pill of its own, or in a summary of a column folded to leave room for the operations' headers.
        const drawnThoughts = seen.reduce((n, b) => n + (b.kind === 'thought' ? 1 : b.kind === 'summary' ? (b.members ?? 0) : 0), 0);
        expect(drawnThoughts).toBe(Number(await grs.getAttribute('data-shown')));
        // At the fit every operation is named in full: a header too long for its room wraps onto short lines.
        const named = await expectNamedHeaders(grs, `${example} ${width}×${height} fit`, true);
        expect(named.full, 'header entries in full at the fit').toBe(named.lines);
        for (const n of await visibleNumerals(grs)) expect(n.px, n.text).toBeGreaterThanOrEqual(10);
        await expectLegendWords(grs);
        await page.screenshot({ path: `test-results/screens/thoughts-${example}-${width}x${height}.png` });
        if (width === 853) {
          // On the far level a click on a pill selects its thought, and the key says what the highlight means.
          const finalId = ((await page.locator('[data-testid^="final-"]').first().getAttribute('data-testid')) ?? '').slice('final-'.length);
          const pill = seen.find((b) => b.id === finalId)!;
          expect(pill, 'the final thought is drawn as a pill').toBeTruthy();
          // Hovering names the operation that made it, as its column's header does.
          await page.mouse.move(pill.rect.x + pill.rect.width / 2, pill.rect.y + pill.rect.height / 2);
          await expect(grs.locator('.react-flow')).toHaveAttribute('title', /^.+ \(Aggregate\): score .+ · volume \d+ · latency \d+$/);
          await page.mouse.click(pill.rect.x + pill.rect.width / 2, pill.rect.y + pill.rect.height / 2);
          await expect(grs.getByTestId('selection-key')).toContainText('the longest chain of model calls from the input');
          await expect(page.getByTestId('thought-detail')).toBeVisible();
          await settled(grs);
          await expect(grs).toHaveAttribute('data-lod', 'overview');
          await expectEveryThoughtLegible(grs);
          // The key covers no operation's header: it moves to a corner clear of the band.
          const key = (await grs.getByTestId('selection-key').boundingBox())!;
          const drawn = await farDrawn(grs);
          for (const h of drawn.filter((d) => d.kind === 'header')) expect(overlaps(h.rect, key), `the selection key over ${h.id}`).toBe(false);
          // A pane this small has no spot clear of every pill: it covers as few as it can.
          const covered = drawn.filter((d) => d.kind !== 'header' && d.kind !== 'tag' && overlaps(d.rect, key)).length;
          test.info().annotations.push({ type: 'key', description: `${example} ${width}×${height}: the key covers ${covered} blocks` });
          await page.screenshot({ path: `docs/screenshots/thoughts-${example}-${width}x${height}-selected.png` });
        }

        // The least zoom the wheel reaches keeps every figure readable.
        await wheelOutToMinimum(page, grs);
        await expect(grs).toHaveAttribute('data-lod', 'overview');
        await expectEveryThoughtLegible(grs);
        await expectNamedHeaders(grs, `${example} ${width}×${height} least zoom`);
        await expectLegendWords(grs);
        await page.screenshot({ path: `test-results/screens/thoughts-${example}-${width}x${height}-least-zoom.png` });

        // Zoomed in to the cards, as a reader would: every card on screen keeps readable figures, none overlaps another.
        const zoomIn = grs.locator('.react-flow__controls-zoomin');
        for (let i = 0; i < 8 && (await grs.getAttribute('data-lod')) !== 'cards'; i += 1) await zoomIn.click();
        await expect(grs).toHaveAttribute('data-lod', 'cards');
        await settled(grs);
        await expectEveryThoughtLegible(grs);
        for (const n of await visibleNumerals(grs)) expect(n.px, n.text).toBeGreaterThanOrEqual(10);
        // Zoomed out on the cards, where a lane's head has no room for its title, the band above names every card's operation.
        await expectCardsNamedWhenZoomed(page, grs, `${example} ${width}×${height}`);
        await page.screenshot({ path: `docs/screenshots/thoughts-card-band-${example}-${width}x${height}.png` });

        // The fit button brings the whole graph back.
        await grs.locator('.react-flow__controls-fitview').click();
        await settled(grs);
        await expectWholeGraphInside(page, grs);
        await expectEveryThoughtLegible(grs);
        if ((await grs.getAttribute('data-lod')) === 'overview') await expectNamedHeaders(grs, `${example} ${width}×${height} fit again`);
        // The dark theme, for the screenshots.
        await page.getByTestId('theme-toggle').click();
        await page.screenshot({ path: `test-results/screens/thoughts-${example}-${width}x${height}-dark.png` });
      });
    }

    for (const view of ['thoughts', 'split'] as const)
      test(`the default example (sorting 32 GoT) in the ${view === 'split' ? 'Split' : 'Thoughts'} view fits with every operation named on screen, never cut mid-word`, async ({ page }) => {
        // Split's short pane at 853×480 holds the graph on the far level only.
        const far = view === 'split' && width === 853;
        const run = await runInThoughtsView(page, 'sorting-032-got', far ? 'overview' : 'cards', view);
        const grs = run.grs();
        await expectWholeGraphInside(page, grs, far ? 5 : 6);
        // A lane's head reaches into the gap after its lane: what the screen shows of it, not only what the DOM holds, is whole.
        if (far) await expectNamedHeaders(grs, `sorting-032-got split ${width}×${height} fit`);
        else if (view === 'thoughts') await expectCardsNamed(grs, `sorting-032-got ${view} ${width}×${height} fit`, true);
        else {
          const whole = await expectLaneHeadsUncut(grs, `sorting-032-got split ${width}×${height} fit`);
          test.info().annotations.push({ type: 'lane heads', description: `Split ${width}×${height}: ${whole} whole` });
        }
        await page.screenshot({ path: `test-results/screens/default-example-${view}-${width}x${height}.png` });
      });

    test('the default example zoomed in from the fit to 1.2: every word a card or a pruned stack shows is ≥ 10 px on screen', async ({ page }) => {
      const run = await runInThoughtsView(page, 'sorting-032-got');
      const grs = run.grs();
      // Between the compact form's zoom (0.6) and 1 a full card's 11 px text, reasons and call figures read 6–10 px: the card stays compact there.
      for (const zoom of [0.65, 0.8, 0.9, 1, 1.2]) {
        await wheelTo(page, grs, zoom);
        const words = await visibleCardWords(grs);
        expect(words.length, `zoom ${zoom}: words on cards`).toBeGreaterThan(0);
        for (const w of words) expect(w.px, `zoom ${zoom}: "${w.text}" (${w.cls})`).toBeGreaterThanOrEqual(10);
      }
    });

    test('doc merge GoT fits as cards whose operations are named in full without hovering, at the fit and zoomed out to 0.3', async ({ page }) => {
      const run = await runInThoughtsView(page, 'doc-merge-got');
      const grs = run.grs();
      // Its input and three operations.
      await expectWholeGraphInside(page, grs, 4);
      const { full, lines } = await expectCardsNamed(grs, `doc-merge-got ${width}×${height} fit`, true);
      // Every header line in full: a fit keeps the band's room above the cards.
      expect(full, 'band lines in full').toBe(lines);
      await page.screenshot({ path: `docs/screenshots/thoughts-card-band-doc-merge-got-${width}x${height}.png` });
      await expectCardsNamedWhenZoomed(page, grs, `doc-merge-got ${width}×${height}`);
    });

    test('in the Split view the whole sorting-128 GoT run is in view too, every thought drawn with readable figures (columns folded into summaries where the pane is short)', async ({ page }) => {
      const run = await runInThoughtsView(page, 'sorting-128-got', 'overview', 'split');
      const grs = run.grs();
      await expectWholeGraphInside(page, grs);
      const seen = await expectEveryThoughtLegible(grs);
      // A summary block stands for thoughts not drawn one by one: together the blocks account for every kept thought.
      expect(seen.filter((b) => b.kind === 'thought' || b.kind === 'summary').length).toBeGreaterThan(3);
      await expectNamedHeaders(grs, `split sorting-128-got ${width}×${height}`);
      await expectLegendWords(grs);
      await page.screenshot({ path: `test-results/screens/thoughts-split-sorting-128-got-${width}x${height}.png` });
      await page.getByTestId('theme-toggle').click();
      await page.screenshot({ path: `test-results/screens/thoughts-split-sorting-128-got-${width}x${height}-dark.png` });
      // A stack's "+n" on its lane's last pill opens the stack: its pruned thoughts are drawn as pills of their own.
      const shadow = (await farDrawn(grs)).find((b) => b.kind === 'stack' && b.shadow && b.labels.length === 1)!;
      expect(shadow, 'a folded stack drawn as a shadow with its "+n"').toBeTruthy();
      const badge = shadow.labels[0]!;
      const count = Number(badge.text.slice(1));
      const thoughtsDrawn = async () => (await farDrawn(grs)).reduce((n, b) => n + (b.kind === 'thought' ? 1 : b.kind === 'summary' ? (b.members ?? 0) : 0), 0);
      const before = await thoughtsDrawn();
      await page.mouse.click(badge.x + badge.width / 2, badge.y + badge.height / 2);
      await expect.poll(async () => (await farDrawn(grs)).some((b) => b.id === shadow.id)).toBe(false);
      // Drawn as pills, or counted in the summary it stood behind; some may be off screen once the lane grows.
      expect(await thoughtsDrawn(), `opening ${shadow.id} (+${count}) draws its thoughts`).toBeGreaterThan(before);
    });
  });
}
