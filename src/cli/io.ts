// The terminal, as the commands see it: injected, so tests can drive commands in-process.
import type { Asker } from '../scaffold/questions.js';

export interface CliIO {
  stdout: (text: string) => void;
  /** Bytes to standard output as they are (UTF-8 text kept by a cache), when the terminal takes them; else they go through `stdout` as text. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** The terminal's width in columns, when the stream is a terminal that says (`process.stdout.columns`). */
  stdoutColumns?: number;
  stderrColumns?: number;
  /** All of standard input, for `lamd validate -`. */
  readStdin: () => Promise<Uint8Array>;
  /** The questions of init and new, scripted by a test; otherwise @inquirer/prompts on the terminal. */
  asker?: Asker;
  /**
   * Takes what a Ctrl-C must do from now on, ahead of lamd's generic handler (init and new, once they
   * have written their files). The process's IO listens for SIGINT; an in-process run's (a test's)
   * keeps the handler or drops it, and the process it runs in is left alone. Required, so that no IO
   * made for a test reaches the process by default.
   */
  onInterrupt: (handler: () => void) => void;
}

/** Runs `handler` on the process's next SIGINT, before the listeners already there. */
function interruptProcess(handler: () => void): void {
  process.prependOnceListener('SIGINT', handler);
}

export function processIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stdoutBytes: (bytes) => void process.stdout.write(bytes),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    onInterrupt: interruptProcess,
    ...(process.stdout.isTTY && process.stdout.columns > 0 && { stdoutColumns: process.stdout.columns }),
    ...(process.stderr.isTTY && process.stderr.columns > 0 && { stderrColumns: process.stderr.columns }),
    readStdin: readAll,
  };
}

/**
 * Reads standard input to its end as a stream: readFileSync(0) fails with EAGAIN on a pipe whose
 * writer has not written yet (`slow-command | lamd validate -`).
 */
async function readAll(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * Whether to colour a stream. chalk does not honour NO_COLOR by itself (chalk#547), so lamd decides:
 * --no-color, then NO_COLOR (any non-empty value), then FORCE_COLOR, then whether the stream is a terminal.
 */
export function useColor(io: CliIO, stream: 'stdout' | 'stderr', flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
}

/**
 * The width to wrap a stream's text to, or undefined for no wrapping. Only a terminal wraps: a CI log,
 * a file or a pipe keeps one finding per line, whole, for grep and for log viewers that wrap by
 * themselves (as ESLint's stylish and ruff do). At a terminal, COLUMNS wins when it is a positive
 * number (a user's explicit choice, as in Python's shutil), then the terminal's own width, then 80.
 */
export function terminalWidth(io: CliIO, stream: 'stdout' | 'stderr'): number | undefined {
  if (!(stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY)) return undefined;
  const fromEnv = /^\d+$/.test(io.env.COLUMNS ?? '') ? Number(io.env.COLUMNS) : 0;
  if (fromEnv > 0) return fromEnv;
  const columns = stream === 'stdout' ? io.stdoutColumns : io.stderrColumns;
  return columns !== undefined && columns > 0 ? columns : 80;
}

/**
 * A reader that stops early (`lamd rules 2>&1 | head`) closes the pipe under lamd, and the next write
 * fails with EPIPE, on stdout or on stderr. That is the reader's choice, not a failure: the rest of
 * the output is dropped and the command ends with its own exit code, instead of dying of an
 * unhandled 'error' event (exit 1, which a CI log reads as "documents have problems").
 */
export function dropOutputToClosedPipes(streams: readonly NodeJS.WritableStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      throw error;
    });
  }
}
