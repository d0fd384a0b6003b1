#!/usr/bin/env node
// Compiles the CLI into build/cli so `got-studio` starts without tsx: the CLI as one minified
// CommonJS script (got-studio.cjs), which bin/got-studio.mjs compiles through node:vm with a V8 code
// cache, and the sandbox's worker thread as its own ESM bundle. Writes build/cli/inputs.json: the
// source files it was built from (bin/got-studio.mjs falls back to tsx when one is newer) and the
// bundle's hash (a code cache made for another bundle is never used); then makes a first code cache.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const target = 'build/cli';
// Built beside build/cli and swapped in whole: a CLI starting meanwhile finds the old build, the new
// one or none (then it runs from source), and two builds at once (parallel test files) never mix.
const outdir = `${target}.${process.pid}.tmp`;
rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
const common = { bundle: true, minify: true, platform: 'node', target: 'node20', outdir, metafile: true, logLevel: 'warning' };
const [cli, thread] = await Promise.all([
  build({
    ...common,
    entryPoints: { 'got-studio': 'src/cli/main.ts' },
    // One script, so one code cache covers it all: lazy `import()`s become requires of bundled modules.
    // The tokenizer's encodings (3.7 MB, needed only when a server sends no usage) stay in node_modules.
    external: ['gpt-tokenizer/encoding/*'],
    supported: { 'dynamic-import': false },
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // A CommonJS script has no import.meta: its URL is this file's.
    define: { 'import.meta.url': '__gotModuleUrl' },
    banner: { js: "var __gotModuleUrl=require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({
    ...common,
    // The sandbox's worker thread is an entry of its own: the CLI starts it from a file beside itself.
    entryPoints: { 'sandbox-thread': 'src/cli/workerScriptRunnerThread.ts' },
    // QuickJS finds its .wasm next to its own module, so it is loaded from node_modules, not bundled.
    external: ['quickjs-emscripten-core', '@jitl/quickjs-wasmfile-release-sync'],
    format: 'esm',
    outExtension: { '.js': '.mjs' },
  }),
]);
// node:vm runs the bundle without an ESM loader: an import() left in it would throw when reached.
const dynamic = Object.values(cli.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
if (dynamic.length > 0) {
  rmSync(outdir, { recursive: true, force: true });
  throw new Error(`The CLI bundle must not keep import(): ${dynamic.join(', ')}`);
}
const inputs = [...new Set([cli, thread].flatMap((r) => Object.keys(r.metafile.inputs)).filter((f) => f.startsWith('src/')))];
const bundle = readFileSync(`${outdir}/got-studio.cjs`);
const hash = createHash('sha256').update(bundle).digest('hex');
writeFileSync(`${outdir}/inputs.json`, JSON.stringify({ builtAt: started, inputs, bundle: hash }));
// Another build may swap its own in between the two renames: then move that one aside too and retry.
for (let attempt = 0; ; attempt++) {
  const old = `${target}.${process.pid}.${attempt}.old`;
  try {
    renameSync(target, old);
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  try {
    renameSync(outdir, target);
    break;
  } catch (e) {
    if (attempt >= 10 || (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST')) throw e;
  } finally {
    rmSync(old, { recursive: true, force: true });
  }
}
console.log(`CLI compiled to ${target}/got-studio.cjs (${(bundle.length / 1024).toFixed(0)} kB, ${inputs.length} source files) in ${Date.now() - started} ms`);
// A first code cache, made here where build/cli is writable (an install may be read-only later): a
// quick run on the offline simulator compiles most of the CLI; a run against a server later remakes it.
const primed = spawnSync(
  process.execPath,
  ['bin/got-studio.mjs', 'run', 'public/examples/sorting-032-got.got.json', '--samples', '0', '--no-cache', '--quiet', '--latency-ms', '0', '--token-ms', '0'],
  // Into build/cli, whatever GOT_STUDIO_CODE_CACHE says in this environment.
  { stdio: 'ignore', timeout: 60_000, env: { ...process.env, GOT_STUDIO_CODE_CACHE: '' } },
);
if (primed.status !== 0) console.warn('The compiled CLI ran without a code cache: its first runs compile from source.');
