import type { RunEvent, RunSummary } from '../engine/index';
import type { CliIo } from './io';
import { count, dollars, duration, num } from './report/table';
import { REDRAW_LINE } from './terminalText';

/** Receives a batch's progress; the CLI draws it on stderr. */
export interface ProgressReporter {
  startSample(info: { scheme: string; label: string; position: number; total: number; operations: number }): void;
  event(event: RunEvent): void;
  endSample(label: string, summary: RunSummary | null): void;
  /** A line that must not be overwritten by the bar (warnings, notices). */
  note(line: string): void;
  finish(): void;
}

const BAR_WIDTH = 20;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const REDRAW_MS = 80;

/**
 * A one-line progress bar redrawn with `\r` when stderr is a terminal; plain lines (one per
 * finished sample) otherwise, so logs stay readable. Quiet: nothing at all.
 */
export function createProgress(io: CliIo, quiet: boolean): ProgressReporter {
  if (quiet) return { startSample() {}, event() {}, endSample() {}, note() {}, finish() {} };
  const tty = io.stderr.isTTY === true;
  let info = { scheme: '', label: '', position: 0, total: 0, operations: 0 };
  let opsDone = 0;
  let running = 0;
  let calls = 0;
  let tokens = 0;
  let cost = 0;
  let lastDraw = 0;
  let drawn = false;

  const clear = () => {
    if (tty && drawn) io.stderr.write(REDRAW_LINE);
    drawn = false;
  };
  const draw = (force = false) => {
    if (!tty) return;
    const now = Date.now();
    if (!force && now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    const fraction = info.total === 0 ? 0 : (info.position - 1 + (info.operations === 0 ? 0 : opsDone / info.operations)) / info.total;
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    const line = `${bar} ${info.position}/${info.total} ${info.scheme} ${info.label} · ops ${opsDone}/${info.operations} · calls ${calls}${running > 0 ? ` (${running} running)` : ''} · ${count(tokens)} tok · ${dollars(cost)}`;
    const width = io.stderr.columns ?? 120;
    io.stderr.write(REDRAW_LINE);
    io.stderr.write(line.length > width - 1 ? line.slice(0, width - 2) + '…' : line);
    drawn = true;
  };

  return {
    startSample(next) {
      info = next;
      opsDone = 0;
      running = 0;
      if (!tty && next.position === 1) io.stderr.write(`${next.scheme}: running ${next.total} sample${next.total === 1 ? '' : 's'}…\n`);
      draw(true);
    },
    event(e) {
      switch (e.type) {
        case 'operation.done':
          opsDone += 1;
          break;
        case 'call.start':
          running += 1;
          calls += 1;
          break;
        case 'call.done':
          running -= 1;
          tokens += e.promptTokens + e.completionTokens;
          cost += e.cost;
          break;
        case 'call.error':
          running -= 1;
          break;
        case 'log':
          if (e.level !== 'info') this.note(`${e.level}: ${e.message}`);
          return;
        default:
          return;
      }
      draw();
    },
    endSample(label, summary) {
      if (tty) {
        draw(true);
        return;
      }
      const s = summary;
      const text = s
        ? `${s.status}, score ${num(s.bestScore, 3)}, ${plural(s.requests, 'request')}, ${plural(s.completions, 'completion')}, ${duration(s.wallMs)}`
        : 'not run';
      io.stderr.write(`${info.scheme ? `${info.scheme} ` : ''}${label} [${info.position}/${info.total}]: ${text}\n`);
    },
    note(line) {
      clear();
      io.stderr.write(`${line}\n`);
      draw(true);
    },
    finish() {
      clear();
    },
  };
}
