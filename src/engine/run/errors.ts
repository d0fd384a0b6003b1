import type { Diagnostic } from '../graph/diagnostics';

/** runGraph refused the document: `diagnostics` say what to fix. */
export class GraphInvalidError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(`the graph cannot run: ${errors.map((d) => d.message).join('; ') || 'it is invalid'}`);
    this.name = 'GraphInvalidError';
  }
}

/** The message of anything thrown (an Error's message, else its string form). */
export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Thrown inside a run once it is cancelled or out of budget, to unwind the operations. */
export class RunStopped extends Error {
  constructor() {
    super('the run stopped');
    this.name = 'RunStopped';
  }
}
