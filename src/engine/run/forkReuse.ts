import type { OperationId, RunId, ThoughtId } from '../graph/ids';
import type { ThoughtAnnotations } from '../grs/thought';
import type { RunEventMap } from './events';

/** What one operation of the forked run left, replayed as is by the fork (no model calls). */
export interface KeptOperation {
  /** Its thought events in their original order (thoughts already marked `carried`). */
  events: Array<({ type: 'thought.created' } & RunEventMap['thought.created']) | ({ type: 'thought.annotated' } & RunEventMap['thought.annotated']) | ({ type: 'thought.pruned' } & RunEventMap['thought.pruned'])>;
  /** Its model calls: which thoughts each took and how long it took (a thought a call judged and passed on left at the call's end). */
  calls: Array<{ inputIds: ThoughtId[]; ms: number }>;
  /** Its outputs in order, with the annotations they left with. */
  outputs: Array<{ id: ThoughtId } & ThoughtAnnotations>;
}

/** A fork's carried-over results (RunOptions.reuse). */
export interface RunReuse {
  fromRunId: RunId;
  /** The operations that run again; every other one is in `operations`. */
  rerun: readonly OperationId[];
  operations: Partial<Record<OperationId, KeptOperation>>;
}
