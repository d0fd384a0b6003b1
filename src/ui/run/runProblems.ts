import type { BatchStop, ModelErrorKind, RunEvent } from '../../engine/index';

/** A problem with the run as a whole: what happened and what to do. */
export interface RunProblem {
  severity: 'error' | 'warning' | 'info';
  title: string;
  detail: string;
  hint: string;
}

/** What each kind of model failure means for the user, and what to do about it. */
export const ADVICE: Record<ModelErrorKind, { title: string; hint: string }> = {
  auth: {
    title: 'The endpoint refused the API key (401)',
    hint: 'Enter a valid key in Model settings. With the same-origin proxy, the server needs OPENAI_API_KEY.',
  },
  notFound: {
    title: 'The model or endpoint was not found (404)',
    hint: 'Check the base URL (it usually ends in /v1) and the model name in Model settings.',
  },
  rateLimit: {
    title: 'Rate limited (429) even after retries',
    hint: 'Lower the concurrency or set requests per minute in Model settings, then run again.',
  },
  server: { title: 'The endpoint had server errors', hint: 'The server failed after retries; try again later or use another endpoint.' },
  timeout: { title: 'The endpoint did not answer in time', hint: 'The server is slow or overloaded: lower the concurrency or try again.' },
  stall: {
    title: 'A streamed answer stalled and was cut',
    hint: 'The server stopped sending mid-answer for longer than the stall timeout: run again, lower the concurrency, or raise the stall timeout in Model settings for a slow model.',
  },
  connection: {
    title: 'Could not reach the endpoint',
    hint: 'Check the base URL and that the server runs. A server on another origin must allow CORS, or use the same-origin proxy.',
  },
  aborted: { title: 'Calls were cancelled', hint: 'The run was stopped; what it made so far is kept.' },
  badRequest: {
    title: 'The endpoint rejected the request (400)',
    hint: 'The model may not support a setting (n, temperature, max tokens); check the operation and model settings.',
  },
  badAnswer: {
    title: 'The endpoint answered with something that is not a chat completion',
    hint: 'Check that the base URL points at an OpenAI-compatible API (…/v1), not a web page.',
  },
  budget: { title: 'A budget cap stopped the run', hint: 'Raise the cap in Model settings to let the run finish.' },
  unknown: { title: 'A model call failed', hint: 'See the failed thought or operation for the message.' },
};

/** Says what went wrong in a run (from its events, or the error that stopped it from starting); null when all went well. */
export function explainRunFailure(events: readonly RunEvent[], thrown?: unknown): RunProblem | null {
  if (thrown !== undefined) {
    const diagnostics = (thrown as { diagnostics?: Array<{ severity: string; message: string }> }).diagnostics;
    if (Array.isArray(diagnostics)) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      return {
        severity: 'error',
        title: 'The graph has errors',
        detail: errors
          .map((d) => d.message)
          .slice(0, 5)
          .join('\n'),
        hint: 'Fix the operations marked in red, then run again.',
      };
    }
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { severity: 'error', title: 'The run could not start', detail: message, hint: 'Check the input and the model settings.' };
  }
  // Calls aborted by a cancel are the cancel itself, not a failure to explain.
  const errors = events.flatMap((e) => (e.type === 'call.error' && e.kind !== 'aborted' ? [e] : []));
  const retries = events.filter((e) => e.type === 'call.retry').length;
  const done = events.find((e) => e.type === 'run.done');
  const start = events.find((e) => e.type === 'run.start');
  const label = (id: string) => (start?.type === 'run.start' ? start.document.operations.find((o) => o.id === id)?.label || id : id);
  const failedOps = events.flatMap((e) => (e.type === 'operation.done' && e.status === 'failed' ? [label(e.opId)] : []));
  const skippedOps = events.flatMap((e) => (e.type === 'operation.done' && e.status === 'skipped' ? [label(e.opId)] : []));
  const skippedNote =
    (failedOps.length
      ? ` Failed: ${failedOps.slice(0, 3).join('; ')}${failedOps.length > 3 ? ` and ${failedOps.length - 3} more` : ''}.`
      : '') +
    (skippedOps.length ? ` Skipped because their inputs failed: ${skippedOps.length} operation${skippedOps.length === 1 ? '' : 's'}.` : '');
  if (errors.length) {
    const counts = new Map<ModelErrorKind, number>();
    for (const e of errors) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
    const [kind] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['unknown'];
    const first = errors.find((e) => e.kind === kind) ?? errors[0];
    const advice = ADVICE[kind];
    return {
      severity: 'error',
      title: advice.title,
      detail: `${errors.length} call${errors.length === 1 ? '' : 's'} failed: ${first?.message ?? ''}.${skippedNote}`,
      hint: advice.hint,
    };
  }
  if (done?.type === 'run.done' && done.summary.status === 'budget') {
    return {
      severity: 'warning',
      title: ADVICE.budget.title,
      detail: done.summary.reason ?? `The ${done.summary.budgetCap ?? ''} cap was reached.`,
      hint: ADVICE.budget.hint,
    };
  }
  if (done?.type === 'run.done' && done.summary.status === 'cancelled') {
    return {
      severity: 'info',
      title: 'Run cancelled',
      detail: `Everything made before the cancel is kept.${skippedNote}`,
      hint: 'Inspect the thoughts or export the partial run as JSON.',
    };
  }
  if (done?.type === 'run.done' && done.summary.status === 'failed') {
    return {
      severity: 'error',
      title: 'The run failed',
      detail: `${done.summary.reason ?? ''}${skippedNote}`,
      hint: 'Open the failed operation to see why.',
    };
  }
  if (retries > 0) {
    return {
      severity: 'info',
      title: `Recovered after ${retries} retr${retries === 1 ? 'y' : 'ies'}`,
      detail: 'The endpoint asked to slow down or failed briefly; the calls were retried and succeeded.',
      hint: 'Set requests per minute in Model settings to avoid retries.',
    };
  }
  return null;
}

/** Says why a batch stopped before its last row, in the engine's words (the same sentence as the CLI and Compare); null for a cancel. */
export function explainBatchStop(stop: BatchStop | null): RunProblem | null {
  if (!stop || stop.kind === 'cancelled') return null;
  if (stop.kind === 'budget') return { severity: 'warning', title: 'A budget cap stopped the batch', detail: stop.message, hint: ADVICE.budget.hint };
  return { severity: 'error', title: 'The batch stopped', detail: stop.message, hint: 'Check the model settings, then run the remaining rows.' };
}
