// The Ctrl-C that comes once init or new has written its files: it must not claim nothing changed.
import { render, t, type MessageLanguage } from '../i18n/messages.js';
import type { CliIO } from './io.js';

/**
 * Writing is synchronous, so a Ctrl-C pressed meanwhile is handled only once every file is in place.
 * From then on it must not be reported as "nothing was changed": this listener, registered before
 * control returns to the event loop, runs ahead of the generic one and says what happened, in the
 * language of the run.
 */
export function afterWriting(io: CliIO, language: MessageLanguage = 'en'): void {
  io.onInterrupt(() => {
    io.stderr(`\nlamd: ${render(language, t('cli.interrupted-after-writing'))}\n`);
    process.exit(130);
  });
}
