import { RECORDING_FORMAT, RECORDING_VERSION } from './format';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A raw recording brought to the current version (still to be checked by the schema), or why it cannot be. */
export type RecordingMigration = { ok: true; value: Raw; notes: string[] } | { ok: false; error: string };

/**
 * Version 1 held one run as a bare event log, `{format, version: 1, title?, events}`: the graph,
 * input and settings only inside its `run.start`. Version 2 lifts them to the top and holds a list of samples.
 */
function v1ToV2(raw: Raw): RecordingMigration {
  const events = raw.events;
  if (!Array.isArray(events)) return { ok: false, error: 'events: a version-1 recording needs an event list' };
  const start = events[0];
  if (!isObject(start) || start.type !== 'run.start') return { ok: false, error: 'events[0]: a version-1 recording must start with run.start' };
  const settings = isObject(start.settings) ? start.settings : {};
  const model = isObject(settings.model) ? settings.model : {};
  const document = isObject(start.document) ? start.document : {};
  return {
    ok: true,
    notes: ['This recording was made in format version 1 and was converted to version 2.'],
    value: {
      format: RECORDING_FORMAT,
      version: 2,
      title: typeof raw.title === 'string' ? raw.title : typeof document.title === 'string' ? document.title : 'Recorded run',
      ...(typeof raw.createdAt === 'string' ? { createdAt: raw.createdAt } : {}),
      source: null,
      document: start.document,
      settings: { baseUrl: model.baseUrl, model: model.model, concurrency: settings.concurrency, budget: settings.budget, seed: settings.seed, cache: settings.cache },
      samples: [{ sampleIndex: settings.sampleIndex ?? null, input: start.input, events }],
    },
  };
}

/** Each step takes a raw recording of version `from` to `from + 1`. */
const STEPS: Record<number, (raw: Raw) => RecordingMigration> = { 1: v1ToV2 };

/** Brings a parsed recording of any known version to the current one; newer versions and other formats are refused. */
export function migrateRecording(raw: unknown): RecordingMigration {
  if (!isObject(raw)) return { ok: false, error: 'The file is not a JSON object.' };
  if (raw.format !== RECORDING_FORMAT) {
    const hint = raw.format === 'got-studio' ? ' It is a graph (.got.json): open it as a graph.' : '';
    return { ok: false, error: `format: this is not a GoT Studio recording (expected "${RECORDING_FORMAT}").${hint}` };
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, error: 'version: expected a whole number ≥ 1.' };
  if (version > RECORDING_VERSION) return { ok: false, error: `version: this recording is version ${version}, newer than this GoT Studio reads (${RECORDING_VERSION}). Update GoT Studio to open it.` };
  let value = raw;
  const notes: string[] = [];
  for (let v = version; v < RECORDING_VERSION; v++) {
    const step = STEPS[v] as (raw: Raw) => RecordingMigration;
    const next = step(value);
    if (!next.ok) return next;
    value = next.value;
    notes.push(...next.notes);
  }
  return { ok: true, value, notes };
}
