import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import type { FaultPlan } from './faults';
import { createModelHandler, type ModelHandlerOptions, type ModelServerStats } from './modelHandler';
import type { TlsPair } from './selfSignedCert';

export interface ModelServerOptions extends ModelHandlerOptions {
  /** 0 or unset: a free port. */
  port?: number;
  host?: string;
  /** Serve HTTPS with this key and certificate: HTTP/2 (as hosted APIs do), HTTP/1.1 for clients that ask for it. */
  tls?: TlsPair;
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
  const server = options.tls
    ? createSecureServer({ ...options.tls, allowHTTP1: true }, (req, res) => handler.handle(req, res))
    : createServer((req, res) => handler.handle(req, res));
  // An HTTP/2 server has no closeAllConnections: its sockets are dropped by hand on close.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
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
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}/v1`,
    port,
    setFaults: handler.setFaults,
    stats: handler.stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
