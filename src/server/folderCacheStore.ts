import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CacheStore, CachedCompletion } from '../engine/index';

const KEY_PATTERN = /^[0-9a-f]{8,64}$/;

function isCompletion(value: unknown): value is CachedCompletion {
  const v = value as CachedCompletion | null;
  return (
    !!v &&
    Array.isArray(v.texts) &&
    v.texts.every((t) => typeof t === 'string') &&
    typeof v.usage?.promptTokens === 'number' &&
    typeof v.usage?.completionTokens === 'number'
  );
}

/**
 * A response cache kept as one JSON file per request under `dir` (sharded by the key's first two
 * hex digits), for the CLI. Writes go through a temporary file and a rename, so a crash never
 * leaves half a file; unreadable files count as misses.
 */
export function folderCacheStore(dir: string): CacheStore {
  const pathOf = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error(`not a cache key: ${key.slice(0, 20)}`);
    return join(dir, key.slice(0, 2), `${key}.json`);
  };
  let tempCounter = 0;

  return {
    async get(key) {
      let text: string;
      try {
        text = await readFile(pathOf(key), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      try {
        const value: unknown = JSON.parse(text);
        return isCompletion(value) ? value : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      const file = pathOf(key);
      await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
      const temp = `${file}.${process.pid}.${tempCounter++}.tmp`;
      await writeFile(temp, JSON.stringify(value));
      await rename(temp, file);
    },
    async clear() {
      await rm(dir, { recursive: true, force: true });
    },
    async size() {
      let count = 0;
      let shards: string[];
      try {
        shards = await readdir(dir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
        throw err;
      }
      for (const shard of shards) {
        const files = await readdir(join(dir, shard)).catch(() => [] as string[]);
        count += files.filter((f) => f.endsWith('.json')).length;
      }
      return count;
    },
  };
}
