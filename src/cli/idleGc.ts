// A cold `got-studio run` has allocated ~20 MB by its first call (the bundle, its code cache, the
// graph's checks); V8 then owes scavenges and a mark-compact that would land, 5–15 ms each, on the
// first waves of answers. The first call's wait is idle time, so the run collects there instead.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options?: { type?: 'major' | 'minor' }) => void;

/** The flag that makes V8 offer `gc` to contexts made after it; the compiled CLI sets it at start so its code cache keeps one flag set. */
export const EXPOSE_GC_FLAG = '--expose-gc';

let collect: Collect | null | undefined;

function collector(): Collect | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString(EXPOSE_GC_FLAG);
    // A fresh context gets the function; this one's global is left as it was.
    const found: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    collect = typeof found === 'function' ? (found as Collect) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** Runs a full garbage collection now, where the caller knows the process would otherwise wait; false if V8 offers none. */
export function collectGarbageWhileIdle(): boolean {
  const gc = collector();
  if (!gc) return false;
  gc();
  return true;
}
