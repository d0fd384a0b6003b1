import { CliError, EXIT } from '../errors';

/**
 * Parses a sample selection such as `0-9`, `3` or `0-4,7,10-12` into row indices, in the order
 * given, without duplicates. With `rows` (the dataset's size, named by `dataset`), a row past the
 * end is refused before any range is expanded, so `0-99999999` costs nothing.
 */
export function parseSamples(text: string, rows = Number.MAX_SAFE_INTEGER, dataset = 'the dataset'): number[] {
  const past = (part: string, last: number) =>
    new CliError(EXIT.usage, `--samples: "${part}" reaches row ${last}, but ${dataset} has ${rows} row${rows === 1 ? '' : 's'} (${rows === 0 ? 'none to pick' : `0-${rows - 1}`}).`);
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
      if (to >= rows) throw past(part, to);
      for (let i = from; i <= to; i += 1) add(i);
    } else if (/^\d+$/.test(part)) {
      if (Number(part) >= rows) throw past(part, Number(part));
      add(Number(part));
    } else {
      throw new CliError(EXIT.usage, `--samples: "${part}" is not a row number or a range like 0-9.`);
    }
  }
  if (out.length === 0) throw new CliError(EXIT.usage, '--samples: no rows selected (write e.g. 0-9 or 0-4,7).');
  return out;
}
