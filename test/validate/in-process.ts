// Runs `lamd validate` in-process through its CliIO seam: exit code and output, no child process.
import { run } from '../../src/cli/commands/validate.js';
import type { CliIO } from '../../src/cli/io.js';
import { UsageError, WorkspaceError } from '../../src/errors.js';
import { captureIO } from '../helpers/lamd.js';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `lamd validate [paths] [--format f]` in `cwd`, mapped to exit codes as src/cli/main.ts does for the
 * errors a user can cause; anything else is thrown, so a test sees an internal failure as one.
 */
export async function validate(cwd: string, args: string[], stdin: string | Uint8Array = ''): Promise<InProcessResult> {
  const captured = captureIO(cwd, { NO_COLOR: '1' });
  const io: CliIO = { ...captured, readStdin: () => Promise.resolve(typeof stdin === 'string' ? Buffer.from(stdin) : stdin) };
  const rest = [...args];
  const formatAt = rest.indexOf('--format');
  const format = formatAt === -1 ? undefined : (rest.splice(formatAt, 2)[1] as 'json');
  const workspaceAt = rest.indexOf('-C');
  const workspace = workspaceAt === -1 ? undefined : rest.splice(workspaceAt, 2)[1];
  try {
    const code = await run(io, workspace === undefined ? {} : { workspace }, rest, format ? { format, today: '2024-06-01' } : { today: '2024-06-01' });
    return { code, stdout: captured.out, stderr: captured.err };
  } catch (error) {
    if (error instanceof UsageError || error instanceof WorkspaceError) return { code: 2, stdout: captured.out, stderr: `${captured.err}lamd: ${error.message}\n` };
    throw error;
  }
}
