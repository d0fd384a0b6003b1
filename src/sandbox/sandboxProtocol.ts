import type { SandboxJob, SandboxOutcome } from './quickjsRunner';

/** What a host sends its sandbox worker: one job at a time. */
export interface SandboxRequest {
  id: number;
  job: SandboxJob;
}

/** What the worker answers: that a job started (its module is loaded), then the job's outcome. */
export type SandboxReply = { kind: 'started'; id: number } | { kind: 'done'; id: number; outcome: SandboxOutcome };
