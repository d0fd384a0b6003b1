import { describe, expect, test } from 'vitest';
import { rebuildGrs } from '../grs/reduce';
import { scriptedModel } from '../models/scripted';
import { exportRun } from '../report/exportRun';
import { op, params, runOps, seededRandom } from '../run/testing';
import type { RunEvent } from '../run/events';
import { createRecording, recordingOfRun, serializeRecording } from './create';
import { parseRecording } from './parse';
import { RECORDING_VERSION } from './format';

const graph = [
  op('g', 'generate', [], params.generate(3, 'go {{current}}')),
  op('s', 'score', ['g'], { scorer: { kind: 'llm', prompt: 'rate {{current}}', reader: { kind: 'number' } } }),
  op('k', 'keepBestN', ['s'], params.keepBest(1)),
  op('i', 'improve', ['k'], params.improve()),
];

async function recordedRun(baseUrl = 'https://user:pw@llm.example/v1?key=sk-abcdef123456') {
  const random = seededRandom(7);
  const model = scriptedModel({
    id: { baseUrl, model: 'm' },
    answer: (c, i) => (c.prompt.startsWith('rate') ? String((c.seed ?? 0) % 10) : `${c.seed ?? 0}-${i}`),
    latency: () => Math.floor(random() * 4),
    streamChunk: 2,
  });
  return runOps(graph, { current: 'x' }, model, { seed: 3, cost: (u) => (u.promptTokens + u.completionTokens) * 1e-6 });
}

const reportOf = (events: readonly RunEvent[]) => {
  const start = events[0] as Extract<RunEvent, { type: 'run.start' }>;
  return exportRun({ document: start.document, settings: { model: { baseUrl: 'b', model: 'm' }, concurrency: 8, budget: {}, seed: 3, cache: false }, samples: [{ sampleIndex: null, input: start.input, events }] });
};

describe('recordings', () => {
  test('a saved and reopened recording rebuilds the same GRS and the same report as the run', async () => {
    const run = await recordedRun();
    const rec = recordingOfRun(run.events, 'demo', '2026-01-01T00:00:00.000Z');
    const opened = parseRecording(serializeRecording(rec!));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const events = opened.recording.samples[0]!.events;
    const again = rebuildGrs(events);
    expect(again.thoughts).toEqual(run.grs.thoughts);
    expect(again.summary).toEqual(run.summary);
    expect(again.totals).toEqual(run.grs.totals);
    expect(reportOf(events).samples).toEqual(reportOf(run.events).samples);
  });

  test('the streamed tokens of finished calls are left out, since call.done carries the whole answer', async () => {
    const run = await recordedRun();
    const rec = recordingOfRun(run.events, 'demo')!;
    expect(run.events.some((e) => e.type === 'call.token')).toBe(true);
    expect(rec.samples[0]!.events.some((e) => e.type === 'call.token')).toBe(false);
    expect(rec.samples[0]!.events.filter((e) => e.type === 'call.done')).toEqual(run.events.filter((e) => e.type === 'call.done'));
  });

  test('no credential reaches a recording: the base URL loses user, password and key-like query values', async () => {
    const run = await recordedRun();
    const text = serializeRecording(recordingOfRun(run.events, 'demo')!);
    expect(text).not.toContain('pw@');
    expect(text).not.toContain('sk-abcdef123456');
    const parsed = parseRecording(text);
    expect(parsed.ok && parsed.recording.settings.baseUrl).toBe('https://llm.example/v1?key=[redacted]');
  });

  test('a graph field named like a credential is dropped from the recorded graph', async () => {
    const run = await recordedRun('http://localhost:1/v1');
    const start = run.events[0] as Extract<RunEvent, { type: 'run.start' }>;
    const leaky = { ...start, document: { ...start.document, operations: start.document.operations.map((o) => ({ ...o, params: { ...o.params, apiKey: 'sk-secret-999' } })) } };
    const rec = createRecording({ title: 't', document: leaky.document, settings: { model: { baseUrl: 'x', model: 'm' }, concurrency: 8, budget: {}, seed: 0, cache: false }, samples: [{ sampleIndex: null, input: {}, events: [leaky, ...run.events.slice(1)] }] });
    expect(serializeRecording(rec)).not.toContain('sk-secret-999');
  });

  test('a version-1 recording (a bare event log) is migrated to the current version with a note', async () => {
    const run = await recordedRun('http://localhost:1/v1');
    const v1 = JSON.stringify({ format: 'got-studio-recording', version: 1, title: 'old', events: run.events });
    const parsed = parseRecording(v1);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.recording.version).toBe(RECORDING_VERSION);
    expect(parsed.notes.join(' ')).toMatch(/version 1/);
    expect(parsed.recording.title).toBe('old');
    expect(parsed.recording.document.operations.map((o) => o.id)).toEqual(['g', 's', 'k', 'i']);
    expect(parsed.recording.settings).toMatchObject({ baseUrl: 'http://localhost:1/v1', model: 'm', seed: 3 });
    expect(parsed.recording.samples[0]!.input).toEqual({ current: 'x' });
    expect(rebuildGrs(parsed.recording.samples[0]!.events).summary).toEqual(run.summary);
  });

  test('a broken recording is refused with where the problem is', async () => {
    const run = await recordedRun('http://localhost:1/v1');
    const rec = JSON.parse(serializeRecording(recordingOfRun(run.events, 'demo')!));
    const done = rec.samples[0].events.findIndex((e: RunEvent) => e.type === 'call.done');
    rec.samples[0].events[done].texts = 'oops';
    const parsed = parseRecording(JSON.stringify(rec));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]).toMatch(new RegExp(`^samples\\[0\\]\\.events\\[${done}\\] \\(call\\.done\\)\\.texts: `));
  });

  test('untrusted input is refused clearly: bad JSON, prototype keys, other formats, newer versions, oversized files', () => {
    const expectError = (text: string, pattern: RegExp, limits?: Parameters<typeof parseRecording>[1]) => {
      const parsed = parseRecording(text, limits);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.errors.join('\n')).toMatch(pattern);
    };
    expectError('{"format": ', /not valid JSON at line 1, column/);
    expectError('{"format":"got-studio-recording","version":2,"__proto__":{"polluted":true}}', /__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expectError('{"format":"got-studio","version":2}', /not a GoT Studio recording.*open it as a graph/);
    expectError('{"format":"got-studio-recording","version":99}', /newer than this GoT Studio reads/);
    expectError('x'.repeat(200), /at most/, { maxChars: 100, samples: 1, events: 1 });
    expectError(JSON.stringify({ format: 'got-studio-recording', version: 2, samples: [{ events: [1, 2, 3] }] }), /3 events; at most 2/, { maxChars: 1e6, samples: 5, events: 2 });
  });

  test('an id that would reach a prototype is refused', async () => {
    const run = await recordedRun('http://localhost:1/v1');
    const rec = JSON.parse(serializeRecording(recordingOfRun(run.events, 'demo')!));
    const made = rec.samples[0].events.findIndex((e: RunEvent) => e.type === 'thought.created');
    rec.samples[0].events[made].thought.id = 'constructor';
    const parsed = parseRecording(JSON.stringify(rec));
    expect(!parsed.ok && parsed.errors[0]).toMatch(/thought\.id: this id is not allowed/);
  });
});
