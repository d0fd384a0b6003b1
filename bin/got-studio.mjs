#!/usr/bin/env node
// Starts the compiled CLI (build/cli, made by `npm run build:cli`, which `npm install` runs) when it
// is newer than every source file it was built from; otherwise runs the TypeScript through tsx, so
// a checkout being edited never runs stale code.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'build', 'cli', 'got-studio.mjs');

function compiledIsFresh() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(join(root, 'build', 'cli', 'inputs.json'), 'utf8'));
    return existsSync(compiled) && inputs.every((file) => statSync(join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

if (compiledIsFresh()) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
}
