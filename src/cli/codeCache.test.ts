import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSimulatorServer } from '../server/simulatorCli';
import { EXAMPLES_DIR, ROOT, scratch } from './test/harness';
// @ts-expect-error: plain .mjs files shared with bin/got-studio.mjs, without types.
import { codeCacheKey, readCodeCache, writeCodeCache } from '../../bin/codeCache.mjs';
// @ts-expect-error: a plain .mjs helper shared with bin/got-studio.mjs, without types.
import { compiledCliIsFresh } from '../../scripts/cliFreshness.mjs';

interface CachedCode {
  data: Buffer;
  rank: number;
}
const read = readCodeCache as (path: string, key: object) => CachedCode | null;
const write = writeCodeCache as (path: string, key: object, rank: number, data: Buffer) => boolean;
const keyFor = (bundle: string) => (codeCacheKey as (b: object) => object)({ bundle, size: 10, mtimeMs: 1.5 });

const KEY = keyFor('a'.repeat(64));
const PAYLOAD = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));

describe('the code cache file', () => {
  it('reads back what was written, for the key it was written for', () => {
    const path = join(scratch(), 'c.cache');
    expect(write(path, KEY, 2, PAYLOAD)).toBe(true);
    const cached = read(path, KEY);
    expect(cached?.rank).toBe(2);
    expect(Buffer.compare(cached!.data, PAYLOAD)).toBe(0);
  });

  it('is ignored when made for another bundle, bundle size or modification time', () => {
    const path = join(scratch(), 'c.cache');
    write(path, KEY, 1, PAYLOAD);
    expect(read(path, keyFor('b'.repeat(64)))).toBeNull();
    expect(read(path, { ...KEY, size: 11 })).toBeNull();
    expect(read(path, { ...KEY, mtimeMs: 2 })).toBeNull();
    expect(read(path, { ...KEY, node: 'v99.0.0' })).toBeNull();
  });

  it('is ignored when truncated, when a payload byte changed, or when it is garbage', () => {
    const dir = scratch();
    const path = join(dir, 'c.cache');
    write(path, KEY, 1, PAYLOAD);
    const whole = readFileSync(path);
    const variants = {
      truncated: whole.subarray(0, whole.length - 1),
      'cut in the header': whole.subarray(0, 40),
      'one byte changed': Buffer.from(whole.map((b, i) => (i === whole.length - 10 ? b ^ 1 : b))),
      garbage: Buffer.from(Array.from({ length: 9000 }, (_, i) => (i * 7919) % 256)),
      'no header line': Buffer.concat([Buffer.from('got-studio code cache 1\n'), Buffer.alloc(20_000, 65)]),
      'a header that is not JSON': Buffer.concat([Buffer.from('got-studio code cache 1\n{"key":\n'), PAYLOAD]),
      empty: Buffer.alloc(0),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      writeFileSync(path, bytes);
      expect(read(path, KEY), name).toBeNull();
    }
    expect(read(join(dir, 'missing.cache'), KEY)).toBeNull();
  });

  it('is not read at all when it is a folder, a device or over 64 MB', () => {
    const dir = scratch();
    const huge = join(dir, 'huge.cache');
    write(huge, KEY, 1, PAYLOAD);
    truncateSync(huge, 65 * 1024 * 1024);
    expect(read(huge, KEY)).toBeNull();
    expect(read(dir, KEY)).toBeNull();
    // /dev/zero never ends: read whole, it would hang the CLI.
    if (existsSync('/dev/zero')) expect(read('/dev/zero', KEY)).toBeNull();
  });

  it('is not written where it cannot be, without throwing or leaving a temp file', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'file'), 'x');
    // A folder that is a file: no process, root or not, can write under it.
    expect(write(join(dir, 'file', 'c.cache'), KEY, 1, PAYLOAD)).toBe(false);
    const readOnly = join(dir, 'ro');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    // root writes anyway: then the cache is simply there; otherwise it is not, and nothing is left behind.
    const written = write(join(readOnly, 'c.cache'), KEY, 1, PAYLOAD);
    expect(readdirSync(readOnly)).toEqual(written ? ['c.cache'] : []);
    expect(readdirSync(dir).sort()).toEqual(['file', 'ro']);
  });

  it('never replaces a folder, a device or a symlink at its path', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'target'), 'keep');
    symlinkSync(join(dir, 'target'), join(dir, 'link'));
    expect(write(join(dir, 'folder'), KEY, 1, PAYLOAD)).toBe(false);
    expect(write(join(dir, 'link'), KEY, 1, PAYLOAD)).toBe(false);
    expect(readFileSync(join(dir, 'target'), 'utf8')).toBe('keep');
    expect(readdirSync(dir).sort()).toEqual(['folder', 'link', 'target']);
  });

  it('stays whole when two processes write it at once', async () => {
    const path = join(scratch(), 'c.cache');
    const writer = (fill: number) =>
      new Promise<number | null>((resolve) => {
        const code = `import('${join(ROOT, 'bin/codeCache.mjs')}').then(({ writeCodeCache }) => { for (let i = 0; i < 40; i++) writeCodeCache(${JSON.stringify(path)}, ${JSON.stringify(KEY)}, 1, Buffer.alloc(400000 + i, ${fill})); })`;
        spawn(process.execPath, ['-e', code], { stdio: 'ignore' }).on('close', resolve);
      });
    expect(await Promise.all([writer(1), writer(2)])).toEqual([0, 0]);
    const cached = read(path, KEY);
    expect(cached).not.toBeNull();
    expect(new Set(cached!.data).size).toBe(1);
    expect(readdirSync(join(path, '..'))).toEqual(['c.cache']);
  });
});

