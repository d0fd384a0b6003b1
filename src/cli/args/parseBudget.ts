import type { Budget } from '../../engine/index';
import { CliError, EXIT } from '../errors';

const KEYS: Record<string, keyof Budget> = {
  requests: 'requests',
  tokens: 'tokens',
  dollars: 'cost',
  cost: 'cost',
  usd: 'cost',
};

/** Parses `requests=100,tokens=1e6,dollars=2` (any subset) into a Budget. */
export function parseBudget(text: string): Budget {
  const budget: Budget = {};
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const m = /^([a-z]+)\s*=\s*(.+)$/i.exec(part);
    const key = m ? KEYS[m[1]!.toLowerCase()] : undefined;
    if (!m || !key) throw new CliError(EXIT.usage, `--budget: "${part}" is not one of requests=N, tokens=N, dollars=N.`);
    budget[key] = parseLimit(m[2]!, `--budget ${m[1]}`);
  }
  return budget;
}

/** A non-negative finite number such as `100`, `1e6` or `2.5`. */
export function parseLimit(text: string, what: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new CliError(EXIT.usage, `${what}: "${text}" is not a non-negative number.`);
  return value;
}
