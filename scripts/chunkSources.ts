// What the first-load chunks are made of: each source file's share of the minified bytes, read from
// a build's source maps. `npx vite build --configLoader runner --sourcemap --outDir /tmp/x`, then
// `npx tsx scripts/chunkSources.ts /tmp/x` (minified kB per npm package or src folder, largest first).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eagerJavaScript } from './eagerSize';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one mappings segment (base64 VLQ) into its numbers. */
function vlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Minified characters per source file of one chunk, from its `.map` (unmapped characters under '?'). */
export function chunkSources(code: string, map: { sources: string[]; mappings: string }): Map<string, number> {
  const sizes = new Map<string, number>();
  const add = (source: string, n: number) => sizes.set(source, (sizes.get(source) ?? 0) + n);
  const lines = code.split('\n');
  let source = 0;
  map.mappings.split(';').forEach((line, i) => {
    const length = lines[i]?.length ?? 0;
    let column = 0;
    let from = 0;
    let owner = '?';
    for (const segment of line.split(',').filter(Boolean)) {
      const [dc = 0, ds] = vlq(segment);
      column += dc;
      add(owner, column - from);
      if (ds !== undefined) source += ds;
      owner = ds === undefined ? '?' : (map.sources[source] ?? '?');
      from = column;
    }
    add(owner, length - from);
  });
  return sizes;
}

/** Where a source belongs: an npm package, or a folder of this project two levels down. */
const groupOf = (source: string): string => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1]!;
  const local = /(src\/[^/]+\/[^/]+)/.exec(source);
  return local ? local[1]! : source;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const totals = new Map<string, number>();
  for (const chunk of eagerJavaScript(dist).chunks) {
    const file = join(dist, chunk.file);
    if (!existsSync(`${file}.map`)) continue;
    const sizes = chunkSources(readFileSync(file, 'utf8'), JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string });
    for (const [source, n] of sizes) totals.set(groupOf(source), (totals.get(groupOf(source)) ?? 0) + n);
  }
  for (const [group, n] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`${(n / 1024).toFixed(1).padStart(8)} kB  ${group}`);
}
