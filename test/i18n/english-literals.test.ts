// No English sentence reaches the person from a literal in src/: what lamd says goes through the
// catalogues (messages/<lang>.json, rendered in the language of the run). The few literals that may
// stay English are listed below, each with its reason; a new one fails this test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/lamd.js';

/**
 * Where lamd hands text to the person: errors it throws, lines it prints, questions it asks (and the
 * reason a required answer is missing), notes, reasons and texts it collects for the CLI or a format to
 * print, comments it writes into a document, the default a `??` puts in place of a missing value, and
 * a piece `+=` adds to a message being built. Inside the arguments of a call that prints or throws,
 * every literal counts, a ternary's arms included. Text assembled in a variable first escapes this
 * net; review catches those.
 */
const SINKS = String.raw`\.require\(\s*(?:'[^'\n]*'|[\w.]+)\s*,\s*|(?:new\s+\w*Error|\.std(?:out|err)|\.write|\.require|\.note|\.tell|notes\.push)\(\s*|\b(?:message|reason|why|text):\s*|\bcomment(?:Before)?\s*=\s*|\?\?\s*|\+=\s*`;
/** A string or template literal (a template's inner templates end the match early: what it held so far is checked). */
const LITERAL = String.raw`(\x60(?:[^\x60\\]|\\.)*\x60|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")`;
const SAID = new RegExp(`(?:${SINKS})` + LITERAL, 'g');
/** A call that hands its arguments to the person: every literal anywhere in them counts (a ternary's arms, a `??` default). */
const CALL = /(?:new\s+\w*Error|\.std(?:out|err)|\.write|\.require|\.note|\.tell|notes\.push)\(/g;

/**
 * The literals inside the argument list that opens at `open` (just after its `(`), at any depth, up to
 * the parenthesis that closes it; each with its offset. Strings and templates are skipped as units, so
 * a parenthesis inside one does not count; a template's `${…}` is part of the template.
 */
function literalsInArguments(source: string, open: number): Array<{ text: string; index: number }> {
  const found: Array<{ text: string; index: number }> = [];
  let depth = 1;
  for (let i = open; i < source.length && depth > 0; i++) {
    const c = source[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === "'" || c === '"' || c === '\x60') {
      const match = new RegExp(LITERAL, 'y');
      match.lastIndex = i;
      const literal = match.exec(source)?.[1];
      if (literal === undefined) break;
      found.push({ text: literal, index: i });
      i += literal.length - 1;
    } else if (c === '/' && source[i + 1] === '/') i = source.indexOf('\n', i) - 1;
  }
  return found;
}

/** Every literal `source` hands to the person, by offset. */
function literalsSaid(source: string): Map<number, string> {
  const literals = new Map<number, string>();
  for (const match of source.matchAll(SAID)) literals.set(match.index + match[0].length - match[1]!.length, match[1]!);
  for (const call of source.matchAll(CALL)) for (const { text, index } of literalsInArguments(source, call.index + call[0].length)) literals.set(index, text);
  return literals;
}

/** The words of a literal once its interpolations, escapes and code spans are taken out. */
function words(literal: string): string {
  return literal
    .slice(1, -1)
    .replace(/\$\{[^}]*\}?/g, ' ')
    .replace(/\\[nt]/g, ' ')
    .replace(/\\?\x60[^\x60]*\\?\x60/g, ' ');
}

/** Two words in a row: a phrase, not a prefix like `lamd: ` or a lone flag. */
const PHRASE = /\b[A-Za-z][a-z]+[,;:]?\s+[a-z]{2,}\b/;
/** A word written after a value put in (`${count} characters`): words assembled around a value, not a catalogue message. */
const COUNTED = /\$\{[^}]*\}\s+[a-z]{3,}\b/;

/** Whether a literal says something in English: a phrase, or a word next to a value it puts in. */
const english = (literal: string) => PHRASE.test(words(literal)) || COUNTED.test(literal);

