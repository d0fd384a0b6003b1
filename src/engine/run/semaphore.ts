/** A first-come-first-served limit on concurrent work (Infinity: no limit). */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<{ grant: () => void }> = [];

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`concurrency must be at least 1 (got ${limit})`);
  }

  /** Currently held slots. */
  get inUse(): number {
    return this.active;
  }

  /**
   * Waits for a slot; resolves with its release function. Rejects with `abortReason()` (and
   * gives up its place) when `signal` aborts first.
   */
  acquire(signal: AbortSignal, abortReason: () => Error): Promise<() => void> {
    if (signal.aborted) return Promise.reject(abortReason());
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          signal.removeEventListener('abort', onAbort);
          resolve(this.releaser());
        },
      };
      const onAbort = (): void => {
        const at = this.waiting.indexOf(entry);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(abortReason());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next.grant();
      else this.active -= 1;
    };
  }
}
