import { parentPort } from 'node:worker_threads';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import { serveSandbox } from '../sandbox/sandboxService';
import type { SandboxRequest } from '../sandbox/sandboxProtocol';

// The CLI's sandbox worker thread: it only relays messages; user code runs inside QuickJS.
const port = parentPort;
if (port) {
  const handle = serveSandbox(
    () => newQuickJSWASMModuleFromVariant(variant),
    (reply) => port.postMessage(reply),
  );
  port.on('message', (req: SandboxRequest) => void handle(req));
}
