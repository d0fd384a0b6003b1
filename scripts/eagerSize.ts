// The JavaScript a first page load fetches before any user action: the entry chunk and every chunk
// it imports statically (transitively), read from the production build's manifest, gzipped here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EagerChunk {
  file: string;
  raw: number;
  gzip: number;
}

/** Gzipped bytes of the eager JavaScript of the build in `dist` (entry + static imports). */
export function eagerJavaScript(dist = 'dist'): { chunks: EagerChunk[]; gzip: number; raw: number } {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error(`${dist}/.vite/manifest.json has no entry chunk`);
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) visit(dep);
  };
  visit(entry);
  const chunks = [...seen].map((key) => {
    const file = manifest[key]!.file;
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { chunks, gzip: chunks.reduce((a, c) => a + c.gzip, 0), raw: chunks.reduce((a, c) => a + c.raw, 0) };
}

// `npx tsx scripts/eagerSize.ts [dist]` prints the eager chunks of a build.
if (import.meta.url === `file://${process.argv[1]}`) {
  const r = eagerJavaScript(process.argv[2] ?? 'dist');
  for (const c of r.chunks) console.log(`${(c.gzip / 1024).toFixed(1).padStart(8)} kB gzip  ${c.file}`);
  console.log(`${(r.gzip / 1024).toFixed(1).padStart(8)} kB gzip  eager JavaScript in all`);
}
