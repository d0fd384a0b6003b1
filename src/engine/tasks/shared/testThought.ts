import type { ThoughtView } from '../../functions/types';
import type { ThoughtState } from '../../graph/specs';

/** A thought view for scorer tests: the state plus unset annotations. */
export function viewOf(state: ThoughtState, parseError?: { message: string; raw: string }): ThoughtView {
  return { id: 't', state, score: null, scored: false, valid: null, validated: false, solved: null, compared: false, ...(parseError ? { parseError } : {}) };
}
