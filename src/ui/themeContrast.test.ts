import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// WCAG AA for the text of thought cards, pruned ones included, in both themes: the theme's colours
// are read from the stylesheets the app ships, so a palette change that drops a pair under 4.5:1 fails here.
const APP_CSS = readFileSync(new URL('./app.css', import.meta.url), 'utf8');
const THOUGHTS_CSS = readFileSync(new URL('./thoughts/thoughts.css', import.meta.url), 'utf8');

/** The declarations of the first rule whose selector is exactly `selector`. */
function rule(css: string, selector: string): string {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`no rule ${selector}`);
  return css.slice(at, css.indexOf('}', at));
}

function palette(theme: 'light' | 'dark'): Record<string, string> {
  const read = (block: string) => Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!]));
  return { ...read(rule(APP_CSS, ':root')), ...(theme === 'dark' ? read(rule(APP_CSS, ":root[data-theme='dark']")) : {}) };
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('theme contrast', () => {
  it('measures as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: card text, muted text and the red "pruned by" line reach 4.5:1 on every background a card or the canvas has`, () => {
      const colours = palette(theme);
      for (const fg of ['text', 'muted', 'error']) {
        for (const bg of ['panel', 'panel-2', 'bg', 'canvas-bg', 'node-bg']) {
          expect(contrast(colours[fg]!, colours[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    });
  }

  it('dims a pruned card by hatching its background between --panel and --panel-2, never by fading it', () => {
    const pruned = rule(THOUGHTS_CSS, '.thought-card.is-pruned');
    expect(pruned).not.toMatch(/opacity|filter|color:/);
    expect([...pruned.matchAll(/var\(--([\w-]+)/g)].map((m) => m[1])).toEqual(['panel', 'panel-2']);
  });
});
