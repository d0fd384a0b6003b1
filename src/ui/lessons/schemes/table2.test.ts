import { describe, expect, it } from 'vitest';
import { formatTable2, table2 } from './table2';

describe("the paper's Table 2", () => {
  it('gives a chain of thought latency and volume N', () => {
    const t = table2('CoT', 12, 3);
    expect([t.latency.value, t.volume.value]).toEqual([12, 12]);
    expect([t.latency.formula, t.volume.formula]).toEqual(['N', 'N']);
  });

  it('gives self-consistency N/k for both, since each of the k chains holds N/k thoughts', () => {
    const t = table2('CoT-SC', 20, 4);
    expect([t.latency.value, t.volume.value]).toEqual([5, 5]);
  });

  it('gives a tree of thoughts log_k N latency and only the order of log_k N as volume', () => {
    const t = table2('ToT', 64, 4);
    expect(t.latency.value).toBeCloseTo(3);
    expect(t.volume).toMatchObject({ formula: 'O(log_k N)', orderOnly: true });
    expect(t.volume.value).toBeCloseTo(3);
  });

  it('gives a graph of thoughts log_k N latency and volume N: every thought can reach the last one', () => {
    const t = table2('GoT', 8, 2);
    expect(t.latency.value).toBeCloseTo(3);
    expect(t.volume.value).toBe(8);
  });

  it('reads a tree with branching 1 as the chain it is', () => {
    expect(table2('ToT', 5, 1).latency.value).toBe(5);
  });

  it('prints whole values as they are, others to one decimal, and order-of-growth values with a tilde', () => {
    expect(formatTable2(table2('GoT', 84, 2).volume)).toBe('84');
    expect(formatTable2(table2('GoT', 84, 2).latency)).toBe('6.4');
    expect(formatTable2(table2('ToT', 80, 20).volume)).toBe('~1.5');
  });
});
