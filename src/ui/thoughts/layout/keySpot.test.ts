import { describe, expect, it } from 'vitest';
import { keySpot } from './keySpot';

const room = { width: 900, height: 600, top: 40, bottom: 80 };
const key = { width: 300, height: 80 };

describe('the selection key’s place', () => {
  it('stays top right when nothing is under it', () => {
    expect(keySpot(room, key, [], [])).toEqual({ x: 592, y: 8 });
  });

  it('leaves the top for the bottom right when a header band runs under it', () => {
    const band = { x: 0, y: 40, width: 900, height: 48 };
    expect(keySpot(room, key, [band], [])).toEqual({ x: 592, y: 440 });
  });

  it('covers no header even to keep clear of a thought it describes, and else the fewest of those', () => {
    const band = { x: 0, y: 40, width: 900, height: 48 };
    const selected = { x: 700, y: 460, width: 40, height: 25 };
    expect(keySpot(room, key, [band], [selected])).toEqual({ x: 8, y: 440 });
    expect(keySpot(room, key, [band], [selected, { x: 20, y: 450, width: 40, height: 25 }, { x: 30, y: 480, width: 40, height: 25 }])).toEqual({ x: 592, y: 440 });
  });
});
