import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';

/**
 * The one place user JavaScript runs, in the app and the CLI alike: a QuickJS engine compiled to
 * WebAssembly. Its global object holds only the language's own built-ins (no fetch, no timers, no
 * process, no require, no storage); the function gets its input as JSON and answers with JSON.
 * Each call gets a fresh runtime, disposed afterwards, so nothing a call leaves behind (a pending
 * promise, a changed global) reaches the next one.
 */

/**
 * Limits every call runs under. The stack is small enough that plain recursion hits QuickJS's own
 * check before the host's stack (smaller in a browser worker) runs out; recursion inside built-ins
 * that does exhaust the host is caught as SandboxEngineFailure and reads as the same stack limit.
 */
export const SANDBOX_LIMITS = { memoryBytes: 64 * 1024 * 1024, stackBytes: 128 * 1024 } as const;

/** One call: `code` is the body of `function (argName) { … }`; `arg` is the argument as JSON text. */
export interface SandboxJob {
  code: string;
  argName: 'state' | 'thoughts';
  arg: string;
  timeoutMs: number;
}

/** Which limit or rule a call broke. */
export type SandboxFailure = 'syntax' | 'throw' | 'timeout' | 'memory' | 'stack' | 'result' | 'pending' | 'internal';

/** A call's answer: its result as JSON text, or why it has none, in words for the user. */
export type SandboxOutcome = { ok: true; json: string } | { ok: false; failure: SandboxFailure; message: string };

