import type { GotDocument } from '../graph/document';
import type { ThoughtState } from '../graph/specs';
import type { Budget, RunEvent } from '../run/events';

/** The model settings a recording was made with: never a key, and a base URL without credentials. */
export interface RecordingSettings {
  baseUrl: string;
  model: string;
  /** Model calls in flight at once (Infinity for no limit; written as null). */
  concurrency: number;
  budget: Budget;
  seed: number;
  cache: boolean;
}

/** One run of the recording: its input and its whole event log. */
export interface RecordingSample {
  /** The dataset row, or null for an input given directly. */
  sampleIndex: number | null;
  input: ThoughtState;
  /** Every event of the run in order, each with its time `at` (ms since the run started); starts with `run.start`. */
  events: RunEvent[];
}

/**
 * A recorded run (or batch of runs): the graph as run, its input(s), the model settings without
 * secrets, and every event with its time, model answers included. See FORMAT.md.
 */
export interface Recording {
  format: 'got-studio-recording';
  version: 2;
  title: string;
  /** ISO time the recording was made (wall clock: not part of the run). */
  createdAt?: string;
  /** Where the graph came from (a file name), if anywhere. */
  source: string | null;
  document: GotDocument;
  settings: RecordingSettings;
  samples: RecordingSample[];
}

/** What opening a recording gives: the recording and what migrating it changed, or what is wrong, each saying where. */
export type ParsedRecording = { ok: true; recording: Recording; notes: string[] } | { ok: false; errors: string[] };

/** Limits on an untrusted recording, so a hostile or broken file fails fast instead of exhausting memory. */
export interface RecordingLimits {
  /** Characters of JSON text. */
  maxChars: number;
  samples: number;
  /** Events per sample. */
  events: number;
}

export const RECORDING_LIMITS: RecordingLimits = { maxChars: 64 * 1024 * 1024, samples: 1000, events: 500_000 };

/** The file name suffix of a recording (`sorting.gotrec.json`). */
export const RECORDING_EXTENSION = '.gotrec.json';
/** The `format` field of a recording file. */
export const RECORDING_FORMAT = 'got-studio-recording';
/** The current version of the recording format; older versions are migrated on open. */
export const RECORDING_VERSION = 2;
