import { ModelError } from '../models/types';

/** Simulated time for tests: sleeps wake in time order, and no real duration is ever measured. */
export interface VirtualClock {
  /** Current virtual milliseconds (a run's `clock`). */
  now: () => number;
  /** A scripted model's `sleep`: resolves when virtual time reaches now + ms; rejects when the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Settles `work`, moving time to the next wake-up each time everything else is idle. */
  run: <T>(work: Promise<T>) => Promise<T>;
}

/** A discrete-event clock: time only moves when every pending promise is waiting on a sleep. */
export function virtualClock(): VirtualClock {
  let time = 0;
  let order = 0;
  const wakes: Array<{ at: number; order: number; resolve: () => void }> = [];
  const idle = () => new Promise<void>((r) => setTimeout(r, 0));
  return {
    now: () => time,
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(new ModelError('aborted', 'the call was cancelled'));
        const wake = { at: time + Math.max(0, ms), order: order++, resolve };
        wakes.push(wake);
        signal?.addEventListener(
          'abort',
          () => {
            wakes.splice(wakes.indexOf(wake), 1);
            reject(new ModelError('aborted', 'the call was cancelled'));
          },
          { once: true },
        );
      }),
    async run(work) {
      let done = false;
      const settled = work.finally(() => (done = true));
      for (let idleRounds = 0; !done; ) {
        // A macrotask turn lets every microtask chain reach its next sleep first.
        await idle();
        if (done) break;
        wakes.sort((a, b) => a.at - b.at || a.order - b.order);
        const next = wakes.shift();
        if (next) {
          time = next.at;
          next.resolve();
          idleRounds = 0;
        } else if (++idleRounds > 1000) throw new Error('virtualClock: the work waits on something other than its sleeps');
      }
      return settled;
    },
  };
}
