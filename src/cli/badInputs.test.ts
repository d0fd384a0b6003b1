import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSamples } from './args/parseSamples';
import { EXIT } from './errors';
import { writeReport } from './outFile';
import { terminalText } from './terminalText';
import { scriptedModel } from '../engine/models/scripted';
import { startModelServer, type ModelServer } from '../server/modelServer';
import { cli, EXAMPLES_DIR, scratch } from './test/harness';

const io32 = join(EXAMPLES_DIR, 'sorting-032-io.got.json');
const got32 = join(EXAMPLES_DIR, 'sorting-032-got.got.json');
const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('bad inputs to the command line', () => {
  it('--samples past the dataset is refused at once, naming the dataset and its size, before any range is expanded', async () => {
    const result = await cli(['run', io32, '--samples', '0-99999999', '--quiet']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/^--samples: "0-99999999" reaches row 99999999, but .*sorting_032\.csv has 100 rows \(0-99\)\.\n$/);
    // Refused before expanding: a range of 2^53 rows would never finish otherwise.
    expect(() => parseSamples('0-9007199254740990', 100, 'd.csv')).toThrow(/d\.csv has 100 rows/);
    expect(() => parseSamples('5,100', 100, 'd.csv')).toThrow(/"100" reaches row 100/);
    expect(parseSamples('98-99', 100, 'd.csv')).toEqual([98, 99]);
  });

  it('--out in a folder that cannot be made is refused before the run, with exit 2', async () => {
    const result = await cli(['run', io32, '--out', '/proc/nope/x.json']);
    expect(result.code).toBe(EXIT.missingFile);
    expect(result.stderr).toContain('--out: cannot write /proc/nope/x.json: cannot create the folder /proc/nope');
    expect(result.stderr).not.toMatch(/running|completed/);
    expect(result.stdout).toBe('');
  });

  it('--out naming a folder is refused before the run', async () => {
    const cwd = scratch();
    const result = await cli(['run', io32, '--out', '.'], { cwd });
    expect(result.code).toBe(EXIT.missingFile);
    expect(result.stderr).toMatch(/--out: cannot write .*: it is a folder/);
  });

  it('a report that cannot be written after a run fails at once with a clear error instead of hanging', async () => {
    await expect(writeReport('/proc/nope/x.json', '/', '{}')).rejects.toThrow(/cannot write \/proc\/nope\/x\.json: cannot create the folder \/proc\/nope/);
  });

  it('prints graph titles, labels and answers without terminal control sequences', async () => {
    const cwd = scratch();
    const evil = '\x1b]0;pwned\x07\x1b[31mRed\x1b[0m \x9b2Jtitle\r\x1b[2K\u202e';
    const graph = {
      format: 'got-studio',
      version: 2,
      title: evil,
      input: { current: 'x' },
      operations: [{ id: 'g', type: 'generate', label: `label ${evil}`, inputs: [], params: { prompt: 'Say {{current}}', parser: { kind: 'text', key: 'current' }, frob: 1 } }],
    };
    writeFileSync(join(cwd, 'evil.got.json'), JSON.stringify(graph));
    const validate = await cli(['validate', 'evil.got.json'], { cwd });
    const run = await cli(['run', 'evil.got.json'], { cwd, tty: true });
    expect(validate.stdout + validate.stderr).toMatch(/unknown parameter frob/);
    expect(run.stdout).toContain('Red title');
    // Only the progress bar's own redraw remains.
    for (const shown of [validate.stdout, validate.stderr, run.stdout, run.stderr.replaceAll('\r\x1b[2K', '')]) {
      expect([...shown].filter((c) => (c < ' ' && c !== '\n' && c !== '\t') || (c >= '\x7f' && c <= '\x9f') || c === '\u202e')).toEqual([]);
    }
    expect(terminalText('a\tb\nc\x1b[1;31md\x1bPq#0\x1b\\e\x07\x00')).toBe('a\tb\ncde');
  });

  it('validate warns about an unknown parameter with the nearest known name', async () => {
    const cwd = scratch();
    const graph = { format: 'got-studio', version: 2, title: 't', input: { current: 'x' }, operations: [{ id: 'g', type: 'generate', inputs: [], params: { prompt: 'Say {{current}}', sample: 10 } }] };
    writeFileSync(join(cwd, 'typo.got.json'), JSON.stringify(graph));
    const result = await cli(['validate', 'typo.got.json'], { cwd });
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout + result.stderr).toMatch(/unknown parameter sample \(did you mean samples\?\)/);
    expect(result.stdout + result.stderr).toMatch(/1 warning/);
  });

  it('a run whose model answers in the wrong format exits 6, naming the operation, the parse error and the answer', async () => {
    const prose = scriptedModel({ answer: () => 'Sure! Here are your lists, nicely arranged.', streamChunk: 8, id: { baseUrl: 'prose', model: 'prose' } });
    const server = await startModelServer({ model: prose });
    servers.push(server);
    const result = await cli(['run', got32, '--base-url', server.url, '--model', 'prose', '--no-cache', '--quiet']);
    expect(result.code).toBe(EXIT.runFailed);
    expect(result.stdout).toMatch(/#0\s+failed/);
    expect(result.stderr).toMatch(/1 of 1 run\(s\) failed\. First: .*Split into 2 lists of 16 \(split\) could not parse its answer: .*The answer began: "Sure! Here are your lists, nicely arranged\."/);
  });
});
