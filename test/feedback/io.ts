// A CliIO that records what a command prints, for driving lamd's commands in-process.
import type { CliIO } from '../../src/cli/io.js';
import { UsageError, WorkspaceError } from '../../src/errors.js';

export interface Recorded {
  io: CliIO;
  out: () => string;
  err: () => string;
}

export function recordIO(cwd: string, options: { columns?: number; stdin?: string } = {}): Recorded {
  let stdout = '';
  let stderr = '';
  const io: CliIO & { columns?: number } = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    env: { NO_COLOR: '1', CI: 'true' },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    readStdin: () => Promise.resolve(Buffer.from(options.stdin ?? '')),
    // Ctrl-C handlers are for lamd's own process, not the test runner's.
    onInterrupt: () => {},
    ...(options.columns !== undefined ? { columns: options.columns } : {}),
  };
  return { io, out: () => stdout, err: () => stderr };
}

/** Runs a command's `run`, mapping user errors to exit 2 as src/cli/main.ts does. */
export async function exitCode(work: () => Promise<number>, rec: Recorded): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UsageError || error instanceof WorkspaceError) {
      rec.io.stderr(`lamd: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
