import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SandboxScriptRunner, type SandboxChannelFactory } from '../sandbox/sandboxHost';
import type { SandboxReply } from '../sandbox/sandboxProtocol';

const require = createRequire(import.meta.url);
const THREAD_ENTRY = new URL('./workerScriptRunnerThread.ts', import.meta.url).href;
/** tsx's ESM register API, located through its package's exports (an eval'd worker resolves nothing by itself). */
function tsxApiUrl(): string {
  const manifest = require.resolve('tsx/package.json');
  const exportsMap = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(join(dirname(manifest), exportsMap['./esm/api']!.import.default)).href;
}

// The thread is TypeScript like the rest of the CLI: it registers tsx before loading its entry.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

let tsxApi: string | null = null;

const startThread: SandboxChannelFactory = (events) => {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { tsx: (tsxApi ??= tsxApiUrl()), entry: THREAD_ENTRY },
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
