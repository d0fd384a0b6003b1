import { test as base } from '@playwright/test';
import { simulatorModel } from '../../src/engine/index';
import { startModelServer, type ModelServer } from '../../src/server/modelServer';

/** The simulator over real HTTP (OpenAI-compatible, CORS), one per worker; `keyed` requires a key. */
export const test = base.extend<{ simServer: ModelServer }, { openServer: ModelServer; keyedServer: ModelServer }>({
  openServer: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startModelServer({ model: simulatorModel({ latencyMs: 20, tokenMs: 0 }) });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  keyedServer: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startModelServer({ model: simulatorModel({ latencyMs: 20, tokenMs: 0 }), requireKey: KEYED_SERVER_KEY });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  /** The open server with its fault plan cleared before and after each test. */
  simServer: async ({ openServer }, use) => {
    openServer.setFaults(undefined);
    await use(openServer);
    openServer.setFaults(undefined);
  },
});

/** The key the keyed server accepts (a test value, not a real key). */
export const KEYED_SERVER_KEY = 'sk-test-accepted-0000';
/** The model name the simulator server answers to. */
export const SIM_MODEL = 'got-simulator';
export { expect } from '@playwright/test';
