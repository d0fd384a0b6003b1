import type { OperationStatus } from '../../engine/index';

/** A folded stack's run state: the worst of its members' (a failure shows over everything), and a line counting them. */
export interface StackProgress {
  status: 'failed' | 'running' | 'done' | 'skipped' | 'waiting' | 'preview';
  text: string;
  done: number;
}

/** Combines the members' statuses (undefined: not in a run) into the stack's: "3/8 done · 2 running · 1 failed". */
export function stackProgress(statuses: ReadonlyArray<OperationStatus | undefined>): StackProgress {
  const count = (st: OperationStatus) => statuses.filter((x) => x === st).length;
  const [done, running, failed] = [count('done'), count('running'), count('failed')];
  const text = [`${done}/${statuses.length} done`, running ? `${running} running` : '', failed ? `${failed} failed` : ''].filter(Boolean).join(' · ');
  // Skipped and cancelled members are over too: the stack is then not waiting any more.
  const over = statuses.every((x) => x === 'done' || x === 'skipped' || x === 'cancelled');
  const status = failed ? 'failed' : running ? 'running' : done === statuses.length ? 'done' : over ? 'skipped' : statuses.some((x) => x) ? 'waiting' : 'preview';
  return { status, text, done };
}
