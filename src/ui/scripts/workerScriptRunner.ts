import type { JsonValue, ScriptRunner } from '../../engine/index';

/** What the worker answers: the function's JSON result or an error message. */
type WorkerReply = { started: true } | { ok: true; value: JsonValue } | { ok: false; message: string };

/** How long a worker may take to start before the call fails (a busy machine can be slow). */
const STARTUP_LIMIT_MS = 15_000;

// The worker evaluates user code with no access to the page, its DOM or its storage.
const WORKER_SOURCE = `
self.onmessage = (e) => {
  const { code, argName, arg } = e.data;
  self.postMessage({ started: true });
  try {
    const fn = new Function(argName, '"use strict";\\n' + code);
    const value = fn(arg);
    if (value && typeof value.then === 'function') {
      self.postMessage({ ok: false, message: 'the function returned a Promise; return a value directly' });
      return;
    }
    self.postMessage({ ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) });
  } catch (err) {
    const line = err && err.stack ? String(err.stack).split('\\n')[0] : String(err);
    self.postMessage({ ok: false, message: (err && err.message) ? (err.name + ': ' + err.message) : line });
  }
};`;

let workerUrl: string | null = null;
const urlOf = (): string => (workerUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));

/**
 * Runs user JavaScript in a fresh Web Worker per call, terminated when it answers or when the time
 * limit passes, so an endless loop cannot freeze the page.
 */
export class WorkerScriptRunner implements ScriptRunner {
  run(code: string, argName: 'state' | 'thoughts', arg: JsonValue, timeoutMs: number): Promise<JsonValue> {
    return new Promise((resolve, reject) => {
      if (!code.trim()) {
        reject(new Error('The JavaScript function is empty: write a body that returns a value.'));
        return;
      }
      const worker = new Worker(urlOf());
      const stop = (message: string) => () => {
        worker.terminate();
        reject(new Error(message));
      };
      // The time limit counts the function's own run, not the worker's start-up.
      let timer = setTimeout(stop(`The JavaScript worker did not start within ${STARTUP_LIMIT_MS / 1000} s.`), STARTUP_LIMIT_MS);
      worker.onmessage = (e: MessageEvent<WorkerReply>) => {
        clearTimeout(timer);
        if ('started' in e.data) {
          timer = setTimeout(stop(`The JavaScript function did not finish within ${timeoutMs} ms (an endless loop?) and was stopped.`), timeoutMs);
          return;
        }
        worker.terminate();
        if (e.data.ok) resolve(e.data.value);
        else reject(new Error(`The JavaScript function threw: ${e.data.message}`));
      };
      worker.onerror = (e) => {
        clearTimeout(timer);
        worker.terminate();
        e.preventDefault();
        reject(new Error(`The JavaScript function could not run: ${e.message || 'syntax error'}`));
      };
      worker.postMessage({ code, argName, arg });
    });
  }
}

let shared: WorkerScriptRunner | null = null;
/** The app's script runner (one instance; each call gets its own worker). */
export const appScriptRunner = (): ScriptRunner => (shared ??= new WorkerScriptRunner());
