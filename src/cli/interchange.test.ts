import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedRun } from '../engine/index';
import { EXIT } from './errors';
import { cli, EXAMPLES_DIR, readJson, scratch } from './test/harness';

const OUTPUT_GRAPH = [
  { operation: 'generate', thoughts: [{ current: '[2, 1]' }] },
  { operation: 'score', thoughts: [{ current: '[2, 1]' }], scored: [true], scores: [1] },
  { prompt_tokens: 10, completion_tokens: 5, cost: 0 },
];

describe('export-python', () => {
  it('writes a script for the reference framework to -o and prints it without', async () => {
    const cwd = scratch();
    const graph = join(EXAMPLES_DIR, 'sorting-032-got.got.json');
    const toFile = await cli(['export-python', graph, '-o', 'out/sorting.py'], { cwd });
    expect(toFile.code).toBe(EXIT.ok);
    const script = readFileSync(join(cwd, 'out/sorting.py'), 'utf8');
    expect(script).toContain('controller.Controller(lm, build_graph(), StudioPrompter(), StudioParser(), dict(INPUT_STATE))');
    const toStdout = await cli(['export-python', graph], { cwd });
    expect(toStdout.stdout).toBe(script);
  });

  it('exits 2 naming a graph file that does not exist', async () => {
    const r = await cli(['export-python', 'missing.got.json']);
    expect(r.code).toBe(EXIT.missingFile);
    expect(r.stderr).toMatch(/missing\.got\.json/);
  });
});

describe('import-reference', () => {
  it("writes the run report of an output_graph file, with no edges and the file's token totals", async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'out.json'), JSON.stringify(OUTPUT_GRAPH));
    const r = await cli(['import-reference', 'out.json', '-o', 'report.json'], { cwd });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/no lineage/);
    const report = readJson<ExportedRun>(join(cwd, 'report.json'));
    const sample = report.samples[0]!;
    expect(sample.edges).toEqual([]);
    expect(sample.thoughts.filter((t) => t.kind === 'llm').map((t) => t.score)).toEqual([null, 1]);
    expect([sample.promptTokens, sample.completionTokens]).toEqual([10, 5]);
  });

  it('exits 1 listing what is wrong with a malformed file', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'bad.json'), JSON.stringify([{ operation: 'generate', thoughts: [], scores: [1] }, OUTPUT_GRAPH[2]]));
    const r = await cli(['import-reference', 'bad.json', '-o', 'report.json'], { cwd });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('operation 1, field scores: has 1 entries for 0 thoughts');
  });
});
