// Text as a terminal shows it: its width in cells (string-width, which knows East Asian wide
// characters, emoji and zero-width marks), and the control and bidirectional characters a file may
// hold made visible, so a file can neither drive the terminal nor reorder what it shows.
import stringWidth from 'string-width';

/** Columns a terminal gives a text (ambiguous-width characters count as one, as most terminals show them). */
export function displayWidth(text: string): number {
  // Printable ASCII is one column a character: most of what lamd lays out, and string-width segments
  // graphemes and tests emoji for every character (it was the pretty format's costliest step).
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Bidirectional controls reorder what a terminal shows ("Trojan Source"); lamd names them instead. */
const BIDI_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

/**
 * What a terminal is given instead of a control character, or undefined for a character shown as it
 * is: C0 controls become their pictures (␀ … ␟, ␛ for ESC), DEL ␡, C1 controls and lone surrogates
 * U+FFFD, bidi controls their name (<U+202E>). Tab and line feed are the caller's to lay out.
 */
export function visibleControl(cp: number): string | undefined {
  if (cp < 0x20) return String.fromCharCode(0x2400 + cp);
  if (cp === 0x7f) return '\u2421';
  if ((cp >= 0x80 && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  if (BIDI_CONTROLS.has(cp)) return `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`;
  return undefined;
}

const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a log that encodes line breaks itself (GitHub's workflow commands): every control but tab,
 * line feed and carriage return made visible, so a document cannot colour, move or hide the log's text.
 */
export function withoutTerminalControls(text: string): string {
  return text.replace(CONTROLS_BUT_LINES, (ch) => visibleControl(ch.charCodeAt(0))!);
}

/**
 * Text from a document (messages quote values, file names come from the disk) shown safely, every
 * control made visible by visibleControl. Line breaks stay, as `\n`, for the caller to indent; a tab
 * becomes a space.
 */
export function printable(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, (ch) => visibleControl(ch.charCodeAt(0))!);
}
