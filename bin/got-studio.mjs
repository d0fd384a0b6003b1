#!/usr/bin/env node
// Starts the compiled CLI (build/cli, made by `npm run build:cli`, which `npm install` runs) when it
// is newer than every source file it was built from; otherwise runs the TypeScript through tsx, so
// a checkout being edited never runs stale code.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshCompiledCli } from '../scripts/cliFreshness.mjs';
import { runCompiledCli } from './runCompiledCli.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = freshCompiledCli(root);

if (compiled) {
  runCompiledCli(join(root, 'build', 'cli'), compiled.bundle, process.argv.slice(2), process.env);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
}
