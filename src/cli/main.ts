import { EXIT } from './errors';
import { runCli } from './program';

// The process entry: Ctrl+C (SIGINT) or SIGTERM cancels the run (partial results are still written); a second signal quits at once.
const controller = new AbortController();
const stopCodes = { SIGINT: EXIT.cancelled, SIGTERM: EXIT.terminated } as const;
// The first signal decides the exit code (the abort itself carries no reason: fetch would throw it as is).
let stoppedBy: keyof typeof stopCodes | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stoppedBy) process.exit(stopCodes[stoppedBy]);
    stoppedBy = signal;
    process.stderr.write(`\nCancelling on ${signal}… (${signal === 'SIGINT' ? 'press Ctrl+C' : 'send it'} again to quit at once)\n`);
    controller.abort();
  });
}

// Piped into `head` and the like: a closed stdout is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// No top-level await: the compiled CLI is one CommonJS script (so V8 can cache its compiled code).
void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}).then((code) => {
  // A cancel answers 130; stopped by SIGTERM, the shell convention is 143.
  process.exitCode = code === EXIT.cancelled && stoppedBy === 'SIGTERM' ? EXIT.terminated : code;
});
