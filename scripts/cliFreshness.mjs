// Whether build/cli (the compiled CLI) is newer than every source file it was built from.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** build/cli's manifest (`bundle`: the bundle's hash) when got-studio.cjs exists and none of its sources changed since it was built; else null. */
export function freshCompiledCli(root) {
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'build', 'cli', 'inputs.json'), 'utf8'));
    const fresh = typeof manifest.bundle === 'string' && existsSync(join(root, 'build', 'cli', 'got-studio.cjs')) && manifest.inputs.every((file) => statSync(join(root, file)).mtimeMs <= manifest.builtAt);
    return fresh ? manifest : null;
  } catch {
    return null;
  }
}

/** True when build/cli holds a compiled CLI that is up to date with the sources. */
export function compiledCliIsFresh(root) {
  return freshCompiledCli(root) !== null;
}
