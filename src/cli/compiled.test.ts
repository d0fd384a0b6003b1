import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, ROOT, scratch } from './test/harness';
// @ts-expect-error: a plain .mjs helper shared with bin/got-studio.mjs, without types.
import { compiledCliIsFresh } from '../../scripts/cliFreshness.mjs';

const COMPILED = join(ROOT, 'build/cli/got-studio.cjs');
const node = (args: readonly string[], cwd = ROOT) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 120_000 });

describe('the compiled command line (build/cli, made on npm install)', () => {
  beforeAll(() => {
    // npm install builds it; a checkout edited since is rebuilt here, so the test compares like with like.
    if (!(compiledCliIsFresh(ROOT) as boolean)) expect(node([join(ROOT, 'scripts/buildCli.mjs')]).status).toBe(0);
  });

  it('answers --help and validate exactly as the TypeScript sources do', () => {
    const graph = join(EXAMPLES_DIR, 'set-intersection-064-got.got.json');
    const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    for (const args of [['--help'], ['validate', graph]]) {
      const compiled = node([COMPILED, ...args]);
      const source = node([tsx, join(ROOT, 'src/cli/main.ts'), ...args]);
      expect(compiled.status).toBe(source.status);
      expect(compiled.stdout).toBe(source.stdout);
      expect(compiled.stdout.length).toBeGreaterThan(0);
    }
  });

  it('runs a graph on the simulator and finds the shipped datasets from any folder', () => {
    const r = node([COMPILED, 'run', join(EXAMPLES_DIR, 'sorting-032-got.got.json'), '--samples', '0', '--no-cache', '--quiet'], scratch());
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/#0\s+completed\s+0\s+yes\s+5\s+31/);
  });

  it('runs a graph’s JavaScript in the sandbox, whose thread ships compiled beside the CLI', () => {
    const dir = scratch();
    const doc = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'sorting-032-io.got.json'), 'utf8')) as { operations: Array<{ type: string; params: Record<string, unknown> }> };
    const score = doc.operations.find((o) => o.type === 'score');
    if (!score) throw new Error('the IO example has a Score');
    // 1000 more when the host's `process` is out of reach, as it must be in the sandbox.
    score.params.scorer = { kind: 'js', code: "return state.current.length + (typeof process === 'undefined' ? 1000 : 0);", timeoutMs: 5000 };
    writeFileSync(join(dir, 'js.got.json'), JSON.stringify(doc));
    const r = node([COMPILED, 'run', 'js.got.json', '--samples', '0', '--no-cache', '--quiet'], dir);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/#0\s+completed\s+1\d{3}\s/);
  });

  it('counts tokens with the tokenizer (loaded from node_modules) when the server sends no usage', async () => {
    // An OpenAI-compatible server that streams one fixed answer per completion and never a usage chunk.
    const ANSWER = '[0, 0, 1, 2, 3, 3, 4, 5, 5, 6, 7, 8, 9]';
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        if (req.method !== 'POST') return void res.writeHead(404).end();
        const n = (JSON.parse(body) as { n?: number }).n ?? 1;
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (let index = 0; index < n; index++) {
          res.write(`data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index, delta: { content: ANSWER }, finish_reason: 'stop' }] })}\n\n`);
        }
        res.end('data: [DONE]\n\n');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      const args = [COMPILED, 'run', join(EXAMPLES_DIR, 'sorting-032-io.got.json'), '--samples', '0', '--no-cache', '--base-url', url, '--model', 'gpt-4o-mini', '--out', 'run.json'];
      const dir = scratch();
      const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, OPENAI_API_KEY: 'sk-test-local' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((r) => child.on('close', r));
      expect(code, stderr).toBe(0);
      const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { samples: Array<{ promptTokens: number; completionTokens: number }> };
      // The prompt is counted from the graph's real messages.
      expect(run.samples[0]!.completionTokens).toBe(countTokens(ANSWER));
      expect(run.samples[0]!.promptTokens).toBeGreaterThan(50);
    } finally {
      server.close();
    }
  });
});
