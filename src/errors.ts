// The few typed errors lamd raises; src/cli maps them to messages and exit codes in one place.
import { render, t, type Text } from './i18n/messages.js';

/**
 * An error whose message is one of lamd's catalogue messages: `message` is its English form (for
 * logs and tests), `text` what the CLI renders in the language of the run.
 */
export class MessageError extends Error {
  readonly text?: Text;
  constructor(message: string | Text) {
    super(typeof message === 'string' ? message : render('en', message));
    if (typeof message !== 'string') this.text = message;
  }
}

/** The user asked for something lamd cannot do as asked: a bad flag, a missing path. Exit 2. */
export class UsageError extends MessageError {
  override name = 'UsageError';
}

/** The workspace cannot be found or used as a whole (no lamd.yaml, unreadable folder). Exit 2. */
export class WorkspaceError extends MessageError {
  override name = 'WorkspaceError';
}

/** The user interrupted lamd (Ctrl-C). Exit 130. */
export class InterruptedError extends MessageError {
  override name = 'InterruptedError';
  constructor() {
    super(t('cli.interrupted'));
  }
}

/** The error codes of a write the person can fix; the catalogue's `write.refused` says each in words. */
const WRITE_REFUSALS: ReadonlySet<string> = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EEXIST', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENAMETOOLONG']);

/**
 * A write the file system refused, as a UsageError naming `where` and the reason: the person can
 * fix it (a missing folder, no permission), so it is never "a bug in lamd". Other errors pass
 * unchanged. `inside`: `where` is a folder written in; `nothingWritten` adds "Nothing was written."
 */
export function writeRefused(error: unknown, where: string, options: { inside?: boolean; nothingWritten?: boolean } = {}): unknown {
  if (error instanceof UsageError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  return WRITE_REFUSALS.has(code) ? new UsageError(t('write.refused', { where, code, inside: options.inside ? 'yes' : 'no', tail: options.nothingWritten ? 'nothing' : 'none' })) : error;
}
