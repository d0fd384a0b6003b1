import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import { explainFailure, runInQuickJs, SandboxEngineFailure } from './quickjsRunner';
import type { SandboxReply, SandboxRequest } from './sandboxProtocol';

/**
 * The worker side of the sandbox, shared by the app's Web Worker and the CLI's worker thread:
 * loads QuickJS once and answers each request with the outcome of `runInQuickJs`. The worker's
 * own realm only carries messages; the user's code runs inside QuickJS.
 */
export function serveSandbox(
  loadModule: () => Promise<QuickJSWASMModule>,
  reply: (r: SandboxReply) => void,
): (req: SandboxRequest) => Promise<void> {
  let module: Promise<QuickJSWASMModule> | null = null;
  return async ({ id, job }) => {
    try {
      const loaded = await (module ??= loadModule());
      reply({ kind: 'started', id });
      const outcome = runInQuickJs(loaded, job);
      // WebAssembly memory only grows: after a memory bomb a fresh module gives the worker its memory back.
      if (!outcome.ok && outcome.failure === 'memory') module = null;
      reply({ kind: 'done', id, outcome });
    } catch (err) {
      // A failure of the engine (a module that did not load, the host's stack overflowing inside it):
      // the module is dropped so the next request starts from a fresh one.
      module = null;
      const failure = err instanceof SandboxEngineFailure ? err.failure : 'internal';
      const detail = err instanceof Error ? err.message : String(err);
      reply({ kind: 'done', id, outcome: { ok: false, failure, message: explainFailure(failure, detail, job.timeoutMs) } });
    }
  };
}
