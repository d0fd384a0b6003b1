import { describe, expect, it } from 'vitest';
import { colorDomain, colorFor, legendStops } from './colorScale';

const t = (score: number | null, latency: number, volume: number) => ({ score, latency, volume });

describe('card colours', () => {
  it('paints the best score green whichever direction is better', () => {
    const thoughts = [t(0, 1, 0), t(10, 2, 3)];
    const lowerBetter = colorDomain(thoughts, 'score', false);
    expect(colorFor(thoughts[0]!, lowerBetter)).toBe(legendStops(lowerBetter)[0]);
    expect(colorFor(thoughts[0]!, lowerBetter)).toBe('#1a9641');
    const higherBetter = colorDomain(thoughts, 'score', true);
    expect(colorFor(thoughts[1]!, higherBetter)).toBe('#1a9641');
  });

  it('leaves thoughts without a score uncoloured and spans the range of the chosen metric', () => {
    const thoughts = [t(null, 1, 0), t(null, 4, 9)];
    const d = colorDomain(thoughts, 'volume', true);
    expect(d).toMatchObject({ min: 0, max: 9 });
    expect(colorFor(thoughts[0]!, colorDomain(thoughts, 'score', true))).toBeNull();
    expect(colorFor(thoughts[1]!, d)).not.toBe(colorFor(thoughts[0]!, d));
  });
});
