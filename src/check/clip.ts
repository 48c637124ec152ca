// Keeps messages short whatever a document holds: a key or id of megabytes is quoted by its head.
import { render, t, type MessageLanguage } from '../i18n/messages.js';

/** Longest `quoted` text a message repeats from a document before it is cut. */
export const MAX_QUOTED = 80;
/** Longest message, whatever it quotes; only a message built from huge input comes near it. */
export const MAX_MESSAGE = 2000;

/** The head of `text`, at most `length` UTF-16 units, never splitting a surrogate pair. */
export function head(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/**
 * The message with every `quoted` span over MAX_QUOTED cut to its head and its length, so the
 * reader still recognises the key (`kkkk…` (4,900,000 characters)) and the output stays small. The
 * length is said in `language`, the language of the run.
 */
export function clipMessage(message: string, language: MessageLanguage): string {
  if (message.length <= MAX_QUOTED) return message;
  // Backticks pair from the left, as Markdown reads them: the odd parts are the quoted ones.
  const parts = message.split('`');
  let clipped = parts[0]!;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const quoted = i % 2 === 1 && i < parts.length - 1;
    if (quoted && part.length > MAX_QUOTED) {
      clipped += `\`${head(part, 60)}…\` ${render(language, t('lamd.clipped-length', { count: part.length }))}`;
      i++;
      clipped += parts[i]!;
    } else {
      clipped += `\`${part}`;
    }
  }
  return clipped.length <= MAX_MESSAGE ? clipped : `${head(clipped, MAX_MESSAGE)}…`;
}
