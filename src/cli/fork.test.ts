import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GotDocument } from '../engine/index';
import { EXIT } from './errors';
import { cli, EXAMPLES_DIR, scratch } from './test/harness';

const FAST = ['--no-cache', '--latency-ms', '0', '--token-ms', '0', '--quiet'];

describe('run --from-run', () => {
  it('forks a recorded run: only the edited operation and its descendants run again, and --rerun-from adds more', async () => {
    const cwd = scratch();
    const graph = join(EXAMPLES_DIR, 'sorting-064-got.got.json');
    const full = await cli(['run', graph, ...FAST, '--out', 'full.json', '--events'], { cwd });
    expect(full.code).toBe(EXIT.ok);
    const doc = JSON.parse(readFileSync(graph, 'utf8')) as GotDocument;
    const score = doc.operations.find((o) => o.id === 'refine-score-2-1') as { params: Record<string, unknown> };
    score.params = { ...score.params, combined: true };
    writeFileSync(join(cwd, 'edited.got.json'), JSON.stringify(doc));
    const fork = await cli(['run', 'edited.got.json', '--from-run', 'full.json', ...FAST], { cwd });
    expect(fork.code).toBe(EXIT.ok);
    expect(fork.stdout).toContain('Ran again: refine-score-2-1, best-2-1, ground-truth; kept 33 operation(s) without requests.');
    expect(fork.stdout).toMatch(/fork\s+completed\s+\S+\s+\S+\s+0\s+0\s+0\s/);
    const from = await cli(['run', graph, '--from-run', 'full.json', '--rerun-from', 'refine-2-1', ...FAST], { cwd });
    expect(from.stdout).toContain('Ran again: refine-2-1, refine-score-2-1, best-2-1, ground-truth;');
    expect(from.stdout).toMatch(/fork\s+completed\s+\S+\s+\S+\s+1\s/);
  });

  it('says when the file has no event log to fork', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'nope.json'), '{"samples": []}');
    const r = await cli(['run', join(EXAMPLES_DIR, 'sorting-032-got.got.json'), '--from-run', 'nope.json', ...FAST], { cwd });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('no event log in it');
  });
});
