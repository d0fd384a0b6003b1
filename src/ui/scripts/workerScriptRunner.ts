import type { JsonValue, ScriptRunner } from '../../engine/index';
import { SandboxScriptRunner, type SandboxChannelFactory } from '../../sandbox/sandboxHost';
import type { SandboxReply } from '../../sandbox/sandboxProtocol';
import { isUnacceptedCode } from './codeConsentGate';

const startWorker: SandboxChannelFactory = (events) => {
  const worker = new Worker(new URL('./sandboxWorker.ts', import.meta.url), { type: 'module', name: 'javascript-sandbox' });
  worker.onmessage = (e: MessageEvent<SandboxReply>) => events.reply(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    events.died(e.message || 'the worker failed to load');
  };
  return { post: (req) => worker.postMessage(req), terminate: () => worker.terminate() };
};

/** The app's script runner: user JavaScript runs in the shared QuickJS sandbox inside a Web Worker, so a slow function never freezes the page. */
export class WorkerScriptRunner extends SandboxScriptRunner {
  constructor() {
    super(startWorker);
  }

  override run(code: string, argName: 'state' | 'thoughts', arg: JsonValue, timeoutMs: number): Promise<JsonValue> {
    if (isUnacceptedCode(code))
      return Promise.reject(
        new Error('This graph’s JavaScript came from outside and has not been accepted yet: press Run to review it first.'),
      );
    return super.run(code, argName, arg, timeoutMs);
  }
}

let shared: WorkerScriptRunner | null = null;
/** The app's script runner (one instance, one worker, jobs one after another). */
export const appScriptRunner = (): ScriptRunner => (shared ??= new WorkerScriptRunner());
