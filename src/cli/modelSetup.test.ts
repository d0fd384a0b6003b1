import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, EXIT } from './errors';
import { checkReachable, serverKey, setupModel, type ModelOptions } from './modelSetup';
import { cli, exampleGraphs, scratch } from './test/harness';

// Not shaped like an OpenAI key, so only redaction by the key itself can hide it (not the `sk-` pattern).
const KEY = 'local-secret-4242-DO-NOT-PRINT';
const OPTIONS: ModelOptions = { model: 'echo-key', seed: 0, concurrency: Infinity, cache: false };

/** A hostile server: every answer is an error whose body quotes the Authorization header it was sent. */
function keyEchoingServer(status: { models: number; chat: number }): Server {
  return createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const echoed = { error: { message: `you sent ${req.headers.authorization ?? 'nothing'}`, type: 'invalid_request_error' } };
      res.writeHead(req.method === 'GET' ? status.models : status.chat, { 'content-type': 'application/json' });
      res.end(JSON.stringify(echoed));
    });
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

async function errorOf(work: Promise<unknown>): Promise<CliError> {
  const err = await work.then(() => null, (e: unknown) => e);
  if (!(err instanceof CliError)) throw new Error(`expected a CliError, got ${String(err)}`);
  return err;
}

describe('serverKey', () => {
  it('reads OPENAI_API_KEY and carries it as a bearer token', () => {
    expect(serverKey({ OPENAI_API_KEY: KEY })).toEqual({ apiKey: KEY, headers: { authorization: `Bearer ${KEY}` } });
  });

  it('treats an unset or blank key as no key, with no authorization header', () => {
    expect(serverKey({})).toEqual({ apiKey: undefined, headers: {} });
    expect(serverKey({ OPENAI_API_KEY: '' })).toEqual({ apiKey: undefined, headers: {} });
  });
});

describe('the API key never reaches a message', () => {
  const refusing = keyEchoingServer({ models: 401, chat: 401 });
  const failing = keyEchoingServer({ models: 200, chat: 400 });
  let refusingUrl = '';
  let failingUrl = '';
  beforeAll(async () => {
    refusingUrl = await listen(refusing);
    failingUrl = await listen(failing);
  });
  afterAll(() => {
    refusing.close();
    failing.close();
  });

  it('is sent to the server but left out of the error when the server refuses it', async () => {
    const env = { OPENAI_API_KEY: KEY };
    const setup = setupModel({ ...OPTIONS, baseUrl: refusingUrl }, env, scratch());
    const err = await errorOf(checkReachable(setup, env, new AbortController().signal));
    expect(err.exitCode).toBe(EXIT.modelUnreachable);
    expect(err.message).toMatch(/refused the API key \(HTTP 401\)/);
    expect(err.message).not.toContain(KEY);
  });

  it('is left out of the error when the server cannot be reached', async () => {
    const env = { OPENAI_API_KEY: KEY };
    const gone = createServer();
    const url = await listen(gone);
    await new Promise((done) => gone.close(done));
    const setup = setupModel({ ...OPTIONS, baseUrl: url }, env, scratch());
    const err = await errorOf(checkReachable(setup, env, new AbortController().signal));
    expect(err.exitCode).toBe(EXIT.modelUnreachable);
    expect(err.message).not.toContain(KEY);
  });

  it('is left out of the setup the CLI records and of what it tells the user', () => {
    const setup = setupModel({ ...OPTIONS, baseUrl: failingUrl }, { OPENAI_API_KEY: KEY }, scratch());
    expect(JSON.stringify({ record: setup.record, notes: setup.notes, id: setup.base.id })).not.toContain(KEY);
  });

  it('is left out of the output, the report and its events when every call\'s error quotes it back', async () => {
    const cwd = scratch();
    const graph = exampleGraphs().find((e) => e.document.task === 'sorting' && e.document.scheme === 'IO')!;
    const result = await cli(['run', graph.file, '--samples', '0', '--base-url', failingUrl, '--model', 'echo-key', '--no-cache', '--out', 'run.json', '--events'], { cwd, env: { OPENAI_API_KEY: KEY } });
    expect(result.code).toBe(EXIT.runFailed);
    expect(result.stderr).toMatch(/you sent Bearer \[redacted\]/);
    for (const text of [result.stdout, result.stderr, readFileSync(join(cwd, 'run.json'), 'utf8')]) expect(text).not.toContain(KEY);
  }, 30_000);
});
