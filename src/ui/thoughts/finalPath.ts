import type { ThoughtId } from '../../engine/index';
import { ancestorsOf, type ThoughtLookup } from './lineage';

/** The final thoughts and every thought that led to them: what a finished run's view makes stand out. */
export function finalPathIds(finals: readonly ThoughtId[], get: ThoughtLookup): ReadonlySet<string> {
  const out = new Set<string>();
  for (const id of finals) {
    out.add(id);
    for (const a of ancestorsOf(id, get)) out.add(a);
  }
  return out;
}
