import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultPlan } from './faults';
import { createModelHandler, type ModelHandlerOptions, type ModelServerStats } from './modelHandler';

export interface ModelServerOptions extends ModelHandlerOptions {
  /** 0 or unset: a free port. */
  port?: number;
  host?: string;
}

/** A running OpenAI-compatible server. */
export interface ModelServer {
  /** Base URL including `/v1`, ready for an OpenAI client's baseURL. */
  url: string;
  port: number;
  setFaults(plan: FaultPlan | undefined): void;
  stats(): ModelServerStats;
  /** Stops listening and drops open connections (stalled streams included). */
  close(): Promise<void>;
}

/** Serves a LanguageModel over HTTP as `/v1/chat/completions` and `/v1/models`, with CORS and fault injection. */
export async function startModelServer(options: ModelServerOptions): Promise<ModelServer> {
  const host = options.host ?? '127.0.0.1';
  const handler = createModelHandler(options);
  const server = createServer((req, res) => handler.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/v1`,
    port,
    setFaults: handler.setFaults,
    stats: handler.stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
