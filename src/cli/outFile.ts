import { mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CliError, EXIT } from './errors';

const cannotWrite = (path: string, why: string) => new CliError(EXIT.missingFile, `--out: cannot write ${path}: ${why}`);
const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Creates the missing folders of `dir` one level at a time. Node's recursive mkdir spins forever
 * under /proc (`--out /proc/nope/x.json` hung the CLI), and one level at a time fails at once instead.
 */
async function ensureFolder(dir: string, path: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    const found = await stat(d).catch(() => undefined);
    if (found) {
      if (!found.isDirectory()) throw cannotWrite(path, `${d} is not a folder`);
      break;
    }
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) {
    await mkdir(d).catch((e: unknown) => {
      if (codeOf(e) !== 'EEXIST') throw cannotWrite(path, `cannot create the folder ${d} (${codeOf(e)})`);
    });
  }
}

/**
 * Checks before a run that the report can be written: its folder exists or can be made, a probe
 * file can be created there, and the target (if it exists) is a plain file, not a folder, device or pipe.
 */
export async function checkOutWritable(file: string, cwd: string): Promise<string> {
  const path = resolve(cwd, file);
  const existing = await stat(path).catch(() => undefined);
  if (existing && !existing.isFile()) throw cannotWrite(path, existing.isDirectory() ? 'it is a folder' : 'it is not a regular file');
  await ensureFolder(dirname(path), path);
  const probe = join(dirname(path), `.got-studio-write-check-${process.pid}`);
  try {
    await (await open(probe, 'wx')).close();
  } catch (e) {
    throw cannotWrite(path, `its folder is not writable (${codeOf(e)})`);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
  return path;
}

/** Writes a report (JSON or CSV) with a final newline; any failure is a clear exit-2 error. */
export async function writeReport(file: string, cwd: string, text: string): Promise<string> {
  const path = resolve(cwd, file);
  await ensureFolder(dirname(path), path);
  try {
    await writeFile(path, text.endsWith('\n') ? text : `${text}\n`, 'utf8');
  } catch (e) {
    throw cannotWrite(path, (e as Error).message);
  }
  return path;
}
