import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SchemeComparison } from '../engine/index';
import { cli, exampleGraphs, readJson, scratch } from './test/harness';

describe('compare', () => {
  it('ranks the sorting-64 schemes as the paper does by median error: GoT, then ToT and ToT2, then CoT and IO', async () => {
    const graphs = exampleGraphs().filter((e) => e.document.task === 'sorting' && (e.document.input['original'] as unknown[]).length === 64);
    expect(graphs.map((g) => g.document.scheme).sort()).toEqual(['CoT', 'GoT', 'IO', 'ToT', 'ToT2']);
    const result = await cli(['compare', ...graphs.map((g) => g.file), '--samples', '0-9', '--no-cache', '--latency-ms', '0', '--token-ms', '0', '--quiet', '--format', 'json']);
    expect(result.code).toBe(0);
    const rows = (JSON.parse(result.stdout) as { schemes: SchemeComparison[] }).schemes;
    const median = (scheme: string) => rows.find((r) => r.scheme === scheme)!.score!.median;
    expect(rows.every((r) => r.samples === 10 && r.scored === 10)).toBe(true);
    expect(median('GoT')).toBeLessThan(Math.min(median('ToT'), median('ToT2')));
    expect(Math.max(median('ToT'), median('ToT2'))).toBeLessThan(Math.min(median('CoT'), median('IO')));
    const got = rows.find((r) => r.scheme === 'GoT')!;
    expect(got.requests).toBe(10 * 11);
    expect(got.completions).toBe(10 * 71);
  }, 120_000);

  it('prints one CSV row per scheme with quartiles, solved rate, cost and requests', async () => {
    const graphs = exampleGraphs().filter((e) => e.document.task === 'sorting' && (e.document.input['original'] as unknown[]).length === 32 && ['IO', 'GoT'].includes(e.document.scheme ?? ''));
    const result = await cli(['compare', ...graphs.map((g) => g.file), '--samples', '0-2', '--no-cache', '--latency-ms', '0', '--token-ms', '0', '--quiet', '--format', 'csv']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toContain('score_q1,score_median,score_q3');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['GoT', 'IO']);
  }, 60_000);

  it('writes the comparison and every sample\'s outcome to --out as JSON', async () => {
    const cwd = scratch();
    const graphs = exampleGraphs().filter((e) => e.document.task === 'sorting' && (e.document.input['original'] as unknown[]).length === 32 && ['IO', 'CoT'].includes(e.document.scheme ?? ''));
    const result = await cli(['compare', ...graphs.map((g) => g.file), '--samples', '0-3', '--no-cache', '--latency-ms', '0', '--token-ms', '0', '--quiet', '--out', 'cmp.json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/scheme\s+samples\s+median\s+q1\s+q3/);
    const written = readJson<{ schemes: SchemeComparison[]; samples: { scheme: string; outcomes: { sampleIndex: number; score: number }[] }[] }>(join(cwd, 'cmp.json'));
    expect(written.schemes.map((s) => s.scheme).sort()).toEqual(['CoT', 'IO']);
    expect(written.samples[0]!.outcomes.map((o) => o.sampleIndex)).toEqual([0, 1, 2, 3]);
  }, 60_000);

  it('spends no token budget on answers from the cache', async () => {
    const cwd = scratch();
    const graphs = exampleGraphs().filter((e) => e.document.task === 'sorting' && (e.document.input['original'] as unknown[]).length === 32 && ['IO', 'CoT'].includes(e.document.scheme ?? ''));
    const args = ['compare', ...graphs.map((g) => g.file), '--samples', '0-1', '--latency-ms', '0', '--token-ms', '0', '--quiet'];
    expect((await cli(args, { cwd })).code).toBe(0);
    // Four runs of about 150 tokens each: paid again, they would cross a cap of 300.
    const again = await cli([...args, '--budget', 'tokens=300'], { cwd });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
  }, 60_000);

  it('stops on cancel with exit 130, still printing and writing what was compared so far', async () => {
    const cwd = scratch();
    const graphs = exampleGraphs().filter((e) => e.document.task === 'sorting' && (e.document.input['original'] as unknown[]).length === 32 && ['IO', 'GoT'].includes(e.document.scheme ?? ''));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 700);
    const result = await cli(['compare', ...graphs.map((g) => g.file), '--samples', '0-20', '--no-cache', '--latency-ms', '100', '--token-ms', '0', '--quiet', '--out', 'cmp.json'], { cwd, signal: controller.signal });
    expect(result.code).toBe(130);
    expect(result.stdout).toMatch(/scheme\s+samples/);
    const written = readJson<{ schemes: SchemeComparison[] }>(join(cwd, 'cmp.json'));
    expect(written.schemes.length).toBeGreaterThan(0);
    expect(written.schemes[0]!.samples).toBeLessThan(21);
  }, 30_000);
});