/** Literals that may stay English, by file and the start of their words, with the reason. */
const ALLOWED: ReadonlyArray<{ file: string; starts: string; reason: string }> = [
  { file: 'src/cli/main.ts', starts: 'lamd: a command ran outside main()', reason: 'a bug in lamd, for its maintainers' },
  { file: 'src/report/bind.ts', starts: 'bindReports needs at least one report', reason: 'a bug in lamd, for its maintainers' },
  { file: 'src/report/i18n.ts', starts: "lamd's English report catalogue is missing", reason: 'a broken installation, reported as an unexpected failure for the maintainers' },
  { file: 'src/report/i18n.ts', starts: 'The report catalogue has no message', reason: 'a bug in lamd (a template asks for a key the English catalogue lacks)' },
  { file: 'src/report/i18n.ts', starts: 'The message ', reason: 'a bug in lamd (a message is not given its date)' },
  { file: 'src/report/model.ts', starts: 'A report needs the workspace file lamd.yaml', reason: 'a bug in lamd: the CLI refuses a workspace without lamd.yaml before building a report' },
  { file: 'src/export/xlsx.ts', starts: 'exceljs no longer has definedNames.model', reason: 'a dependency changed under lamd: for its maintainers' },
  { file: 'src/workspace/load.ts', starts: 'lamd was asked to read standard input', reason: 'a bug in lamd, for its maintainers' },
  { file: 'src/reference/sdg.ts', starts: 'lamd has no SDG titles in', reason: 'a bug in lamd: the CLI checks --lang before it asks for titles' },
  { file: 'src/reference/sdg.ts', starts: "lamd's SDG data file ", reason: 'a broken installation, reported as an unexpected failure for the maintainers' },
  { file: 'src/package-root.ts', starts: 'lamd cannot find its own installation folder', reason: 'a broken installation, before any catalogue can be read' },
  { file: 'src/scaffold/vocabulary.ts', starts: "lamd's common.schema.json has no list", reason: 'a broken installation, for its maintainers' },
  { file: 'src/scaffold/render.ts', starts: "lamd's template ", reason: 'a bug in lamd (its own template), for its maintainers' },
  { file: 'src/scaffold/yaml-edit.ts', starts: 'lamd entry template must hold one list item', reason: 'a bug in lamd, for its maintainers' },
  { file: 'src/scaffold/yaml-edit.ts', starts: 'lamd could not add the entry to ', reason: 'a bug in lamd, for its maintainers' },
  { file: 'src/scaffold/apply.ts', starts: 'lamd planned ', reason: 'a bug in lamd, for its maintainers' },
  { file: 'src/cli/commands/explain.ts', starts: 'the page of rule ', reason: 'a broken installation (a docs page missing), reported as an unexpected failure' },
  { file: 'src/check/parallel.ts', starts: 'a worker exited with code', reason: 'a crash of lamd\'s own worker thread, reported as an unexpected failure' },
  { file: 'src/format/index.ts', starts: 'Unknown output format:', reason: 'a bug in lamd: commander checks --format against the same list first' },
  { file: 'src/report/template-files.ts', starts: 'is not a report template name lamd reads', reason: 'a bug in lamd: every name comes from lamd itself, partial names are checked before' },
  { file: 'src/check/method/workspace-examples-remaining.ts', starts: 'lamd new', reason: 'a command, the same in every language' },
  { file: 'src/format/describe-run.ts', starts: 'lamd explain', reason: 'a command, the same in every language' },
  { file: 'src/report/i18n.ts', starts: '{count, plural, one', reason: 'ICU syntax shown as an example of a message, the same in every language' },
  { file: 'src/workspace/source.ts', starts: 'the YAML is not well-formed', reason: 'stands in for the YAML reader\'s own reason when it gives none; yaml/syntax.parser quotes that reason as English in every language' },
  { file: 'src/workspace/yaml-slow.ts', starts: 'unknown tag', reason: 'the YAML reader\'s own words, which yaml/syntax.tag quotes as English in every language' },
];

describe('user-facing text comes from the catalogues', () => {
  it('no English phrase is written as a literal where lamd throws, prints, asks or notes', async () => {
    const { globSync } = await import('tinyglobby');
    const files = globSync(['src/**/*.ts'], { cwd: REPO, ignore: ['**/generated/**'] }).sort();
    const found: string[] = [];
    const used = new Set<string>();
    for (const file of files) {
      const source = readFileSync(join(REPO, file), 'utf8');
      for (const [index, literal] of literalsSaid(source)) {
        const text = words(literal).trim();
        if (!english(literal)) continue;
        const allowed = ALLOWED.find((a) => a.file === file && text.startsWith(a.starts));
        if (allowed) {
          used.add(`${allowed.file} ${allowed.starts}`);
          continue;
        }
        const line = source.slice(0, index).split('\n').length;
        found.push(`${file}:${line}: ${text.slice(0, 80)}`);
      }
    }
    expect(found, 'put these in messages/en.json (and fr, it) and pass t(id, values)').toEqual([]);
    // An allowance nothing needs any more goes, so the list stays the list of what is English on purpose.
    expect(ALLOWED.map((a) => `${a.file} ${a.starts}`).filter((key) => !used.has(key))).toEqual([]);
  });

  it('finds an English phrase in each place lamd hands text to the person', () => {
    const says = (sample: string) => [...literalsSaid(sample).values()].some(english);
    const samples = [
      "throw new UsageError(`${flag} is empty; give a value.`)",
      "io.stderr('lamd: wrote the report\\n')",
      "q.require('--slug', 'The name cannot be used')",
      "message: 'Name of the municipality'",
      // A ternary's arm inside the arguments (review-code s28 item 1), a `??` default and a comment written into a document (item 3).
      "throw new UsageError(\n  oneSheet\n    ? `${name} looks like the sheet ${oneSheet} saved on its own`\n    : `${name} has no column`,\n);",
      "const by = unit ?? 'not recorded';",
      "doc.commentBefore = ` Progress of road map ${id} for ${period}`;",
      // A word put next to a value, added to a message being built (item 4).
      "clipped += `\\`${head(part, 60)}…\\` (${part.length.toLocaleString('en')} characters)`;",
    ];
    for (const sample of samples) expect(says(sample), sample).toBe(true);
    for (const sample of ["io.stderr(`lamd: ${say(t('x'))}\\n`)", "io.stdout(`${display(f.path)}\\n`)", "throw new UsageError(t('answer.empty', { flag }))", "throw new UsageError(ok ? t('a.b') : t('a.c', { x: (y) => y }))"]) {
      expect(says(sample), sample).toBe(false);
    }
  });
});
