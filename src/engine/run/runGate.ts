import type { OperationId } from '../graph/ids';
import type { RunControl } from './options';

interface Held {
  opId: OperationId;
  release: () => void;
}

/**
 * Pause, Resume and Step for one run, as RunControl hooks. While paused no operation starts and
 * no model call starts (calls in flight finish), except for operations that Step let through:
 * those run to their end. Each Step lets one operation through: a running operation whose calls
 * the pause holds, else the earliest operation waiting to start, else the next one to arrive.
 */
export class RunGate {
  private paused: boolean;
  private readonly heldOps: Held[] = [];
  private readonly heldCalls: Held[] = [];
  /** Operations Step let through: their calls pass the pause. */
  private readonly stepped = new Set<OperationId>();
  /** Steps taken while no operation was waiting: the next ones to arrive pass. */
  private credits = 0;

  constructor(
    paused: boolean,
    private readonly onChange: () => void,
  ) {
    this.paused = paused;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Operations waiting to start, in arrival order. */
  get waiting(): OperationId[] {
    return this.heldOps.map((h) => h.opId);
  }

  /** The operation the next Step lets through, if one is waiting. */
  get next(): OperationId | null {
    return this.heldCalls[0]?.opId ?? this.heldOps[0]?.opId ?? null;
  }

  readonly hooks: Required<RunControl> = {
    // Nothing returned while open: the run goes on without a wait (the hot path).
    beforeOperation: (opId) => {
      if (!this.paused) return undefined;
      if (this.credits > 0) {
        this.credits -= 1;
        this.stepped.add(opId);
        this.onChange();
        return undefined;
      }
      return this.hold(this.heldOps, opId);
    },
    beforeCall: (opId) => (!this.paused || this.stepped.has(opId) ? undefined : this.hold(this.heldCalls, opId)),
  };

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.onChange();
  }

  /** Lets everything held go and leaves the paused state (steps not yet used are dropped). */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.credits = 0;
    this.stepped.clear();
    const held = [...this.heldCalls.splice(0), ...this.heldOps.splice(0)];
    this.onChange();
    for (const h of held) h.release();
  }

  /** Pauses if needed, then lets one operation through (see the class comment). */
  step(): void {
    this.paused = true;
    const call = this.heldCalls[0];
    if (call) {
      this.stepped.add(call.opId);
      const mine = this.heldCalls.filter((h) => h.opId === call.opId);
      this.heldCalls.splice(0, this.heldCalls.length, ...this.heldCalls.filter((h) => h.opId !== call.opId));
      this.onChange();
      for (const h of mine) h.release();
      return;
    }
    const op = this.heldOps.shift();
    if (op) {
      this.stepped.add(op.opId);
      this.onChange();
      op.release();
      return;
    }
    this.credits += 1;
    this.onChange();
  }

  private hold(list: Held[], opId: OperationId): Promise<void> {
    return new Promise<void>((release) => {
      list.push({ opId, release });
      this.onChange();
    });
  }
}
