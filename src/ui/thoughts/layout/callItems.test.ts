import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../engine/index';
import { callItems } from './callItems';

const call = (id: string, opId: string, texts: string[] = []): CallRecord =>
  ({ id, opId, purpose: 'generate', inputIds: ['in'], messages: [], n: 1, status: 'running', startedAt: 0, finishedAt: null, texts, promptTokens: 0, completionTokens: 0, cost: 0, ms: null, cached: false, requests: 0, retries: 0, error: null }) as unknown as CallRecord;

describe('the lane items of calls still streaming or failed', () => {
  it('are a card per call, streaming first, placed in its operation’s lane after its input thoughts', () => {
    const items = callItems(['c1'], ['c2'], { c1: call('c1', 'gen'), c2: call('c2', 'agg') });
    expect(items).toEqual([
      { id: 'call:c1', opId: 'gen', parents: ['in'], pruned: false, transient: true },
      { id: 'call:c2', opId: 'agg', parents: ['in'], pruned: false, transient: true },
    ]);
  });

  it('stay the same array while the same calls stream, whatever tokens arrive, so the layout is not built again', () => {
    const streaming = ['c1'];
    const failed: string[] = [];
    const first = callItems(streaming, failed, { c1: call('c1', 'gen') });
    const afterTokens = callItems(streaming, failed, { c1: call('c1', 'gen', ['[1, 2']) });
    expect(afterTokens).toBe(first);
  });

  it('are built again when a call starts or ends, equal to a list built from scratch', () => {
    const calls = { c1: call('c1', 'gen'), c2: call('c2', 'gen') };
    const before = callItems(['c1'], [], calls);
    const after = callItems(['c1', 'c2'], [], calls);
    expect(after).not.toBe(before);
    expect(after.map((i) => i.id)).toEqual(['call:c1', 'call:c2']);
  });
});