/** Runs the compiled CLI the way bin/got-studio.mjs does, with the cache at `cachePath`; prints what became of the cache on stderr. */
function compiled(args: readonly string[], cachePath: string, nodeFlags: readonly string[] = []): Promise<{ status: number | null; stdout: string; cache: string | undefined; stderr: string }> {
  // With -e there is no script in argv: the CLI reads its arguments from argv[2] on.
  const driver = `
    process.argv.splice(1, 0, 'got-studio');
    const { freshCompiledCli } = await import(${JSON.stringify(join(ROOT, 'scripts/cliFreshness.mjs'))});
    const { runCompiledCli } = await import(${JSON.stringify(join(ROOT, 'bin/runCompiledCli.mjs'))});
    const cache = runCompiledCli(${JSON.stringify(join(ROOT, 'build/cli'))}, freshCompiledCli(${JSON.stringify(ROOT)}).bundle, process.argv.slice(2), process.env);
    process.on('exit', () => process.stderr.write('code cache: ' + cache));`;
  // Not spawnSync: a test's own model server must go on answering while the CLI runs.
  const child = spawn(process.execPath, [...nodeFlags, '--input-type=module', '-e', driver, ...args], { cwd: scratch(), env: { ...process.env, GOT_STUDIO_CODE_CACHE: cachePath, OPENAI_API_KEY: 'sk-test-local' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr, cache: /code cache: (\w+)$/.exec(stderr)?.[1] })));
}

