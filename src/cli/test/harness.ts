import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GotDocument } from '../../engine/index';
import { runCli } from '../program';

/** The project root (tests pass absolute graph paths so the CLI's cwd can be a scratch folder). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXAMPLES_DIR = resolve(ROOT, 'public/examples');

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh scratch folder (the CLI's cwd: its cache and reports land there). */
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'got-cli-'));
}

/** Runs the CLI in-process, like the shell would, and captures what it prints. */
export async function cli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string>; signal?: AbortSignal; tty?: boolean } = {}): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty ?? false, columns: 120 },
    env: opts.env ?? {},
    cwd: opts.cwd ?? scratch(),
    signal: opts.signal ?? new AbortController().signal,
  });
  return { code, stdout, stderr };
}

export interface ExampleGraph {
  file: string;
  name: string;
  document: GotDocument;
}

/** Every example graph shipped in public/examples. */
export function exampleGraphs(): ExampleGraph[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.got.json'))
    .sort()
    .map((name) => {
      const file = join(EXAMPLES_DIR, name);
      return { file, name, document: JSON.parse(readFileSync(file, 'utf8')) as GotDocument };
    });
}

/** Reads a JSON report the CLI wrote. */
export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
