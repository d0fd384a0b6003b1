import type { GotDocument } from '../graph/document';
import { serializeDocument } from '../graph/file';
import type { ThoughtState } from '../graph/specs';
import { redactSecrets } from '../models/openaiErrors';
import { redactUrl } from '../report/exportRun';
import type { Budget, RunEvent } from '../run/events';
import type { Recording, RecordingSample } from './format';
import { RECORDING_FORMAT, RECORDING_VERSION } from './format';

export interface CreateRecordingInput {
  title: string;
  document: GotDocument;
  /** Where the graph came from (a file name), if anywhere. */
  source?: string | null;
  settings: { model: { baseUrl: string; model: string }; concurrency: number; budget: Budget; seed: number; cache: boolean };
  samples: ReadonlyArray<{ sampleIndex: number | null; input: ThoughtState; events: readonly RunEvent[] }>;
  /** ISO time stamp (passed in: the engine reads no clock). */
  createdAt?: string;
  /** Keep the streamed-token events of finished calls (default false: `call.done` carries their whole text). */
  keepTokens?: boolean;
}

/** A document without any credential-named field, as a graph file would hold it. */
const cleanDocument = (doc: GotDocument): GotDocument => JSON.parse(serializeDocument(doc)) as GotDocument;

/** One event with secrets out of reach: the graph cleaned, the base URL without credentials, messages redacted. */
function cleanEvent(e: RunEvent, doc: GotDocument): RunEvent {
  switch (e.type) {
    case 'run.start':
      return { ...e, document: doc, settings: { ...e.settings, model: { ...e.settings.model, baseUrl: redactUrl(e.settings.model.baseUrl) } } };
    case 'log':
      return { ...e, message: redactSecrets(e.message) };
    case 'call.error':
      return { ...e, message: redactSecrets(e.message) };
    case 'call.retry':
      return { ...e, reason: redactSecrets(e.reason) };
    default:
      return e;
  }
}

function cleanSample(s: CreateRecordingInput['samples'][number], keepTokens: boolean): RecordingSample {
  const finished = new Set<string>();
  if (!keepTokens) for (const e of s.events) if (e.type === 'call.done') finished.add(e.callId);
  const start = s.events[0];
  const doc = start?.type === 'run.start' ? cleanDocument(start.document) : null;
  const events = s.events.filter((e) => e.type !== 'call.token' || !finished.has(e.callId)).map((e) => (doc ? cleanEvent(e, doc) : e));
  return { sampleIndex: s.sampleIndex, input: s.input, events };
}

/**
 * Builds a recording of one or more runs. Secrets never enter it: there is no key field, the base
 * URL loses any `user:password@` and key-like query values, credential-named graph fields are
 * dropped and key-shaped text in messages is redacted.
 */
export function createRecording(input: CreateRecordingInput): Recording {
  const keepTokens = input.keepTokens === true;
  const { model, ...rest } = input.settings;
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    title: input.title,
    ...(input.createdAt === undefined ? {} : { createdAt: input.createdAt }),
    source: input.source ?? null,
    document: cleanDocument(input.document),
    settings: { baseUrl: redactUrl(model.baseUrl), model: model.model, ...rest, budget: { ...rest.budget } },
    samples: input.samples.map((s) => cleanSample(s, keepTokens)),
  };
}

/** A recording of the run whose events these are (the graph, input and settings come from its run.start). */
export function recordingOfRun(events: readonly RunEvent[], title: string, createdAt?: string): Recording | null {
  const start = events[0];
  if (start?.type !== 'run.start') return null;
  const { model, sampleIndex, ...settings } = start.settings;
  return createRecording({
    title,
    document: start.document,
    settings: { model, ...settings },
    samples: [{ sampleIndex, input: start.input, events }],
    ...(createdAt === undefined ? {} : { createdAt }),
  });
}

/** The recording as JSON text (Infinity written as null; no indentation: recordings are large). */
export function serializeRecording(recording: Recording): string {
  return `${JSON.stringify(recording, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))}\n`;
}
