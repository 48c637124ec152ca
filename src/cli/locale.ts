// Which language lamd speaks on the command line: --lang when a command has it, else the locale
// variables as gettext reads them, else English.
import { MESSAGE_LANGUAGES, isMessageLanguage, type MessageLanguage } from '../i18n/messages.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/messages.js';

/**
 * The language of the environment, as gettext chooses a catalogue: LC_ALL, then LC_MESSAGES, then
 * LANG (the first one set and not empty). A C or POSIX locale means no translation. When the locale
 * is not C, LANGUAGE (a colon-separated list of preferences, a GNU extension) is tried first. A
 * language lamd has no catalogue for falls back to English, with no error: a machine's locale is not
 * a mistake of the person running lamd.
 */
export function languageFromEnv(env: NodeJS.ProcessEnv): MessageLanguage {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (locale === undefined || isCLocale(locale)) return 'en';
  const preferences = [...(env.LANGUAGE ?? '').split(':').filter(Boolean), locale];
  for (const preference of preferences) {
    const code = languageOfLocale(preference);
    if (code && isMessageLanguage(code)) return code;
  }
  return 'en';
}

function isCLocale(locale: string): boolean {
  return locale === 'C' || locale === 'POSIX' || /^C\./.test(locale);
}

/** `fr_FR.UTF-8@euro` → `fr`; `pt-BR` → `pt`. */
function languageOfLocale(locale: string): string | undefined {
  const match = /^([A-Za-z]{2,3})(?=$|[_.@-])/.exec(locale);
  return match ? match[1]!.toLowerCase() : undefined;
}

/**
 * The language of lamd's messages for a run: `--lang` when the command has it and a catalogue exists
 * for it; otherwise the environment's. `flag` names the option for the error, when a language lamd
 * cannot speak is asked for explicitly (exit 2, naming the languages it speaks).
 */
export function messageLanguage(env: NodeJS.ProcessEnv, lang?: string, flag = '--lang'): MessageLanguage {
  if (lang === undefined) return languageFromEnv(env);
  const code = lang.trim().toLowerCase();
  if (isMessageLanguage(code)) return code;
  throw new UsageError(t('cli.lang-unknown', { flag, given: lang, supported: MESSAGE_LANGUAGES.join(', ') }));
}

/**
 * For commands whose --lang chooses the language of what they produce (reports, workbooks, SDG
 * titles), in a set wider than lamd's messages: lamd speaks that language when it can, else the
 * environment's.
 */
export function messageLanguageNear(env: NodeJS.ProcessEnv, contentLanguage: string | undefined): MessageLanguage {
  const code = contentLanguage?.trim().toLowerCase();
  return code && isMessageLanguage(code) ? code : languageFromEnv(env);
}
