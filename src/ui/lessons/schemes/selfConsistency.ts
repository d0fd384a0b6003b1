import type { GotDocument } from '../../../engine/index';
import { addOperation, connect, disconnect, moveItems, setLabel, setMeta, setParam } from '../../document/graphEdits';

/** Space between two operations in a row of the shipped examples. */
const STEP_X = 260;

/**
 * CoT with self-consistency (CoT-SC), built from a CoT graph (Generate → Score → Ground Truth): the
 * same prompt answered by `chains` independent chains, scored, and the best one kept before the
 * ground truth. Null when the graph is not of that shape.
 */
export function selfConsistencyOf(cot: GotDocument, chains: number): GotDocument | null {
  const [generate, ...others] = cot.operations.filter((o) => o.type === 'generate');
  const truth = cot.operations.find((o) => o.type === 'groundTruth');
  const scored = truth?.inputs.length === 1 ? cot.operations.find((o) => o.id === truth.inputs[0] && o.type === 'score') : undefined;
  if (!generate || others.length || !truth || !scored) return null;
  const at = truth.position ?? { x: (scored.position?.x ?? 0) + STEP_X, y: scored.position?.y ?? 0 };
  let doc = setParam(cot, generate.id, 'samples', chains);
  const keep = addOperation(doc, 'keepBestN', at, 'keep-best');
  doc = setParam(setParam(keep.doc, keep.id, 'n', 1), keep.id, 'higherIsBetter', false);
  doc = setLabel(doc, keep.id, 'Keep the best chain');
  doc = moveItems(disconnect(doc, scored.id, truth.id), { [truth.id]: { x: at.x + STEP_X, y: at.y } });
  const wired = connect(doc, scored.id, keep.id);
  const rewired = wired.ok ? connect(wired.doc, keep.id, truth.id) : wired;
  if (!rewired.ok) return null;
  return setMeta(rewired.doc, {
    title: cot.title.replace(/CoT\s*$/, 'CoT-SC'),
    scheme: 'CoT-SC',
    description: `Chain of thought with self-consistency: the CoT prompt is answered by ${chains} independent chains, a function scores each, and only the best is kept. Built by the lesson from the CoT example; GoT Studio ships no CoT-SC example.`,
  });
}
