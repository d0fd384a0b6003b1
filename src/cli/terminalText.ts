import type { CliIo } from './io';

// Escape sequences, 7- and 8-bit: CSI (`ESC [ … final`), OSC/DCS/SOS/PM/APC strings (to BEL or ST), and two-character escapes.
// eslint-disable-next-line no-control-regex
const ESCAPES = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x7e]?/g;
// C0 controls but \t and \n, DEL, C1 (8-bit CSI/OSC included), and bidi overrides that reorder what is shown.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a graph, a dataset or a model as it may reach a terminal: escape sequences and
 * control characters removed (only newlines and tabs stay), so a title cannot recolour, retitle
 * or rewrite the user's terminal.
 */
export function terminalText(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

/** The progress bar's own redraw (return, clear line): the one control sequence the CLI writes itself, always as a chunk of its own. */
export const REDRAW_LINE = '\r\x1b[2K';

/** The CLI's output with every chunk passed through terminalText, except the progress bar's redraw. */
export function terminalSafeIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: { write: (chunk: string) => io.stdout.write(terminalText(chunk)) },
    stderr: {
      write: (chunk: string) => io.stderr.write(chunk === REDRAW_LINE ? chunk : terminalText(chunk)),
      isTTY: io.stderr.isTTY,
      columns: io.stderr.columns,
    },
  };
}
