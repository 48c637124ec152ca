// The Ctrl-C that comes once init or new has written its files: it must not claim nothing changed.
import type { CliIO } from './io.js';

/**
 * Writing is synchronous, so a Ctrl-C pressed meanwhile is handled only once every file is in place.
 * From then on it must not be reported as "nothing was changed": this listener, registered before
 * control returns to the event loop, runs ahead of the generic one and says what happened.
 */
export function afterWriting(io: CliIO): void {
  process.prependOnceListener('SIGINT', () => {
    io.stderr('\nlamd: interrupted, but only after every file was written; nothing is half-written.\n');
    process.exit(130);
  });
}
