// Runs the compiled CLI (build/cli/got-studio.cjs) through node:vm with a V8 code cache: a process
// that finds a cache made for this exact bundle and Node skips parsing and compiling the code it met
// before (here compiling the bundle took 27 → 5 ms, and a cold run of sorting-128 GoT used about
// 70 ms less CPU). The cache is written after a successful command, from everything it compiled, and
// remade when a command that compiles more (see commandRank), another Node or other V8 flags meet
// it. GOT_STUDIO_CODE_CACHE=off runs without it; any other value is the cache file's path.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
import { codeCacheKey, readCodeCache, writeCodeCache } from './codeCache.mjs';

/** The value of `--name V` or `--name=V` in argv. */
function optionValue(argv, name) {
  const at = argv.indexOf(name);
  if (at >= 0) return argv[at + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/**
 * How much of the CLI a command compiles, so a cache is remade only by a command that compiles more:
 * --help makes none; a run against a server (the openai SDK, the HTTP client) outranks one on the
 * offline simulator, which outranks a validate. Mirrors modelSetup's rule (a base URL, or a model
 * other than the simulator); if the two ever differ, a cache is only less complete, never wrong.
 */
function commandRank(argv) {
  const command = argv.find((a) => !a.startsWith('-'));
  if (command === undefined || argv.includes('--help') || argv.includes('-h')) return 0;
  if (command !== 'run' && command !== 'compare') return 1;
  const model = optionValue(argv, '--model')?.trim().toLowerCase() ?? 'simulator';
  return optionValue(argv, '--base-url') !== undefined || !['simulator', 'sim', 'offline'].includes(model) ? 3 : 2;
}

/**
 * Compiles and runs build/cli/got-studio.cjs in `dir` (its hash is `bundleHash`) for `argv`. Returns
 * what became of the cache: 'off', 'none' (no valid file), 'rejected' (by V8) or 'accepted'.
 */
export function runCompiledCli(dir, bundleHash, argv, env) {
  // `run` sets these flags for itself (src/cli/commands/run.ts, src/cli/idleGc.ts); V8 accepts a cache only
  // under the flags it was made with, so every command starts with them.
  setFlagsFromString('--no-lazy-feedback-allocation');
  setFlagsFromString('--expose-gc');
  const file = join(dir, 'got-studio.cjs');
  const source = readFileSync(file, 'utf8');
  const setting = env.GOT_STUDIO_CODE_CACHE;
  const cachePath = setting === 'off' ? null : setting || `${file}.cache`;
  const { size, mtimeMs } = statSync(file);
  const key = codeCacheKey({ bundle: bundleHash, size, mtimeMs });
  const cached = cachePath === null ? null : readCodeCache(cachePath, key);
  // Node's own CommonJS wrapper, so the bundle sees require, module and __filename as when run directly.
  // No importModuleDynamically: the build turns every import() into a require and checks none is left.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData: cached?.data });
  const rank = commandRank(argv);
  if (cachePath !== null && rank > 0 && (cached === null || script.cachedDataRejected === true || cached.rank < rank)) {
    // After the command, so the functions compiled lazily on its way are in the cache too; only after a success.
    process.once('beforeExit', () => {
      if (!process.exitCode) writeCodeCache(cachePath, key, rank, script.createCachedData());
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dir);
  if (cachePath === null) return 'off';
  if (cached === null) return 'none';
  return script.cachedDataRejected === true ? 'rejected' : 'accepted';
}
