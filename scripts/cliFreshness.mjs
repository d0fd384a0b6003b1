// Whether build/cli (the compiled CLI) is newer than every source file it was built from.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** True when `root`/build/cli/got-studio.mjs exists and none of its sources changed since it was built. */
export function compiledCliIsFresh(root) {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(join(root, 'build', 'cli', 'inputs.json'), 'utf8'));
    return existsSync(join(root, 'build', 'cli', 'got-studio.mjs')) && inputs.every((file) => statSync(join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}
