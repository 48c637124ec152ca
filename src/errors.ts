// The few typed errors lamd raises; src/cli maps them to messages and exit codes in one place.

/** The user asked for something lamd cannot do as asked: a bad flag, a missing path. Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The workspace cannot be found or used as a whole (no lamd.yaml, unreadable folder). Exit 2. */
export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}

/** The user interrupted lamd (Ctrl-C). Exit 130. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor() {
    super('Interrupted; nothing was changed.');
  }
}
