// Engine benchmark: how close the scheduler comes to the critical-path bound with a model that
// takes a fixed time per call, how much faster it is than one call at a time (as the reference
// framework runs), and the engine's own overhead per thought with a zero-latency model.
import { builtinFunctions, gotSortingShape, runGraph, scriptedModel, sortingAnswer, syntheticAnswer, syntheticShape } from '../src/engine/index';
import type { GotDocument, RunResult, ScriptedCall } from '../src/engine/index';

const LATENCY_MS = 20;

interface Shape {
  name: string;
  document: GotDocument;
  answer: (call: ScriptedCall, completion: number) => string;
}

const shapes = (): Shape[] => [
  { name: 'GoT sorting-128', document: gotSortingShape(8, Array.from({ length: 128 }, (_, i) => (i * 37) % 10)), answer: sortingAnswer },
  { name: 'synthetic', document: syntheticShape(), answer: syntheticAnswer },
];

async function run(shape: Shape, latency: number, concurrency: number): Promise<{ wall: number; result: RunResult }> {
  const model = scriptedModel({ answer: shape.answer, latency });
  const started = performance.now();
  const result = await runGraph(shape.document, { model, functions: builtinFunctions(), concurrency });
  const wall = performance.now() - started;
  if (result.summary.status !== 'completed') throw new Error(`${shape.name}: the run ended ${result.summary.status}: ${result.summary.reason ?? ''}`);
  return { wall, result };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const f2 = (x: number): string => x.toFixed(2);
const pad = (s: string, n: number): string => s.padEnd(n);

/** Runs the engine benchmark and returns the lines of its report. */
export async function benchEngine(): Promise<string[]> {
  const lines: string[] = [];
  lines.push(`(a) model latency ${LATENCY_MS} ms per call; bound = critical-path calls × ${LATENCY_MS} ms (and the measured call times on it)`);
  lines.push(`${pad('graph', 17)}${pad('thoughts', 10)}${pad('calls', 7)}${pad('cp hops', 9)}${pad('wall ∞ ms', 11)}${pad('÷ bound', 9)}${pad('÷ cp ms', 9)}${pad('wall 8 ms', 11)}${pad('wall 1 ms', 11)}÷ one-at-a-time`);
  for (const shape of shapes()) {
    await run(shape, 0, Infinity); // warm-up
    const free = await run(shape, LATENCY_MS, Infinity);
    const eight = await run(shape, LATENCY_MS, 8);
    const serial = await run(shape, LATENCY_MS, 1);
    const cp = free.result.summary.criticalPath;
    const bound = cp.hops * LATENCY_MS;
    lines.push(
      `${pad(shape.name, 17)}${pad(String(free.result.grs.thoughtOrder.length), 10)}${pad(String(free.result.summary.requests), 7)}${pad(String(cp.hops), 9)}` +
        `${pad(free.wall.toFixed(0), 11)}${pad(f2(free.wall / bound), 9)}${pad(f2(free.wall / cp.ms), 9)}${pad(eight.wall.toFixed(0), 11)}${pad(serial.wall.toFixed(0), 11)}${f2(free.wall / serial.wall)}`,
    );
  }
  lines.push('');
  lines.push('(b) zero-latency model: engine overhead per thought (median of 9 runs after 3 warm-ups)');
  lines.push(`${pad('graph', 17)}${pad('thoughts', 10)}${pad('events', 9)}${pad('median µs/thought', 19)}min µs/thought`);
  for (const shape of shapes()) {
    for (let i = 0; i < 3; i++) await run(shape, 0, Infinity);
    const per: number[] = [];
    let thoughts = 0;
    let events = 0;
    for (let i = 0; i < 9; i++) {
      const { wall, result } = await run(shape, 0, Infinity);
      thoughts = result.grs.thoughtOrder.length;
      events = result.events.length;
      per.push((wall * 1000) / thoughts);
    }
    lines.push(`${pad(shape.name, 17)}${pad(String(thoughts), 10)}${pad(String(events), 9)}${pad(median(per).toFixed(1), 19)}${Math.min(...per).toFixed(1)}`);
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchEngine()) console.log(line);
}
