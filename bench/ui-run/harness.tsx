// The thoughts (GRS) canvas alone on a page, driven by the benchmark through `window.grsBench`.
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import '../../src/ui/app.css';
import { FrameBatcher } from '../../src/ui/run/frameBatcher';
import { createAppStore } from '../../src/ui/store/createAppStore';
import { StoreProvider } from '../../src/ui/store/StoreProvider';
import { ThoughtsCanvas } from '../../src/ui/thoughts/ThoughtsCanvas';
import type { RunEvent } from '../../src/engine/index';
import { DEEP, DENSE, syntheticRun } from './syntheticGrs';

const store = createAppStore();
createRoot(document.getElementById('root')!).render(
  <StoreProvider store={store}>
    <ThoughtsCanvas />
  </StoreProvider>,
);

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const cards = () => document.querySelectorAll('.react-flow__node-thought').length;
/** Whether the thoughts are on screen: as DOM cards, or drawn on the overview canvas (a whole large graph fitted). */
const shown = () => cards() > 0 || document.querySelector<HTMLElement>('[data-testid="grs-overview"]')?.dataset.figurePx !== undefined;

/** Thought cards added to the DOM since the last stream began. */
let mounted = 0;

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await frame();
}

declare global {
  interface Window {
    grsBench: {
      show(n: number, shape?: 'deep' | 'dense'): Promise<number>;
      stream(perSecond: number, seconds: number): Promise<number>;
      /** Thought cards added to the DOM during the last stream (each new card mounted, or mounted and dropped, counts). */
      mounted(): number;
      drawn(): { cards: number; blocks: Record<string, number> | null };
    };
  }
}

window.grsBench = {
  /** Milliseconds from handing over a finished run of n thoughts (in a chain of 10 big lanes, or `dense`: 200 lanes of 10) to the frame that shows them. */
  async show(n, shape = 'deep') {
    store.getState().clearRun();
    await until(() => !shown());
    const { start, perThought, end } = syntheticRun(n, shape === 'dense' ? DENSE : DEEP);
    const events: RunEvent[] = [...start, ...perThought.flat(), ...end];
    const t0 = performance.now();
    store.getState().ingestRunEvents(events);
    await until(shown);
    await frame();
    return performance.now() - t0;
  },
  /** Streams a run at `perSecond` thoughts per second through the per-frame batcher; returns thoughts shown. */
  async stream(perSecond, seconds) {
    store.getState().clearRun();
    await frame();
    const total = perSecond * seconds;
    const { start, perThought } = syntheticRun(total);
    const batcher = new FrameBatcher<RunEvent>((b) => store.getState().ingestRunEvents(b));
    for (const e of start) batcher.push(e);
    mounted = 0;
    const watch = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.classList.contains('react-flow__node-thought')) mounted += 1;
    });
    watch.observe(document.getElementById('root')!, { childList: true, subtree: true });
    const t0 = performance.now();
    let sent = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * perSecond));
        for (; sent < due; sent += 1) for (const e of perThought[sent]!) batcher.push(e);
        if (sent >= total) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    batcher.flush();
    await frame();
    watch.disconnect();
    return store.getState().live.grs.thoughtOrder.length - 1;
  },
  mounted: () => mounted,
  /** What is on screen now: DOM cards, and the far level's blocks by kind (null when this build's canvas has no `drawnBlocks()` hook). */
  drawn() {
    const el = document.querySelector('[data-testid="grs-overview"]') as (HTMLElement & { drawnBlocks?: () => Array<{ kind: string }> }) | null;
    const list = el?.drawnBlocks?.();
    const blocks = list ? list.reduce<Record<string, number>>((n, b) => ({ ...n, [b.kind]: (n[b.kind] ?? 0) + 1 }), {}) : null;
    return { cards: cards(), blocks };
  },
};
