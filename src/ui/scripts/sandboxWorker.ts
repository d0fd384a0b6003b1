/// <reference lib="webworker" />
import variant from '@jitl/quickjs-wasmfile-release-sync';
import wasmLocation from '@jitl/quickjs-wasmfile-release-sync/wasm?url';
import { newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten-core';
import { serveSandbox } from '../../sandbox/sandboxService';
import type { SandboxRequest } from '../../sandbox/sandboxProtocol';

// The app's sandbox worker: it only relays messages; user code runs inside QuickJS, never in this realm.
// The .wasm URL is handed over explicitly: Vite's dependency bundling moves the module away from its file.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = serveSandbox(
  () => newQuickJSWASMModuleFromVariant(newVariant(variant, { wasmLocation })),
  (reply) => scope.postMessage(reply),
);
scope.onmessage = (e: MessageEvent<SandboxRequest>) => void handle(e.data);
