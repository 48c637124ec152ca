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

/** Why the file system refused a write, in words for the person, by error code. */
const WRITE_REFUSALS: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'part of that path is a file, not a folder',
  EISDIR: 'a folder of that name is in the way',
  EEXIST: 'a file of that name is in the way',
  EACCES: 'permission denied (the folder is read-only for you)',
  EPERM: 'permission denied (the folder is read-only for you)',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'no space left on the device (disk quota)',
  ENAMETOOLONG: 'a file name is too long for this file system',
};

/**
 * A write the file system refused, as a UsageError naming `where` and the reason: the person can
 * fix it (a missing folder, no permission), so it is never "a bug in lamd". Other errors pass
 * unchanged. `tail` adds what the person should know, such as "Nothing was written."
 */
export function writeRefused(error: unknown, where: string, tail = ''): unknown {
  if (error instanceof UsageError) return error;
  const why = WRITE_REFUSALS[(error as NodeJS.ErrnoException | undefined)?.code ?? ''];
  return why ? new UsageError(`Cannot write ${where}: ${why}.${tail ? ` ${tail}` : ''}`) : error;
}