const MAX_MESSAGE = 300;
const clip = (s: string): string => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}…` : s);
const megabytes = (n: number): number => Math.round(n / (1024 * 1024));

/** The message for a failure; the hosts use it too, so a limit reads the same wherever it is hit. */
export function explainFailure(failure: SandboxFailure, detail: string, timeoutMs: number): string {
  switch (failure) {
    case 'syntax':
      return `Your JavaScript does not compile: ${clip(detail)}`;
    case 'throw':
      return `Your JavaScript threw: ${clip(detail)}`;
    case 'timeout':
      return `Your JavaScript did not finish within ${timeoutMs} ms and was stopped (time limit; an endless loop?).`;
    case 'memory':
      return `Your JavaScript used more than ${megabytes(SANDBOX_LIMITS.memoryBytes)} MB and was stopped (memory limit of the sandbox).`;
    case 'stack':
      return `Your JavaScript nested its calls too deeply and was stopped (stack limit of the sandbox, ${SANDBOX_LIMITS.stackBytes / 1024} KB): use a loop instead of deep recursion.`;
    case 'result':
      return `Your JavaScript ran, but ${clip(detail)}.`;
    case 'pending':
      return 'Your JavaScript returned a promise that never settled: the sandbox has no timers, network or other events to wait for.';
    case 'internal':
      return `The JavaScript sandbox failed: ${clip(detail)}`;
  }
}

const fail = (failure: SandboxFailure, detail: string, job: SandboxJob): SandboxOutcome => ({
  ok: false,
  failure,
  message: explainFailure(failure, detail, job.timeoutMs),
});

/** A failure of the engine itself (the host's own stack ran out inside WebAssembly): the module is unusable afterwards. */
export class SandboxEngineFailure extends Error {
  constructor(
    readonly failure: 'stack' | 'internal',
    detail: string,
  ) {
    super(detail);
    this.name = 'SandboxEngineFailure';
  }
}

/**
 * Runs one job in a fresh QuickJS runtime of `module`; never throws for anything the code does.
 * Throws SandboxEngineFailure when the engine broke, after which `module` must be dropped.
 */
export function runInQuickJs(module: QuickJSWASMModule, job: SandboxJob): SandboxOutcome {
  const runtime = module.newRuntime();
  let interrupted = false;
  let broken = false;
  try {
    runtime.setMemoryLimit(SANDBOX_LIMITS.memoryBytes);
    runtime.setMaxStackSize(SANDBOX_LIMITS.stackBytes);
    const deadline = Date.now() + job.timeoutMs;
    // Once past the deadline every later check interrupts too, so nothing the code catches runs on.
    runtime.setInterruptHandler(() => (interrupted ||= Date.now() > deadline));
    const vm = runtime.newContext();
    try {
      return callInContext(vm, runtime, job, () => interrupted);
    } catch (err) {
      broken = true;
      throw engineFailure(err);
    } finally {
      if (!broken) vm.dispose();
    }
  } finally {
    // Freeing a runtime the host's stack overflow left half-way aborts the module: it is dropped instead.
    if (!broken) runtime.dispose();
  }
}

function engineFailure(err: unknown): SandboxEngineFailure {
  if (err instanceof SandboxEngineFailure) return err;
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new SandboxEngineFailure(err instanceof RangeError && /call stack/i.test(err.message) ? 'stack' : 'internal', detail);
}

/** Handles made during one call, released together before the context goes. */
class Handles {
  private readonly list: QuickJSHandle[] = [];
  keep(h: QuickJSHandle): QuickJSHandle {
    this.list.push(h);
    return h;
  }
  release(): void {
    for (const h of this.list.splice(0).reverse()) if (h.alive) h.dispose();
  }
  /** Forgets the handles of a broken engine (releasing them would call into it again). */
  drop(): void {
    this.list.length = 0;
  }
}

type Step = { ok: true; value: QuickJSHandle } | { ok: false; outcome: SandboxOutcome };

function callInContext(vm: QuickJSContext, runtime: QuickJSRuntime, job: SandboxJob, interrupted: () => boolean): SandboxOutcome {
  const handles = new Handles();
  const settle = (r: { error?: QuickJSHandle; value?: QuickJSHandle }, phase: 'syntax' | 'throw'): Step => {
    if (r.error) {
      handles.keep(r.error);
      return { ok: false, outcome: classify(vm, r.error, phase, job, interrupted()) };
    }
    return { ok: true, value: handles.keep(r.value!) };
  };
  try {
    // The built-ins are taken before the user's code runs, so it cannot replace them for us.
    const fnCtor = handles.keep(vm.getProp(vm.global, 'Function'));
    const json = handles.keep(vm.getProp(vm.global, 'JSON'));
    const parse = handles.keep(vm.getProp(json, 'parse'));
    const stringify = handles.keep(vm.getProp(json, 'stringify'));

    const compiled = settle(
      vm.callFunction(
        fnCtor,
        vm.undefined,
        handles.keep(vm.newString(job.argName)),
        handles.keep(vm.newString(`"use strict";\n${job.code}`)),
      ),
      'syntax',
    );
    if (!compiled.ok) return compiled.outcome;
    const input = settle(vm.callFunction(parse, vm.undefined, handles.keep(vm.newString(job.arg))), 'throw');
    if (!input.ok) return input.outcome;
    const called = settle(vm.callFunction(compiled.value, vm.undefined, input.value), 'throw');
    if (!called.ok) return called.outcome;
    const result = awaitResult(vm, runtime, called.value, handles, job, interrupted);
    if (!result.ok) return result.outcome;
    if (vm.typeof(result.value) === 'undefined') return fail('result', 'it returned nothing (add a return statement)', job);
    const text = settle(vm.callFunction(stringify, vm.undefined, result.value), 'throw');
    if (!text.ok) return text.outcome;
    if (vm.typeof(text.value) !== 'string') return fail('result', `it returned a value that is not JSON (${vm.typeof(result.value)})`, job);
    return { ok: true, json: vm.getString(text.value) };
  } catch (err) {
    handles.drop();
    throw engineFailure(err);
  } finally {
    handles.release();
  }
}

/** A promise is followed through the runtime's job queue until it settles or the queue runs dry. */
function awaitResult(
  vm: QuickJSContext,
  runtime: QuickJSRuntime,
  value: QuickJSHandle,
  handles: Handles,
  job: SandboxJob,
  interrupted: () => boolean,
): Step {
  for (;;) {
    const state = vm.getPromiseState(value);
    if (state.type === 'fulfilled') return { ok: true, value: state.notAPromise ? value : handles.keep(state.value) };
    if (state.type === 'rejected') return { ok: false, outcome: classify(vm, handles.keep(state.error), 'throw', job, interrupted()) };
    if (!runtime.hasPendingJob()) return { ok: false, outcome: fail('pending', '', job) };
    const ran = runtime.executePendingJobs();
    if (ran.error) return { ok: false, outcome: classify(vm, handles.keep(ran.error), 'throw', job, interrupted()) };
  }
}

/** Turns what the code threw into a failure: a limit it hit, a syntax error, or its own error. */
function classify(
  vm: QuickJSContext,
  error: QuickJSHandle,
  phase: 'syntax' | 'throw',
  job: SandboxJob,
  interrupted: boolean,
): SandboxOutcome {
  if (interrupted) return fail('timeout', '', job);
  const { name, message } = describeThrown(vm, error);
  if (name === 'InternalError' && message === 'out of memory') return fail('memory', '', job);
  // JSON.parse reports its own overflow as a SyntaxError.
  if ((name === 'InternalError' || name === 'SyntaxError') && message === 'stack overflow') return fail('stack', '', job);
  if (phase === 'syntax' && name === 'SyntaxError') return fail('syntax', message, job);
  return fail('throw', name ? `${name}: ${message}` : message, job);
}

/** The name and message of a thrown value, read without trusting it to be an Error. */
function describeThrown(vm: QuickJSContext, error: QuickJSHandle): { name: string; message: string } {
  const kind = vm.typeof(error);
  if (kind !== 'object' && kind !== 'function') return { name: '', message: String(vm.dump(error)) };
  const read = (key: string): string => {
    const r = vm.getProp(error, key);
    try {
      return vm.typeof(r) === 'string' ? vm.getString(r) : '';
    } finally {
      r.dispose();
    }
  };
  try {
    const message = read('message');
    return { name: read('name'), message: message || '(an error without a message)' };
  } catch {
    return { name: '', message: '(a value that could not be read)' };
  }
}
