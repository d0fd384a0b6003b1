import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SandboxScriptRunner, type SandboxChannelFactory } from '../sandbox/sandboxHost';
import type { SandboxReply } from '../sandbox/sandboxProtocol';

const require = createRequire(import.meta.url);
// From source the thread is TypeScript, loaded through tsx; the compiled CLI (build/cli) ships it as its own bundle beside this one.
const COMPILED = !import.meta.url.endsWith('.ts');
const THREAD_ENTRY = new URL(COMPILED ? './sandbox-thread.mjs' : './workerScriptRunnerThread.ts', import.meta.url).href;
/** tsx's ESM register API, located through its package's exports (an eval'd worker resolves nothing by itself). */
function tsxApiUrl(): string {
  const manifest = require.resolve('tsx/package.json');
  const exportsMap = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(join(dirname(manifest), exportsMap['./esm/api']!.import.default)).href;
}

// An eval'd bootstrap: it registers tsx first when the thread's entry is TypeScript.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(workerData.tsx ? import(workerData.tsx).then((tsx) => tsx.register()) : Promise.resolve()).then(() => import(workerData.entry));
`;

let tsxApi: string | null = null;

const startThread: SandboxChannelFactory = (events) => {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { tsx: COMPILED ? null : (tsxApi ??= tsxApiUrl()), entry: THREAD_ENTRY },
    stdout: true,
    stderr: true,
  });
  worker.on('message', (r: SandboxReply) => events.reply(r));
  worker.on('error', (e) => events.died(e.message));
  worker.on('exit', (code) => events.died(`exit code ${code}`));
  return {
    post: (req) => worker.postMessage(req),
    terminate: () => void worker.terminate(),
    setBusy: (busy) => (busy ? worker.ref() : worker.unref()),
  };
};

/** The CLI's script runner: user JavaScript runs in the shared QuickJS sandbox, inside a worker thread that can be killed. */
export class WorkerScriptRunner extends SandboxScriptRunner {
  constructor() {
    super(startThread);
  }
}
