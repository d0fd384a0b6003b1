import type { JsonValue } from '../../graph/specs';

/** Reads a dataset cell like `[1, 2, 3]` into numbers; throws when it is not such a list. */
export function parseNumberCell(cell: string | undefined, column: string): number[] {
  if (cell === undefined) throw new Error(`the row has no "${column}" column`);
  let value: unknown;
  try {
    value = JSON.parse(cell);
  } catch {
    throw new Error(`"${column}" is not a list of numbers: ${cell.slice(0, 40)}`);
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number')) throw new Error(`"${column}" is not a list of numbers`);
  return value as number[];
}

/** Reads a dataset cell like `[Norway, Sweden, United States]` (unquoted names) into strings. */
export function parseNameListCell(cell: string | undefined, column: string): string[] {
  if (cell === undefined) throw new Error(`the row has no "${column}" column`);
  const inner = cell.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  return inner === '' ? [] : inner.split(',').map((s) => s.trim().replace(/^["']|["']$/g, ''));
}

/** The value as a list of finite numbers, or null when it is anything else. */
export function asNumberList(value: JsonValue | undefined): number[] | null {
  if (!Array.isArray(value)) return null;
  return value.every((v): v is number => typeof v === 'number' && Number.isFinite(v)) ? value : null;
}

/** How often each value occurs. */
export function countValues(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** How many adjacent pairs are out of ascending order. */
export function adjacentDisorder(list: readonly number[]): number {
  let n = 0;
  for (let i = 1; i < list.length; i++) if ((list[i - 1] as number) > (list[i] as number)) n++;
  return n;
}

/** The error score every task gives an answer that could not be read (the paper's convention for sorting). */
export const UNPARSEABLE_ERROR = 300;
