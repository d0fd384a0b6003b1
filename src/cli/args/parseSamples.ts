import { CliError, EXIT } from '../errors';

/**
 * Parses a sample selection such as `0-9`, `3` or `0-4,7,10-12` into row indices, in the order
 * given, without duplicates.
 */
export function parseSamples(text: string): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const add = (i: number) => {
    if (!seen.has(i)) {
      seen.add(i);
      out.push(i);
    }
  };
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to < from) throw new CliError(EXIT.usage, `--samples: the range "${part}" runs backwards (write ${to}-${from}).`);
      for (let i = from; i <= to; i += 1) add(i);
    } else if (/^\d+$/.test(part)) {
      add(Number(part));
    } else {
      throw new CliError(EXIT.usage, `--samples: "${part}" is not a row number or a range like 0-9.`);
    }
  }
  if (out.length === 0) throw new CliError(EXIT.usage, '--samples: no rows selected (write e.g. 0-9 or 0-4,7).');
  return out;
}
