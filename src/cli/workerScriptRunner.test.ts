import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkerScriptRunner } from './workerScriptRunner';

describe('WorkerScriptRunner (the CLI adapter of the QuickJS sandbox)', () => {
  let runner = new WorkerScriptRunner();
  afterEach(async () => {
    await runner.close();
    runner = new WorkerScriptRunner();
  });

  it('runs a function body on the state and returns its value', async () => {
    await expect(runner.run('return state.current.length * 2;', 'state', { current: [1, 2, 3] }, 1000)).resolves.toBe(6);
  });

  it('passes the thoughts to a selector body and returns JSON', async () => {
    const thoughts = [
      { id: 'a', score: 3 },
      { id: 'b', score: 1 },
    ];
    await expect(runner.run('return thoughts.filter((t) => t.score < 2);', 'thoughts', thoughts, 1000)).resolves.toEqual([
      { id: 'b', score: 1 },
    ]);
  });

  it('awaits a function that returns a promise', async () => {
    await expect(runner.run('return Promise.resolve(state.x + 1);', 'state', { x: 1 }, 1000)).resolves.toBe(2);
  });

  it('stops an endless loop at the time limit and keeps working afterwards', async () => {
    await expect(runner.run('while (true) {}', 'state', {}, 200)).rejects.toThrow(/did not finish within 200 ms/);
    await expect(runner.run('return 42;', 'state', {}, 1000)).resolves.toBe(42);
  });

  it('kills the worker when one long native step overruns the time limit, then starts a fresh one', async () => {
    const slow = 'const a = new Array(3e5).fill("abcdefgh"); for (;;) JSON.stringify(a);';
    const started = Date.now();
    await expect(runner.run(slow, 'state', {}, 300)).rejects.toThrow(/did not finish within 300 ms/);
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect(runner.run('return 43;', 'state', {}, 1000)).resolves.toBe(43);
  });

  it('reports a thrown error, a syntax error and a missing return in words', async () => {
    await expect(runner.run('throw new Error("no digits")', 'state', {}, 1000)).rejects.toThrow(/threw: Error: no digits/);
    await expect(runner.run('return (', 'state', {}, 1000)).rejects.toThrow(/does not compile/);
    await expect(runner.run('state.x = 1;', 'state', {}, 1000)).rejects.toThrow(/returned nothing/);
  });

  it('runs queued jobs one after another in order', async () => {
    const results = await Promise.all([1, 2, 3].map((x) => runner.run('return state.x * 10;', 'state', { x }, 1000)));
    expect(results).toEqual([10, 20, 30]);
  });
});

describe('a hostile function in the CLI', () => {
  const runner = new WorkerScriptRunner();
  let server: Server;
  let hits = 0;
  let url = '';
  const SECRET = 'sk-sandbox-test-secret-123';
  const previousKey = process.env.OPENAI_API_KEY;

  beforeAll(async () => {
    process.env.OPENAI_API_KEY = SECRET;
    server = createServer((_req, res) => {
      hits += 1;
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    if (previousKey === undefined) delete process.env.OPENAI_API_KEY;
    else process.env.OPENAI_API_KEY = previousKey;
    await runner.close();
    await new Promise((r) => server.close(r));
  });

  const attempt = async (code: string): Promise<string> => {
    try {
      return `returned ${JSON.stringify(await runner.run(code, 'state', {}, 2000))}`;
    } catch (err) {
      return (err as Error).message;
    }
  };

  it('cannot read the API key from the environment', async () => {
    const outcome = await attempt('return process.env.OPENAI_API_KEY;');
    expect(outcome).toMatch(/threw: ReferenceError: 'process' is not defined/);
    expect(outcome).not.toContain(SECRET);
  });

  it('cannot write a file through require or process.getBuiltinModule', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'got-sandbox-')), 'pwned.txt');
    expect(await attempt(`require('fs').writeFileSync(${JSON.stringify(target)}, 'x'); return 1;`)).toMatch(/'require' is not defined/);
    expect(await attempt(`process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(target)}, 'x'); return 1;`)).toMatch(
      /'process' is not defined/,
    );
    expect(await attempt(`globalThis.process.getBuiltinModule('fs'); return 1;`)).toMatch(/threw: /);
    expect(existsSync(target)).toBe(false);
  });

  it('cannot start a child process or kill the CLI', async () => {
    expect(await attempt("return require('child_process').execSync('id -u').toString();")).toMatch(/'require' is not defined/);
    expect(await attempt("process.kill(process.pid, 'SIGKILL'); return 1;")).toMatch(/'process' is not defined/);
    await expect(runner.run('return 1;', 'state', {}, 1000)).resolves.toBe(1);
  });

  it('cannot reach the network, not even a listener on this machine', async () => {
    expect(await attempt(`return fetch(${JSON.stringify(url)}).then((r) => r.text());`)).toMatch(/'fetch' is not defined/);
    expect(await attempt(`return import('node:http').then((h) => h.get(${JSON.stringify(url)}));`)).toMatch(/threw: /);
    await new Promise((r) => setTimeout(r, 200));
    expect(hits).toBe(0);
  });

  it('is stopped by the memory and stack limits with the limit named', async () => {
    expect(await attempt('return new ArrayBuffer(1e9).byteLength;')).toMatch(/memory limit/);
    expect(await attempt('function f() { return f() + 1; } return f();')).toMatch(/stack limit/);
  });
});
