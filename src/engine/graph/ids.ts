/** Branded identifiers: an operation id can never be passed where a thought id is expected. */
export type OperationId = string & { readonly __brand: 'OperationId' };
export type ThoughtId = string & { readonly __brand: 'ThoughtId' };
export type CallId = string & { readonly __brand: 'CallId' };
export type RunId = string & { readonly __brand: 'RunId' };

export const operationId = (s: string): OperationId => s as OperationId;
export const thoughtId = (s: string): ThoughtId => s as ThoughtId;
export const callId = (s: string): CallId => s as CallId;
export const runId = (s: string): RunId => s as RunId;

/** The id of the run's input pseudo-thought (hop 0, never counted in volume). */
export const INPUT_THOUGHT_ID = thoughtId('input');
