import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UnreadableEntry, type CacheStore } from '../engine/index';

const KEY_PATTERN = /^[0-9a-f]{8,64}$/;

/**
 * A response cache kept as one JSON file per request under `dir` (sharded by the key's first two
 * hex digits), for the CLI. Writes go through a temporary file and a rename, so a crash never
 * leaves half a file; what a file holds is checked by withCache, which counts a bad one as a miss.
 */
export function folderCacheStore(dir: string): CacheStore {
  const pathOf = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error(`not a cache key: ${key.slice(0, 20)}`);
    return join(dir, key.slice(0, 2), `${key}.json`);
  };
  let tempCounter = 0;

  /**
   * The keys of the files stored, read from the folder's names (which anyone can write to): only a
   * well-formed key in its own shard counts, a temporary file of a write in progress is none. The
   * shards are read side by side.
   */
  async function listKeys(): Promise<string[]> {
    let shards: string[];
    try {
      shards = await readdir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const perShard = await Promise.all(
      shards.map(async (shard) => {
        const files = await readdir(join(dir, shard)).catch(() => [] as string[]);
        return files.filter((f) => f.endsWith('.json') && f.startsWith(shard)).map((f) => f.slice(0, -'.json'.length)).filter((key) => KEY_PATTERN.test(key));
      }),
    );
    return perShard.flat();
  }

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
        return JSON.parse(text) as unknown;
      } catch {
        return new UnreadableEntry(`its file ${key}.json is not valid JSON (truncated or edited)`);
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
    keys: listKeys,
    async size() {
      return (await listKeys()).length;
    },
  };
}
