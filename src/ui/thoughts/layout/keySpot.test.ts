import { describe, expect, it } from 'vitest';
import { keySpot, type Box } from './keySpot';

const room = { width: 900, height: 600, top: 40, bottom: 80 };
const key = { width: 300, height: 80 };
const none = { headers: [], nodes: [], described: [] };
const band = { x: 0, y: 40, width: 900, height: 48 };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the selection key’s place', () => {
  it('stays top right when nothing is under it', () => {
    expect(keySpot(room, key, none)).toEqual({ x: 592, y: 8 });
  });

  it('leaves the top for the bottom right when a header band runs under it', () => {
    expect(keySpot(room, key, { ...none, headers: [band] })).toEqual({ x: 592, y: 440 });
  });

  it('covers no header even to keep clear of a thought it describes, and else the fewest of those', () => {
    const selected = { x: 700, y: 460, width: 40, height: 25 };
    expect(keySpot(room, key, { ...none, headers: [band], described: [selected] })).toEqual({ x: 8, y: 440 });
    const described = [selected, { x: 20, y: 450, width: 40, height: 25 }, { x: 30, y: 480, width: 40, height: 25 }];
    expect(keySpot(room, key, { headers: [band], nodes: described, described })).toEqual({ x: 300, y: 440 });
  });

  it('in a small pane full of cards, sits where it covers the fewest of them, clear of the headers', () => {
    // 853×480 at 150%: a Split pane; cards in a grid everywhere below the band but a gap at the bottom middle.
    const small = { width: 553, height: 249, top: 43, bottom: 40 };
    const smallKey = { width: 200, height: 60 };
    const headers = [{ x: 0, y: 0, width: 553, height: 40 }];
    const nodes: Box[] = [];
    for (let x = 10; x < 540; x += 60) for (let y = 45; y < 209; y += 40) if (!(x > 100 && x < 400 && y > 120)) nodes.push({ x, y, width: 50, height: 30 });
    const spot = keySpot(small, smallKey, { headers, nodes, described: [] });
    const box = { ...spot, ...smallKey };
    expect(headers.some((h) => overlaps(h, box))).toBe(false);
    expect(nodes.filter((n) => overlaps(n, box))).toEqual([]);
  });
});
