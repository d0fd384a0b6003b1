import type { ThoughtState } from '../graph/specs';
import type { ThoughtView } from './types';

/** A thought view for tests: unscored, unvalidated, with the given state and annotations. */
export const viewOf = (state: ThoughtState, extra: Partial<ThoughtView> = {}): ThoughtView => ({
  id: 't1',
  state,
  score: null,
  scored: false,
  valid: null,
  validated: false,
  solved: null,
  compared: false,
  ...extra,
});
