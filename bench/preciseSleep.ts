// A sleep that ends at its deadline to within a few hundredths of a millisecond, for benchmark models
// that "take a fixed latency per call". Node's setTimeout counts from the event loop's cached
// millisecond clock, so a timer set while the loop is busy fires early or late by up to a few ms;
// with a 20 ms call that error alone would be several percent of the critical-path bound.
import { ModelError } from '../src/engine/index';

interface Sleeper {
  at: number;
  resolve: () => void;
}

/** Sleepers by deadline (soonest first). */
const queue: Sleeper[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
let polling = false;
/** How long before a deadline the coarse timer hands over to setImmediate checks. */
const SPIN_MS = 2;

function wake(): void {
  polling = false;
  const now = performance.now();
  let due = 0;
  while (due < queue.length && (queue[due] as Sleeper).at <= now) due += 1;
  for (const s of queue.splice(0, due)) s.resolve();
  arm();
}

function arm(): void {
  const first = queue[0];
  if (!first) return;
  const wait = first.at - performance.now();
  if (wait > SPIN_MS) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      wake();
    }, wait - SPIN_MS);
  } else if (!polling) {
    polling = true;
    setImmediate(wake);
  }
}

/** Resolves `ms` after the call (rejects with an 'aborted' ModelError when the signal fires first). */
export function preciseSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ModelError('aborted', 'the call was cancelled'));
    const sleeper: Sleeper = {
      at: performance.now() + ms,
      resolve: () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
    };
    const onAbort = (): void => {
      const i = queue.indexOf(sleeper);
      if (i >= 0) queue.splice(i, 1);
      reject(new ModelError('aborted', 'the call was cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let i = queue.length;
    while (i > 0 && (queue[i - 1] as Sleeper).at > sleeper.at) i -= 1;
    queue.splice(i, 0, sleeper);
    if (i === 0) arm();
  });
}
