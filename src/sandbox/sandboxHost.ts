import type { JsonValue, ScriptRunner } from '../engine/index';
import { explainFailure } from './quickjsRunner';
import type { SandboxReply, SandboxRequest } from './sandboxProtocol';

/** A running sandbox worker, as a host sees it (a Web Worker in the app, a worker thread in the CLI). */
export interface SandboxChannel {
  post(req: SandboxRequest): void;
  terminate(): void;
  /** Whether a job is in flight (the CLI lets its process exit while the worker is idle). */
  setBusy?(busy: boolean): void;
}

/** Starts a worker that reports its replies, and its death, to `events`. */
export type SandboxChannelFactory = (events: { reply(r: SandboxReply): void; died(reason: string): void }) => SandboxChannel;

/** How long a worker may take to load QuickJS before its job fails (a busy machine can be slow). */
export const STARTUP_LIMIT_MS = 20_000;
/** Past its own time limit, how long a job may take before the worker is killed: QuickJS checks its deadline only between steps, and one step (a huge sort or JSON.stringify) can be long. */
export const BACKSTOP_GRACE_MS = 1_000;

interface Job {
  id: number;
  code: string;
  argName: 'state' | 'thoughts';
  arg: string;
  timeoutMs: number;
  resolve: (v: JsonValue) => void;
  reject: (e: Error) => void;
}

/** Thrown for a user function that fails, with a message that says how. */
export class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptError';
  }
}

/**
 * Runs user JavaScript in the QuickJS sandbox inside a worker, one job at a time. A job that
 * outlives its time limit by BACKSTOP_GRACE_MS kills the worker; the next job starts a fresh one.
 */
export class SandboxScriptRunner implements ScriptRunner {
  private channel: SandboxChannel | null = null;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: ReturnType<typeof setTimeout> } | null = null;
  private nextId = 1;
  private closed = false;

  constructor(private readonly start: SandboxChannelFactory) {}

  run(code: string, argName: 'state' | 'thoughts', arg: JsonValue, timeoutMs: number): Promise<JsonValue> {
    if (this.closed) return Promise.reject(new ScriptError('The script runner was closed.'));
    if (!code.trim()) return Promise.reject(new ScriptError('The JavaScript function is empty: write a body that returns a value.'));
    return new Promise<JsonValue>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, code, argName, arg: JSON.stringify(arg), timeoutMs, resolve, reject });
      this.pump();
    });
  }

  /** Stops the worker; pending jobs are rejected. */
  close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ScriptError('The script runner was closed.'));
    if (this.current) this.finish(new ScriptError('The script runner was closed.'));
    this.kill();
    return Promise.resolve();
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    const channel = this.ensureChannel();
    channel.setBusy?.(true);
    const timer = setTimeout(() => {
      this.kill();
      this.finish(new ScriptError(`The JavaScript sandbox did not start within ${STARTUP_LIMIT_MS / 1000} s.`));
    }, STARTUP_LIMIT_MS);
    this.current = { job, timer };
    channel.post({ id: job.id, job: { code: job.code, argName: job.argName, arg: job.arg, timeoutMs: job.timeoutMs } });
  }

  private ensureChannel(): SandboxChannel {
    if (this.channel) return this.channel;
    const channel: SandboxChannel = this.start({
      reply: (r) => this.onReply(r),
      died: (reason) => {
        if (this.channel !== channel) return;
        this.channel = null;
        this.finish(new ScriptError(`The JavaScript sandbox stopped unexpectedly (${reason}); it restarts for the next function.`));
      },
    });
    this.channel = channel;
    return channel;
  }

  private onReply(r: SandboxReply): void {
    const current = this.current;
    if (!current || r.id !== current.job.id) return;
    if (r.kind === 'started') {
      clearTimeout(current.timer);
      const { timeoutMs } = current.job;
      current.timer = setTimeout(() => {
        this.kill();
        this.finish(new ScriptError(explainFailure('timeout', '', timeoutMs)));
      }, timeoutMs + BACKSTOP_GRACE_MS);
      return;
    }
    if (r.outcome.ok) this.finish(null, JSON.parse(r.outcome.json) as JsonValue);
    else this.finish(new ScriptError(r.outcome.message));
  }

  private kill(): void {
    const c = this.channel;
    this.channel = null;
    c?.terminate();
  }

  private finish(error: Error | null, value?: JsonValue): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    clearTimeout(current.timer);
    if (error) current.job.reject(error);
    else current.job.resolve(value as JsonValue);
    if (this.queue.length > 0) this.pump();
    else this.channel?.setBusy?.(false);
  }
}
