import { describe, expect, test } from 'vitest';
import { rebuildGrs } from '../grs/reduce';
import type { GrsState } from '../grs/state';
import { scriptedModel } from '../models/scripted';
import type { LanguageModel } from '../models/types';
import type { RunEvent } from './events';
import { virtualClock } from '../testing/virtualClock';
import { op, params, runOps } from './testing';

const chain = [
  op('g', 'generate', [], params.generate(4, 'go')),
  op('imp', 'improve', ['g'], params.improve()),
  op('s', 'score', ['imp'], params.scoreExpr('len(state.current)')),
  op('k', 'keepBestN', ['s'], params.keepBest(1)),
  op('again', 'improve', ['k'], params.improve()),
];

/** A GRS is consistent when every parent exists, no call is left running and every operation has a final status. */
function expectConsistent(grs: GrsState): void {
  for (const t of Object.values(grs.thoughts)) for (const p of t.parents) expect(grs.thoughts[p]).toBeDefined();
  expect(Object.values(grs.calls).filter((c) => c.status === 'running')).toEqual([]);
  for (const o of Object.values(grs.operations)) expect(['done', 'failed', 'skipped', 'cancelled']).toContain(o.status);
}

describe('cancelling a run', () => {
  test('an abort mid-run stops at once and leaves a consistent partial GRS', async () => {
    const controller = new AbortController();
    // Virtual time: the run must end when the abort comes (5 ms in), not when the 2 s calls would have finished.
    const clock = virtualClock();
    const model = scriptedModel({ answer: (_c, i) => `t${i}`, latency: (c) => (c.prompt === 'go' ? 5 : 2_000), sleep: clock.sleep });
    let improveCalls = 0;
    const r = await clock.run(
      runOps(chain, {}, model, {
        onEvent: (e: RunEvent) => {
          if (e.type === 'call.start' && e.opId === 'imp' && ++improveCalls === 2) controller.abort();
        },
        signal: controller.signal,
        clock: clock.now,
      }),
    );
    expect(r.summary.wallMs).toBe(5);
    expect(r.summary.status).toBe('cancelled');
    expect(r.summary.reason).toMatch(/cancelled/);
    expectConsistent(r.grs);
    expect(r.grs.operations.g?.status).toBe('done');
    expect(r.grs.operations.imp?.status).toBe('cancelled');
    expect(r.grs.operations.again?.status).toBe('cancelled');
    expect(Object.values(r.grs.calls).filter((c) => c.error?.kind === 'aborted').length).toBeGreaterThan(0);
    expect(r.grs.thoughtOrder).toEqual(['input', 'g/0.0.0', 'g/0.1.0', 'g/0.2.0', 'g/0.3.0']);
    expect(rebuildGrs(r.events)).toEqual(r.grs);
    expect(r.events[r.events.length - 1]?.type).toBe('run.done');
  });

  test('stops even when the model ignores the abort signal', async () => {
    const controller = new AbortController();
    const stuck: LanguageModel = { id: { baseUrl: 'x', model: 'x' }, complete: () => new Promise(() => undefined) };
    setTimeout(() => controller.abort(), 20);
    const r = await runOps(chain, {}, stuck, { signal: controller.signal });
    expect(r.summary.status).toBe('cancelled');
    expectConsistent(r.grs);
  });

  test('an already aborted signal makes no call', async () => {
    const controller = new AbortController();
    controller.abort();
    const model = scriptedModel({ answer: () => 'x' });
    const r = await runOps(chain, {}, model, { signal: controller.signal });
    expect(model.calls).toHaveLength(0);
    expect(r.summary.status).toBe('cancelled');
    expectConsistent(r.grs);
  });

  test('a cancel while a control hook holds the run (paused) stops too', async () => {
    const controller = new AbortController();
    const model = scriptedModel({ answer: () => 'x' });
    const r = await runOps(chain, {}, model, {
      signal: controller.signal,
      control: {
        beforeOperation: async (opId) => {
          if (opId === 'imp') {
            setTimeout(() => controller.abort(), 5);
            await new Promise(() => undefined);
          }
        },
      },
    });
    expect(r.summary.status).toBe('cancelled');
    expect(model.calls).toHaveLength(1);
    expectConsistent(r.grs);
  });
});
