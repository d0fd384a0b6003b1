import type { CallRecord } from '../../../engine/index';
import type { LaneItem } from './laneLayout';

/** The last lists built, by the streaming ids and then the failed ids they were built for. */
const built = new WeakMap<readonly string[], WeakMap<readonly string[], readonly LaneItem[]>>();

/**
 * The lane items of calls still streaming and of failed calls (cards where their thoughts will be). The same
 * array while the id lists are the same arrays: a call's operation and inputs never change, so a frame of
 * streamed tokens (a new `calls` record, the same ids) leaves the items, and the layout built on them, as they were.
 */
export function callItems(streaming: readonly string[], failed: readonly string[], calls: Readonly<Record<string, CallRecord>>): readonly LaneItem[] {
  let byFailed = built.get(streaming);
  if (!byFailed) built.set(streaming, (byFailed = new WeakMap()));
  const hit = byFailed.get(failed);
  if (hit) return hit;
  const list: LaneItem[] = [];
  for (const callId of [...streaming, ...failed]) {
    const c = calls[callId];
    if (c) list.push({ id: `call:${callId}`, opId: c.opId, parents: c.inputIds, pruned: false, transient: true });
  }
  byFailed.set(failed, list);
  return list;
}
