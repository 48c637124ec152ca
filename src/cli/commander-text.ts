// Commander's own words (help headings, "choices:", parse errors) in the language of the run: commander
// writes them in English only, so lamd gives it translated headings and translates its error lines.
import { Help, type HelpConfiguration, type Option } from 'commander';
import { render, t, type MessageLanguage } from '../i18n/messages.js';

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'commander.title.usage',
  'Arguments:': 'commander.title.arguments',
  'Options:': 'commander.title.options',
  'Global Options:': 'commander.title.global-options',
  'Commands:': 'commander.title.commands',
};

/** Help settings that put commander's headings and its "(choices: …)" note into `language`. */
export function helpConfiguration(language: MessageLanguage): HelpConfiguration {
  if (language === 'en') return {};
  return {
    styleTitle: (title: string) => {
      const id = TITLES[title];
      return id ? render(language, t(id)) : title;
    },
    // As commander's own, with its note in the language (lamd's options write their defaults in their descriptions).
    optionDescription(this: Help, option: Option): string {
      if (!option.argChoices) return option.description;
      const note = render(language, t('commander.choices', { choices: option.argChoices.map((choice) => JSON.stringify(choice)).join(', ') }));
      return option.description ? `${option.description} (${note})` : `(${note})`;
    },
    // Commander wraps at any \s, which takes in the no-break spaces French sets before ":" and ";": a
    // line would then start with the colon. They are kept out of its reach while it wraps.
    boxWrap(this: Help, text: string, width: number): string {
      const guarded = text.replace(/\u00a0/g, '\ue000').replace(/\u202f/g, '\ue001');
      return Help.prototype.boxWrap.call(this, guarded, width).replace(/\ue000/g, '\u00a0').replace(/\ue001/g, '\u202f');
    },
  };
}

/** Each form of commander's error line, with the message lamd says it with and the values it names. */
const ERRORS: readonly { pattern: RegExp; id: string; values: (m: RegExpExecArray) => Record<string, string | number> }[] = [
  { pattern: /^error: unknown option '(.*)'$/, id: 'commander.unknown-option', values: (m) => ({ flag: m[1]! }) },
  { pattern: /^error: unknown command '(.*)'$/, id: 'commander.unknown-command', values: (m) => ({ name: m[1]! }) },
  { pattern: /^error: missing required argument '(.*)'$/, id: 'commander.missing-argument', values: (m) => ({ name: m[1]! }) },
  { pattern: /^error: option '(.*)' argument missing$/, id: 'commander.option-argument-missing', values: (m) => ({ flags: m[1]! }) },
  {
    pattern: /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    id: 'commander.invalid-option-value',
    values: (m) => ({ flags: m[1]!, value: m[2]!, choices: m[3]! }),
  },
  {
    pattern: /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/,
    id: 'commander.invalid-argument-value',
    values: (m) => ({ value: m[1]!, name: m[2]!, choices: m[3]! }),
  },
  {
    pattern: /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    id: 'commander.too-many-arguments',
    values: (m) => ({ command: m[1] ?? 'none', expected: Number(m[2]), received: Number(m[3]) }),
  },
  { pattern: /^\(Did you mean (?:one of )?(.*)\?\)$/, id: 'commander.did-you-mean', values: (m) => ({ suggestions: m[1]! }) },
];

/**
 * Commander's error output in `language`, line by line; a line lamd does not know (a newer commander's)
 * stays as commander wrote it rather than being lost.
 */
export function commanderError(text: string, language: MessageLanguage): string {
  if (language === 'en') return text;
  return text
    .split('\n')
    .map((line) => {
      for (const { pattern, id, values } of ERRORS) {
        const m = pattern.exec(line);
        if (m) return render(language, t(id, values(m)));
      }
      return line;
    })
    .join('\n');
}
