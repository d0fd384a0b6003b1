/** The schemes of the paper's Table 2 (IO is the lesson's baseline, not a row of that table). */
export type Table2Scheme = 'CoT' | 'CoT-SC' | 'ToT' | 'GoT';

/** One cell of Table 2: the paper's formula and its value for a graph's N and k. */
export interface Table2Cell {
  formula: string;
  value: number;
  /** Only the order of growth is claimed (ToT's volume, O(log_k N)). */
  orderOnly: boolean;
}

/** Latency and volume of the final thought, as the paper's Table 2 gives them for N thoughts in all and branching k. */
export function table2(scheme: Table2Scheme, n: number, k: number): { latency: Table2Cell; volume: Table2Cell } {
  const cell = (formula: string, value: number, orderOnly = false): Table2Cell => ({ formula, value, orderOnly });
  // log_k N is undefined for k = 1 (no branching): the tree is then a chain of N.
  const logK = k > 1 ? Math.log(n) / Math.log(k) : n;
  switch (scheme) {
    case 'CoT':
      return { latency: cell('N', n), volume: cell('N', n) };
    case 'CoT-SC':
      return { latency: cell('N/k', n / k), volume: cell('N/k', n / k) };
    case 'ToT':
      return { latency: cell('log_k N', logK), volume: cell('O(log_k N)', logK, true) };
    case 'GoT':
      return { latency: cell('log_k N', logK), volume: cell('N', n) };
  }
}

/** A Table 2 value as the lesson prints it: whole numbers as they are, others to one decimal. */
export function formatTable2(cell: Table2Cell): string {
  const v = Number.isInteger(cell.value) ? String(cell.value) : cell.value.toFixed(1);
  return cell.orderOnly ? `~${v}` : v;
}
