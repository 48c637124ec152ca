// Fills lamd's template files (templates/) with a person's answers. Templates are Mustache files;
// every value is escaped for the file it lands in, so a name holding `: # ' "` or Arabic script
// comes out as one well-formed YAML scalar, Markdown text or JSON string, never as markup.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import Mustache from 'mustache';
import YAML from 'yaml';
import { packageFile } from '../package-root.js';

export type View = Record<string, unknown>;

/** Where lamd's templates live (shipped with the package). */
export function templatesDir(): string {
  return packageFile('templates');
}

/**
 * The text of the template `name` (a path under templates/), in `lang` when lamd has that template
 * translated (templates/locales/<lang>/<name>), else the English one.
 */
export function readTemplate(name: string, lang = 'en'): string {
  if (lang !== 'en') {
    try {
      return readFileSync(packageFile('templates', 'locales', lang, ...name.split('/')), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return readFileSync(packageFile('templates', ...name.split('/')), 'utf8');
}

// A year alone (`2030`) is a number in YAML, so only month and day dates may stay plain.
const DATE = /^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$/;

/**
 * A value as YAML text that fits on the rest of a line: a scalar, or a flow collection for lists
 * and mappings. Strings are quoted wherever a YAML 1.1 reader would take them for something else
 * (`NO`, `yes`, `1:20`), so older tools read the files as lamd does; dates stay plain, since
 * lamd reads them as text either way.
 */
export function yamlValue(value: unknown): string {
  if (typeof value === 'string' && DATE.test(value)) return value;
  const options = { version: '1.1', lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: false } as const;
  const plain = YAML.stringify(value, options).replace(/\n$/, '');
  // A plain form that either YAML version would read differently (`0o17` is a number in 1.2 only),
  // or a block scalar that does not fit on the line, gives way to double quotes, which never mislead.
  if (!plain.includes('\n') && readsAs(plain, value)) return plain;
  return YAML.stringify(value, { ...options, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).replace(/\n$/, '');
}

function readsAs(text: string, value: unknown): boolean {
  const same = (version: '1.1' | '1.2') => {
    try {
      return isDeepStrictEqual((YAML.parse(`v: ${text}\n`, { version }) as { v: unknown }).v, value);
    } catch {
      return false;
    }
  };
  return same('1.2') && same('1.1');
}

/** Text that Markdown shows as typed: no emphasis, links, headings, tables or HTML. */
export function markdownText(value: unknown): string {
  return String(value)
    .replace(/[\\`*_{}[\]()#+!|~>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ');
}

function escaperFor(name: string): (value: unknown) => string {
  if (/\.ya?ml$/i.test(name)) return yamlValue;
  if (/\.md$/i.test(name)) return markdownText;
  if (/\.json$/i.test(name)) return (value) => JSON.stringify(value);
  // A script's values go inside its double-quoted strings, whose escapes are JSON's.
  if (/\.mjs$/i.test(name)) return (value) => JSON.stringify(String(value)).slice(1, -1);
  // Other files (.gitignore) take no values; refuse rather than guess an escaping.
  return () => {
    throw new Error(`lamd's template ${name} has a placeholder, but lamd does not know how to escape values for that kind of file.`);
  };
}

/**
 * Renders the template `name` (a path under templates/). Partials are other templates, named by
 * their path (`{{> municipality/entry.yaml}}`), rendered with the same escaping. Triple braces,
 * which would bypass the escaping, are refused.
 */
export function renderTemplate(name: string, view: View, lang = 'en'): string {
  const escape = escaperFor(name);
  const load = (partial: string): string => checked(partial, readTemplate(partial, lang));
  return Mustache.render(checked(name, readTemplate(name, lang)), view, load, { escape });
}

/** Renders template text given directly, as renderTemplate renders a file: for the tests of the escaping rules. */
export function renderText(name: string, text: string, view: View): string {
  return Mustache.render(checked(name, text), view, (partial) => checked(partial, readTemplate(partial)), { escape: escaperFor(name) });
}

function checked(name: string, text: string): string {
  if (/\{\{\{|\{\{&/.test(text)) throw new Error(`lamd's template ${name} uses an unescaped placeholder ({{{…}}} or {{&…}}); values must always be escaped.`);
  return text;
}
