#!/usr/bin/env node
// Compiles the CLI into build/cli (one minified ESM bundle, lazy parts such as the openai SDK and the
// tokenizer in their own chunks), so `got-studio` starts without tsx. Writes build/cli/inputs.json,
// the source files it was built from, which bin/got-studio.mjs checks to fall back to tsx when stale.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';

const outdir = 'build/cli';
rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
const result = await build({
  // The sandbox's worker thread is an entry of its own: the CLI starts it from a file beside itself.
  entryPoints: { 'got-studio': 'src/cli/main.ts', 'sandbox-thread': 'src/cli/workerScriptRunnerThread.ts' },
  // QuickJS finds its .wasm next to its own module, so it is loaded from node_modules, not bundled.
  external: ['quickjs-emscripten-core', '@jitl/quickjs-wasmfile-release-sync'],
  bundle: true,
  minify: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  metafile: true,
  logLevel: 'warning',
  // Bundled CommonJS packages may call require().
  banner: { js: "import { createRequire as __gotRequire } from 'node:module'; const require = __gotRequire(import.meta.url);" },
});
const inputs = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/'));
writeFileSync(`${outdir}/inputs.json`, JSON.stringify({ builtAt: started, inputs }));
const size = Object.entries(result.metafile.outputs).find(([f]) => f.endsWith('got-studio.mjs'))?.[1].bytes ?? 0;
console.log(`CLI compiled to ${outdir}/got-studio.mjs (${(size / 1024).toFixed(0)} kB, ${inputs.length} source files) in ${Date.now() - started} ms`);
