// The compiled CLI's V8 code cache file: a header line, a JSON line with the key it was made for (Node,
// V8, bundle) and the payload's length and hash, then the payload V8 made. The file is untrusted
// (truncated by a crash, made by another Node or bundle, or plain garbage): anything that does not
// match exactly is ignored before V8 ever sees it, and writing is temp file + rename, so two processes
// writing at once leave one whole file.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const MAGIC = 'got-studio code cache 1\n';
/** More than any real header line: a file without a newline this early is not a cache file. */
const MAX_HEADER = 4096;
/** Far more than the CLI's cache (about 1 MB): a bigger file is not read at all. */
const MAX_FILE = 64 * 1024 * 1024;

/** The file's bytes when it is a regular file of a sane size (not a FIFO, a device or a huge file); else null. */
function readSmallFile(path) {
  const fd = openSync(path, 'r');
  try {
    const stats = fstatSync(fd);
    return stats.isFile() && stats.size <= MAX_FILE ? readFileSync(fd) : null;
  } finally {
    closeSync(fd);
  }
}

const sha1 = (bytes) => createHash('sha1').update(bytes).digest('hex');

/** What a cache is only valid for: this Node and V8, this bundle (hash, size, mtime). V8 itself checks its flags. */
export function codeCacheKey(bundle) {
  return { node: process.version, v8: process.versions.v8, arch: process.arch, ...bundle };
}

const sameKey = (a, b) => Object.keys(b).length === Object.keys(a).length && Object.keys(b).every((k) => a[k] === b[k]);

/**
 * The cache at `path` made for `key`, as `{ data, rank }` (rank: how much of the CLI the run that made
 * it compiled), or null when there is none or it is not exactly a cache for `key`. Never throws.
 */
export function readCodeCache(path, key) {
  try {
    const file = readSmallFile(path);
    if (file === null || file.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return null;
    const end = file.indexOf(10, MAGIC.length);
    if (end < 0 || end > MAX_HEADER) return null;
    const header = JSON.parse(file.subarray(MAGIC.length, end).toString('utf8'));
    const data = file.subarray(end + 1);
    if (typeof header !== 'object' || header === null || typeof header.key !== 'object' || header.key === null) return null;
    if (!sameKey(header.key, key) || header.bytes !== data.length || header.sha1 !== sha1(data) || !Number.isInteger(header.rank)) return null;
    return { data, rank: header.rank };
  } catch {
    return null;
  }
}

/** Writes `data` as the cache for `key` at `path` (temp file + rename). False when it cannot (a read-only install): never throws. */
export function writeCodeCache(path, key, rank, data) {
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    // Only a missing file or a regular one is replaced: never a device, a folder or a symlink someone pointed it at.
    const existing = lstatSync(path, { throwIfNoEntry: false });
    if (existing !== undefined && !existing.isFile()) return false;
    const header = JSON.stringify({ key, rank, bytes: data.length, sha1: sha1(data) });
    writeFileSync(temp, Buffer.concat([Buffer.from(`${MAGIC}${header}\n`), data]), { mode: 0o644, flag: 'wx' });
    renameSync(temp, path);
    return true;
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written there either.
    }
    return false;
  }
}
