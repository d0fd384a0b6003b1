/** A first-come-first-served limit on concurrent work (Infinity: no limit). */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<{ grant: () => void; reject: (err: Error) => void }> = [];

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`concurrency must be at least 1 (got ${limit})`);
  }

  /** Currently held slots. */
  get inUse(): number {
    return this.active;
  }

  /** Waits for a slot; resolves with its release function (call it exactly once; extra calls are ignored). */
  acquire(): Promise<() => void> {
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => this.waiting.push({ grant: () => resolve(this.releaser()), reject }));
  }

  /** Rejects every waiter with `err` (a stopped run gives up its place in line). */
  rejectAll(err: () => Error): void {
    for (const w of this.waiting.splice(0)) w.reject(err());
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
