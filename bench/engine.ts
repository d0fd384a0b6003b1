// Engine benchmark: how close the scheduler comes to the critical-path bound with a model that
// takes a fixed time per call, how much faster it is than one call at a time (as the reference
// framework runs), and the engine's own overhead per thought with a zero-latency model.
import { loadavg } from 'node:os';
import { builtinFunctions, quantileSorted, runCheckedGraph, runGraph, scriptedModel, validateDocument } from '../src/engine/index';
import { gotSortingShape, sortingAnswer, syntheticAnswer, syntheticShape } from '../src/engine/testing/index';
import type { CheckedGraph, GotDocument, RunResult, ScriptedCall } from '../src/engine/index';
import { BOUND_RULE, longestCallChain } from './bound';
import { preciseSleep } from './preciseSleep';

const LATENCY_MS = 20;
/** A slower model, closer to real endpoints, where the engine's own time weighs less. */
const SLOW_LATENCY_MS = 100;
const LATENCY_RUNS = 15;
const SLOW_RUNS = 3;
/** Zero-latency runs per graph: at least 15, and enough for ~20,000 thoughts so a short graph is not at the mercy of one busy moment. */
const overheadRuns = (thoughts: number): number => Math.max(15, Math.ceil(20_000 / Math.max(thoughts, 1)));

interface Shape {
  name: string;
  document: GotDocument;
  answer: (call: ScriptedCall, completion: number) => string;
}

const shapes = (): Shape[] => [
  { name: 'GoT sorting-128', document: gotSortingShape(8, Array.from({ length: 128 }, (_, i) => (i * 37) % 10)), answer: sortingAnswer },
  { name: 'synthetic', document: syntheticShape(), answer: syntheticAnswer },
];

interface Measured {
  wall: number;
  /** Process CPU milliseconds (user + system): what the run cost, whatever else the machine was doing. */
  cpu: number;
  /** Milliseconds spent inside the scripted model's answer function (not the engine's). */
  modelMs: number;
  result: RunResult;
}

/** One run; with `checked`, the graph validated beforehand (validation timed apart). */
async function run(shape: Shape, latency: number, concurrency: number, checked?: CheckedGraph): Promise<Measured> {
  let modelMs = 0;
  const answer = (call: ScriptedCall, completion: number): string => {
    const t = performance.now();
    const text = shape.answer(call, completion);
    modelMs += performance.now() - t;
    return text;
  };
  const model = scriptedModel({ answer, latency, sleep: preciseSleep });
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const options = { model, functions: builtinFunctions(), concurrency };
  const result = checked ? await runCheckedGraph(checked, options) : await runGraph(shape.document, options);
  const wall = performance.now() - started;
  const cpuUsed = process.cpuUsage(cpu0);
  if (result.summary.status !== 'completed') throw new Error(`${shape.name}: the run ended ${result.summary.status}: ${result.summary.reason ?? ''}`);
  return { wall, cpu: (cpuUsed.user + cpuUsed.system) / 1000, modelMs, result };
}

const median = (xs: readonly number[]): number => quantileSorted([...xs].sort((a, b) => a - b), 0.5);
const f2 = (x: number): string => x.toFixed(2);
const row = (cells: Array<[string, number]>): string => cells.map(([s, w]) => s.padEnd(w)).join('');

