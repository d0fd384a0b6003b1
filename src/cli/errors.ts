/** Exit codes of the command line, documented in `--help`. */
export const EXIT = {
  ok: 0,
  /** Wrong usage: an unknown option, a malformed value. */
  usage: 1,
  missingFile: 2,
  invalidGraph: 3,
  modelUnreachable: 4,
  budget: 5,
  /** A run failed for another reason (an operation error). */
  runFailed: 6,
  /** Stopped by Ctrl+C (SIGINT): 128 + 2. */
  cancelled: 130,
  /** Stopped by SIGTERM: 128 + 15. */
  terminated: 143,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports in plain words and turns into an exit code (no stack trace). */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The exit codes as `--help` shows them. */
export const EXIT_CODES_HELP = `Exit codes:
  0    success
  1    wrong usage (unknown option, malformed value)
  2    a file was not found (graph, dataset) or --out cannot be written
  3    the graph is invalid (each diagnostic is printed with its operation and field)
  4    the model is unreachable (connection refused, bad key, unknown model)
  5    a budget cap was hit (requests, tokens or dollars)
  6    a run failed for another reason: an operation error, an operation none of whose
       answers could be parsed, or no final thoughts (the reason names the operation)
  130  cancelled with Ctrl+C (SIGINT); 143 stopped by SIGTERM. Both write the partial
       results to --out; a second signal quits at once`;
