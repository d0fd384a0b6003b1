/** One function of a V8 CPU profile (the DevTools protocol's `Profiler.stop`), the fields the benches read. */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** A V8 CPU profile: its call tree, the node each sample hit, and the µs between samples from `startTime`. */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
