import type { z } from 'zod/mini';
import { findJsonError } from '../graph/jsonError';
import { lineColumn } from '../graph/file';
import { RECORDING_LIMITS, type ParsedRecording, type Recording, type RecordingLimits } from './format';
import { migrateRecording } from './migrations';
import { recordingSchema } from './schema';

const MAX_ERRORS = 8;

class ForbiddenKey extends Error {}

/** JSON.parse that refuses `__proto__` keys anywhere, so nothing read from a file can reach a prototype. */
function parseJsonSafely(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (key === '__proto__') throw new ForbiddenKey();
    return value;
  });
}

/** Where an issue is, in words: `samples[0].events[12] (call.done).texts`. */
function where(raw: unknown, path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  let v: unknown = raw;
  for (const p of path) {
    out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
    const type = v !== null && typeof v === 'object' ? (v as { type?: unknown }).type : undefined;
    if (typeof p === 'number' && typeof type === 'string') out += ` (${type})`;
  }
  return out || 'the file';
}

function schemaErrors(raw: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  const lines = issues.slice(0, MAX_ERRORS).map((i) => `${where(raw, i.path)}: ${i.message}`);
  if (issues.length > MAX_ERRORS) lines.push(`… and ${issues.length - MAX_ERRORS} more problems.`);
  return lines;
}

/** Cheap counts before the schema walks the file: a huge file fails in milliseconds. */
function checkSizes(value: Record<string, unknown>, limits: RecordingLimits): string | null {
  const samples = value.samples;
  if (!Array.isArray(samples)) return null;
  if (samples.length > limits.samples) return `samples: ${samples.length} runs; a recording may hold at most ${limits.samples}.`;
  for (const [i, s] of samples.entries()) {
    const events = (s as { events?: unknown } | null)?.events;
    if (Array.isArray(events) && events.length > limits.events) return `samples[${i}].events: ${events.length} events; at most ${limits.events} per run.`;
  }
  return null;
}

/** Every run must start with its run.start; a second run.start inside a run would silently reset it. */
function checkRuns(recording: Recording): string[] {
  const errors: string[] = [];
  recording.samples.forEach((s, i) => {
    if (s.events[0]?.type !== 'run.start') errors.push(`samples[${i}].events[0]: a run must start with run.start.`);
    const again = s.events.findIndex((e, j) => j > 0 && e.type === 'run.start');
    if (again > 0) errors.push(`samples[${i}].events[${again}] (run.start): a run has one run.start.`);
  });
  return errors;
}

/**
 * Reads a recording's text (untrusted): bounded size, JSON errors with line and column, no
 * prototype keys, other formats and newer versions refused, older versions migrated (see `notes`),
 * and every schema problem named by where it is (`samples[0].events[12] (call.done).texts: …`).
 */
export function parseRecording(text: string, limits: RecordingLimits = RECORDING_LIMITS): ParsedRecording {
  if (text.length > limits.maxChars) return { ok: false, errors: [`The file is ${Math.round(text.length / 1e6)} MB; a recording may be at most ${Math.round(limits.maxChars / 1e6)} MB.`] };
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { ok: false, errors: ['The file is empty.'] };
  let raw: unknown;
  try {
    raw = parseJsonSafely(source);
  } catch (err) {
    if (err instanceof ForbiddenKey) return { ok: false, errors: ['The file has a "__proto__" key, which a recording never has: refused.'] };
    const found = findJsonError(source);
    const { line, column } = lineColumn(source, found?.offset ?? source.length);
    return { ok: false, errors: [`The file is not valid JSON at line ${line}, column ${column}: ${found?.message ?? (err as Error).message}`] };
  }
  const migrated = migrateRecording(raw);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  const tooBig = checkSizes(migrated.value, limits);
  if (tooBig) return { ok: false, errors: [tooBig] };
  const parsed = recordingSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, errors: schemaErrors(migrated.value, parsed.error.issues) };
  // The schema mirrors RunEventMap field by field; ids are checked strings (the engine brands them).
  const recording = parsed.data as unknown as Recording;
  const errors = checkRuns(recording);
  if (errors.length) return { ok: false, errors };
  return { ok: true, recording, notes: migrated.notes };
}

