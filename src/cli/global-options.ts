// The options every lamd command is given besides its own: set on `lamd` itself, before the command.
import type { MessageLanguage } from '../i18n/messages.js';
export interface GlobalOptions {
  /** -C, --workspace: the workspace folder, when not the nearest one holding lamd.yaml. */
  workspace?: string;
  /** false with --no-color; otherwise undefined, and NO_COLOR, FORCE_COLOR and the stream decide. */
  color?: boolean;
  /** The language of lamd's messages in this run, chosen once by the entry (src/cli/locale.ts). */
  language?: MessageLanguage;
}
