import type { Plugin } from 'vite';
import { createLlmProxy, type LlmProxyOptions } from './llmProxy';
import { createModelHandler, type ModelHandler } from './modelHandler';
import { simulatorModel } from '../engine/index';
import { requestClockSleep } from './requestClock';
import type { SimulatorSettings } from './simulatorSource';

export interface GotStudioServerPluginOptions {
  proxy?: LlmProxyOptions;
  simulator?: SimulatorSettings;
}

interface Connect {
  use(path: string, handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: (err?: unknown) => void) => void): unknown;
}

/**
 * Vite plugin for the dev and preview servers: `/api/llm/*` proxies to OPENAI_BASE_URL with the
 * server's OPENAI_API_KEY, and `/api/simulator/v1` serves the offline simulator in-process.
 */
export function gotStudioServerPlugin(options: GotStudioServerPluginOptions = {}): Plugin {
  let simulator: ModelHandler | undefined;
  const mount = (middlewares: Connect) => {
    middlewares.use('/api/llm', createLlmProxy({ ...options.proxy, prefix: '' }));
    middlewares.use('/api/simulator/v1', (req, res) => {
      simulator ??= createModelHandler({ model: simulatorModel({ sleep: requestClockSleep, ...options.simulator }) });
      simulator.handle(req, res);
    });
  };
  return {
    name: 'got-studio-server',
    configureServer: (server) => mount(server.middlewares),
    configurePreviewServer: (server) => mount(server.middlewares),
  };
}
