#!/usr/bin/env node
// Starts the compiled CLI (build/cli, made by `npm run build:cli`, which `npm install` runs) when it
// is newer than every source file it was built from; otherwise runs the TypeScript through tsx, so
// a checkout being edited never runs stale code.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compiledCliIsFresh } from '../scripts/cliFreshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (compiledCliIsFresh(root)) {
  await import(pathToFileURL(join(root, 'build', 'cli', 'got-studio.mjs')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
}
