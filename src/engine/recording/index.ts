export type { Recording, RecordingSample, RecordingSettings, ParsedRecording, RecordingLimits } from './format';
export { RECORDING_LIMITS, RECORDING_EXTENSION } from './format';
export { RECORDING_FORMAT, RECORDING_VERSION } from './format';
export { parseRecording } from './parse';
export { migrateRecording, type RecordingMigration } from './migrations';
export { createRecording, recordingOfRun, serializeRecording, type CreateRecordingInput } from './create';
export { playEvents, type PlayOptions } from './player';
export { eventTimeline, grsTimeline, applyEventBatch, stepIndex, type EventTimeline, type TimelineOptions, type StepUnit } from './timeline';
export { verifyRecordingSample, type VerifyOptions } from './verify';
