import { describeOperation, operationOrder, type GotDocument, type OperationId } from '../../engine/index';
import type { LiveRun } from '../run/liveTypes';
import { operationName } from '../run/controls/operationName';
import { selectOpFigures } from '../run/runSelectors';
import { presentFocus } from './presentSteps';

/** What the caption line shows: the operation in focus, what it does, and where the run stands. */
export interface CaptionView {
  /** running: it runs now; done: it just finished; next: a step starts it. */
  state: 'running' | 'done' | 'next';
  label: string;
  sentence: string;
  /** Where the run stands, e.g. "3/16 operations · 7 thoughts · next: Score List 1". */
  status: string;
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * The caption for the run as the views show it (`run`), or for the graph before its first step.
 * `held` is the operation step mode holds (only while following the run); `lookingBack` says the
 * timeline shows an earlier moment.
 */
export function captionFor(doc: GotDocument, run: LiveRun, held: OperationId | null, lookingBack = false): CaptionView | null {
  const runDoc = run.grs.document ?? doc;
  const focus = presentFocus(run.events, held, lookingBack);
  const order = operationOrder(runDoc);
  const focusId = focus.current?.opId ?? focus.next ?? order[0]?.id;
  const op = focusId ? runDoc.operations.find((o) => o.id === focusId) : undefined;
  if (!op) return null;
  const figures = selectOpFigures(run.grs, op.id);
  const sentence = describeOperation(op, { document: runDoc, inputs: figures && figures.status !== 'waiting' ? figures.thoughtsIn : null });
  let status: string;
  if (run.events.length === 0) status = `${plural(order.length, 'operation')} · Space starts a run one operation at a time, P plays it`;
  else {
    const parts = [`${focus.finished}/${order.length} operations`, plural(run.grs.thoughtOrder.length, 'thought')];
    if (lookingBack) parts.push('looking back');
    if (focus.current && focus.next) parts.push(`next: ${operationName(runDoc, focus.next)}`);
    else if (focus.next) parts.push('Space runs it');
    status = parts.join(' · ');
  }
  return { state: focus.current?.state ?? 'next', label: operationName(runDoc, op.id), sentence, status };
}