/** Runs the engine benchmark and returns the lines of its report. */
export async function benchEngine(): Promise<string[]> {
  const lines: string[] = [`machine load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min; 2 cores shared, so figures vary)`, ''];
  lines.push(`(a) fixed model latency, no concurrency limit; median of ${LATENCY_RUNS} runs (${SLOW_RUNS} at ${SLOW_LATENCY_MS} ms), best = fastest run`);
  lines.push(`    ${BOUND_RULE}.`);
  lines.push('    The model sleeps with a precise timer (plain setTimeout is off by up to ~1-2 ms per call); "call ms" is the mean call as the engine timed it (median over the runs).');
  lines.push('    c=1: the same graph one call at a time, as the reference framework runs it.');
  const w = [17, 9, 7, 7, 8, 9, 9, 8, 7, 9, 10, 0];
  const row12 = (c: string[]): string => row(c.map((x, i) => [x, w[i] ?? 0]));
  lines.push(row12(['graph', 'thoughts', 'calls', 'chain', 'latency', 'bound ms', 'wall ms', '÷ bound', 'best', 'call ms', 'wall c=1', '÷ c=1']));
  for (const [latency, runs] of [
    [LATENCY_MS, LATENCY_RUNS],
    [SLOW_LATENCY_MS, SLOW_RUNS],
  ] as const) {
    for (const shape of shapes()) {
      await run(shape, 0, Infinity); // warm-up
      const free: Measured[] = [];
      for (let i = 0; i < runs; i++) free.push(await run(shape, latency, Infinity));
      const first = free[0] as Measured;
      const chain = longestCallChain(shape.document, first.result.grs);
      if (chain !== first.result.summary.criticalPath.hops) lines.push(`    note: the engine's own critical path says ${first.result.summary.criticalPath.hops} calls, the graph ${chain}`);
      const bound = chain * latency;
      const wall = median(free.map((m) => m.wall));
      const meanCall = (m: Measured): number => {
        const calls = Object.values(m.result.grs.calls);
        return calls.reduce((sum, c) => sum + (c.ms ?? 0), 0) / Math.max(calls.length, 1);
      };
      const callMs = median(free.map(meanCall));
      const serial = latency === LATENCY_MS ? await run(shape, latency, 1) : null;
      lines.push(
        row12([
          shape.name,
          String(first.result.grs.thoughtOrder.length),
          String(first.result.summary.requests),
          String(chain),
          `${latency} ms`,
          String(bound),
          wall.toFixed(1),
          f2(wall / bound),
          f2(Math.min(...free.map((m) => m.wall)) / bound),
          callMs.toFixed(2),
          serial ? serial.wall.toFixed(0) : '',
          serial ? `${f2(wall / serial.wall)} (${(serial.wall / wall).toFixed(1)}× faster)` : '',
        ]),
      );
    }
  }
  lines.push('');
  lines.push(`(b) zero-latency model: engine time per thought, the scripted model's own time excluded; median of ≥15 runs (~20,000 thoughts) after 3 warm-ups; target: median ≤ 50 µs`);
  lines.push('    wall = elapsed time (inflated when other processes share the cores); cpu = this process\'s CPU time;');
  lines.push('    the graph is validated once beforehand (as a batch does); validation is timed apart, per run');
  lines.push(row([['graph', 17], ['thoughts', 10], ['events', 9], ['wall µs/thought', 17], ['best wall µs', 14], ['cpu µs/thought', 16], ['incl. model', 13], ['validation ms', 13]]));
  for (const shape of shapes()) {
    const validations: number[] = [];
    let graph: CheckedGraph | null = null;
    for (let i = 0; i < 5; i++) {
      const v0 = performance.now();
      graph = validateDocument(shape.document, { functions: builtinFunctions() }).graph;
      validations.push(performance.now() - v0);
    }
    const validationMs = median(validations);
    if (!graph) throw new Error(`${shape.name} does not validate`);
    for (let i = 0; i < 3; i++) await run(shape, 0, Infinity, graph);
    const engine: number[] = [];
    const cpu: number[] = [];
    const total: number[] = [];
    let last: Measured | null = null;
    const runs = overheadRuns((await run(shape, 0, Infinity, graph)).result.grs.thoughtOrder.length);
    for (let i = 0; i < runs; i++) {
      last = await run(shape, 0, Infinity, graph);
      const thoughts = last.result.grs.thoughtOrder.length;
      engine.push(((last.wall - last.modelMs) * 1000) / thoughts);
      cpu.push(((last.cpu - last.modelMs) * 1000) / thoughts);
      total.push((last.wall * 1000) / thoughts);
    }
    const r = (last as Measured).result;
    lines.push(
      row([
        [shape.name, 17],
        [String(r.grs.thoughtOrder.length), 10],
        [String(r.events.length), 9],
        [median(engine).toFixed(1), 17],
        [Math.min(...engine).toFixed(1), 14],
        [median(cpu).toFixed(1), 16],
        [median(total).toFixed(1), 13],
        [validationMs.toFixed(1), 13],
      ]),
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchEngine()) console.log(line);
}