describe('the compiled CLI with its code cache', () => {
  const graph = join(EXAMPLES_DIR, 'set-intersection-064-got.got.json');
  let expected = '';

  beforeAll(async () => {
    if (!(compiledCliIsFresh(ROOT) as boolean)) expect(spawnSync(process.execPath, [join(ROOT, 'scripts/buildCli.mjs')]).status).toBe(0);
    expected = (await compiled(['validate', graph], 'off')).stdout;
    expect(expected).toContain('valid');
  });

  it('writes the cache after a successful command and uses it in the next process', async () => {
    const path = join(scratch(), 'cli.cache');
    const first = await compiled(['validate', graph], path);
    expect([first.status, first.cache, first.stdout]).toEqual([0, 'none', expected]);
    expect(read(path, JSON.parse(readFileSync(path, 'latin1').split('\n')[1]!).key as object)?.rank).toBe(1);
    const second = await compiled(['validate', graph], path);
    expect([second.status, second.cache, second.stdout]).toEqual([0, 'accepted', expected]);
  });

  it('answers the same from a garbage, truncated or foreign cache file, and replaces it', async () => {
    const dir = scratch();
    const good = join(dir, 'good.cache');
    await compiled(['validate', graph], good);
    const whole = readFileSync(good);
    const [magic, header] = whole.toString('latin1').split('\n');
    const foreignPayload = new Script('1 + 1').createCachedData();
    const { key } = JSON.parse(header!) as { key: object };
    const foreignHeader = JSON.stringify({ key, rank: 1, bytes: foreignPayload.length, sha1: createHash('sha1').update(foreignPayload).digest('hex') });
    const files = {
      garbage: [Buffer.from('not a cache at all'), 'none'],
      truncated: [whole.subarray(0, whole.length >> 1), 'none'],
      // Whole and for this key by its header, but V8's own checks refuse a cache made for another script.
      'another script': [Buffer.concat([Buffer.from(`${magic}\n${foreignHeader}\n`), foreignPayload]), 'rejected'],
    } as const;
    for (const [name, [bytes, outcome]] of Object.entries(files)) {
      const path = join(dir, `${name}.cache`);
      writeFileSync(path, bytes);
      const r = await compiled(['validate', graph], path);
      expect([name, r.status, r.cache, r.stdout]).toEqual([name, 0, outcome, expected]);
      expect((await compiled(['validate', graph], path)).cache, name).toBe('accepted');
    }
  });

  it('a cache made under other V8 flags is refused by V8 and remade', async () => {
    const path = join(scratch(), 'cli.cache');
    await compiled(['validate', graph], path, ['--no-opt']);
    const r = await compiled(['validate', graph], path);
    expect([r.status, r.cache, r.stdout]).toEqual([0, 'rejected', expected]);
    expect((await compiled(['validate', graph], path)).cache).toBe('accepted');
  });

  it('runs without a cache where none can be written, and writes none after a failed command or --help', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'file'), 'x');
    const unwritable = await compiled(['validate', graph], join(dir, 'file', 'cli.cache'));
    expect([unwritable.status, unwritable.cache, unwritable.stdout]).toEqual([0, 'none', expected]);
    const failed = await compiled(['validate', join(dir, 'missing.got.json')], join(dir, 'failed.cache'));
    expect(failed.status).not.toBe(0);
    expect((await compiled(['--help'], join(dir, 'help.cache'))).status).toBe(0);
    expect(existsSync(join(dir, 'failed.cache')) || existsSync(join(dir, 'help.cache'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('a cache is remade only by a command that compiles more: validate, then a simulator run, then a run against a server', async () => {
    const path = join(scratch(), 'cli.cache');
    const rank = () => (JSON.parse(readFileSync(path, 'latin1').split('\n')[1]!) as { rank: number }).rank;
    const sorting = join(EXAMPLES_DIR, 'sorting-032-got.got.json');
    const run = ['run', sorting, '--samples', '0', '--no-cache', '--quiet', '--latency-ms', '0'];
    await compiled(['validate', graph], path);
    expect(rank()).toBe(1);
    expect((await compiled(run, path)).cache).toBe('accepted');
    expect(rank()).toBe(2);
    const server = await runSimulatorServer(['--port', '0', '--latency-ms', '0', '--token-ms', '0'], () => undefined);
    try {
      const served = await compiled([...run, '--base-url', server!.url, '--model', 'got-simulator'], path);
      expect([served.status, served.cache]).toEqual([0, 'accepted']);
    } finally {
      await server!.close();
    }
    expect(rank()).toBe(3);
    const written = statSync(path).mtimeMs;
    expect((await compiled(run, path)).cache).toBe('accepted');
    expect((await compiled(['validate', graph], path)).cache).toBe('accepted');
    expect([rank(), statSync(path).mtimeMs]).toEqual([3, written]);
  });

});
