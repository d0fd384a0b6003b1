import { parseArgs } from 'node:util';
import type { FaultPlan } from './faults';
import type { ChatTrace } from './modelHandler';
import { startModelServer, type ModelServer } from './modelServer';
import { simulatorModel } from '../engine/index';
import { requestClockSleep } from './requestClock';
import { selfSignedCert } from './selfSignedCert';
import { SIMULATOR_MODEL_NAMES, type SimulatorSettings } from './simulatorSource';

export interface SimulatorCliOptions extends SimulatorSettings {
  port: number;
  host: string;
  requireKey?: string;
  faults?: FaultPlan;
  /** Print a `trace {json}` line per chat request (seed, n, received and answered on this process's clock). */
  trace?: boolean;
  /** Serve HTTPS (HTTP/2, and HTTP/1.1 by ALPN) with a self-signed certificate made at start, as a hosted API would. */
  tls?: boolean;
}

const USAGE = `Usage: npm run simulator -- [--port 8787] [--host 127.0.0.1] [--latency-ms MS] [--token-ms MS]
                         [--seed N] [--ignore-request-seed] [--require-key KEY] [--faults JSON] [--trace] [--tls]
Serves the offline simulator as an OpenAI-compatible API at http://HOST:PORT/v1.
--tls serves https://HOST:PORT/v1 over HTTP/2 (HTTP/1.1 for clients that ask), as hosted APIs do, with a
self-signed certificate made by openssl at start: a browser must be told to accept it (open the URL once).
--ignore-request-seed answers from the messages alone, so an exported Python script (which sends no
seed) gets the same answers as GoT Studio's run of the same graph.`;

function toNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a non-negative number, got "${value}"`);
  return n;
}

/** Reads the simulator server's command line; throws an Error with a usage hint on bad input. */
export function parseSimulatorArgs(argv: string[]): SimulatorCliOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'latency-ms': { type: 'string' },
      'token-ms': { type: 'string' },
      seed: { type: 'string' },
      'ignore-request-seed': { type: 'boolean' },
      'require-key': { type: 'string' },
      faults: { type: 'string' },
      trace: { type: 'boolean' },
      tls: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const port = toNumber('port', values.port) ?? 8787;
  if (!Number.isInteger(port) || port > 65535) throw new Error(`--port needs a port number, got "${values.port}"`);
  let faults: FaultPlan | undefined;
  if (values.faults) {
    try {
      faults = JSON.parse(values.faults) as FaultPlan;
    } catch {
      throw new Error('--faults needs JSON, e.g. \'{"rateLimit":{"count":3}}\'');
    }
  }
  return {
    port,
    host: values.host ?? '127.0.0.1',
    latencyMs: toNumber('latency-ms', values['latency-ms']),
    tokenMs: toNumber('token-ms', values['token-ms']),
    seed: toNumber('seed', values.seed),
    ...(values['ignore-request-seed'] ? { ignoreRequestSeed: true } : {}),
    requireKey: values['require-key'],
    faults,
    trace: values.trace === true,
    ...(values.tls ? { tls: true } : {}),
  };
}

/** Starts the simulator server from a command line; resolves with the running server (or null after --help). */
export async function runSimulatorServer(argv: string[], log: (line: string) => void = (l) => void process.stdout.write(`${l}\n`)): Promise<ModelServer | null> {
  const options = parseSimulatorArgs(argv);
  if (options === 'help') {
    log(USAGE);
    return null;
  }
  // With no time per token, smaller chunks would only cost the client a parse and an event each, all at the call's end.
  const chunkTokens = options.tokenMs === 0 ? Infinity : undefined;
  const model = simulatorModel({ seed: options.seed, latencyMs: options.latencyMs, tokenMs: options.tokenMs, chunkTokens, ignoreRequestSeed: options.ignoreRequestSeed, sleep: requestClockSleep });
  const server = await startModelServer({
    model,
    models: [...SIMULATOR_MODEL_NAMES],
    port: options.port,
    host: options.host,
    requireKey: options.requireKey,
    faults: options.faults,
    ...(options.tls ? { tls: await selfSignedCert() } : {}),
    ...(options.trace ? { onAnswered: (t: ChatTrace) => log(`trace ${JSON.stringify(t)}`) } : {}),
  });
  log(`GoT Studio simulator at ${server.url} (model: ${model.id.model})`);
  return server;
}
