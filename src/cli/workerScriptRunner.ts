import { Worker } from 'node:worker_threads';
import type { JsonValue, ScriptRunner } from '../engine/index';

/**
 * The worker's program (plain JavaScript, evaluated by worker_threads). It compiles each user
 * function body once, calls it, awaits a promise if one comes back, and answers with JSON.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const compiled = new Map();
function describe(e) { return e instanceof Error ? e.message : String(e); }
parentPort.on('message', async (job) => {
  const key = job.argName + '\\u0000' + job.code;
  let fn = compiled.get(key);
  if (!fn) {
    try { fn = new Function(job.argName, '"use strict";\\n' + job.code); }
    catch (e) { parentPort.postMessage({ id: job.id, ok: false, phase: 'syntax', message: describe(e) }); return; }
    compiled.set(key, fn);
  }
  try {
    const value = await fn(JSON.parse(job.arg));
    if (value === undefined) { parentPort.postMessage({ id: job.id, ok: false, phase: 'result', message: 'it returned nothing (add a return statement)' }); return; }
    let text;
    try { text = JSON.stringify(value); } catch (e) { text = undefined; }
    if (text === undefined) { parentPort.postMessage({ id: job.id, ok: false, phase: 'result', message: 'it returned a value that is not JSON (' + typeof value + ')' }); return; }
    parentPort.postMessage({ id: job.id, ok: true, value: text });
  } catch (e) {
    parentPort.postMessage({ id: job.id, ok: false, phase: 'throw', message: describe(e) });
  }
});
`;

interface Job {
  id: number;
  code: string;
  argName: 'state' | 'thoughts';
  arg: string;
  timeoutMs: number;
  resolve: (v: JsonValue) => void;
  reject: (e: Error) => void;
}

type Reply = { id: number; ok: true; value: string } | { id: number; ok: false; phase: 'syntax' | 'result' | 'throw'; message: string };

/** Thrown for a user function that fails, with a message that says how. */
class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptError';
  }
}

/**
 * Runs user JavaScript in a worker thread, one job at a time. A job over its time limit
 * terminates the worker (the only way to stop an endless loop); the next job starts a fresh one.
 * This isolates time and crashes, not privileges: graphs are the user's own files.
 */
export class WorkerScriptRunner implements ScriptRunner {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: ReturnType<typeof setTimeout> } | null = null;
  private nextId = 1;
  private closed = false;

  run(code: string, argName: 'state' | 'thoughts', arg: JsonValue, timeoutMs: number): Promise<JsonValue> {
    if (this.closed) return Promise.reject(new ScriptError('The script runner was closed.'));
    return new Promise<JsonValue>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, code, argName, arg: JSON.stringify(arg), timeoutMs, resolve, reject });
      this.pump();
    });
  }

  /** Stops the worker; pending jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ScriptError('The script runner was closed.'));
    if (this.current) this.finish(new ScriptError('The script runner was closed.'));
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    const worker = this.ensureWorker();
    worker.ref();
    const timer = setTimeout(() => {
      this.killWorker();
      this.finish(new ScriptError(`Your JavaScript did not finish within ${job.timeoutMs} ms and was stopped (an endless loop?).`));
    }, job.timeoutMs);
    this.current = { job, timer };
    worker.postMessage({ id: job.id, code: job.code, argName: job.argName, arg: job.arg });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, stdout: true, stderr: true });
    worker.on('message', (reply: Reply) => {
      if (!this.current || reply.id !== this.current.job.id) return;
      if (reply.ok) this.finish(null, JSON.parse(reply.value) as JsonValue);
      else this.finish(new ScriptError(explain(reply.phase, reply.message)));
    });
    worker.on('error', (e) => {
      this.worker = null;
      this.finish(new ScriptError(`Your JavaScript crashed its worker: ${e.message}`));
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.finish(new ScriptError(`Your JavaScript stopped its worker (exit code ${code}).`));
    });
    this.worker = worker;
    return worker;
  }

  private killWorker(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }

  private finish(error: Error | null, value?: JsonValue): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    clearTimeout(current.timer);
    if (error) current.job.reject(error);
    else current.job.resolve(value as JsonValue);
    if (this.queue.length > 0) this.pump();
    else this.worker?.unref();
  }
}

function explain(phase: 'syntax' | 'result' | 'throw', message: string): string {
  if (phase === 'syntax') return `Your JavaScript does not compile: ${message}`;
  if (phase === 'result') return `Your JavaScript ran, but ${message}.`;
  return `Your JavaScript threw an error: ${message}`;
}
