/** What a command needs from its surroundings; main.ts passes the process's, tests pass their own. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Aborted on Ctrl+C: the running sample is cancelled and partial results are kept. */
  signal: AbortSignal;
}
