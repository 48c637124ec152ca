// The `github` format: workflow-command annotations the Actions runner parses back to the same
// file, position and message, and the Markdown step summary.
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { annotation, escapeData, escapeProperty, formatGithub, githubStepSummary, STEP_SUMMARY_ROWS } from '../../src/format/github.js';
import { CLEAN, MANY, ODD, ODD_MESSAGE, ONE, ROADMAP, TOOL, context, diagnostic, manyContext, oneContext, range, zeroContext } from './helpers.js';
import { toolLine } from '../../src/format/describe-run.js';
import { GITHUB_ANNOTATION, unescapeMarkup } from '../helpers/outputs.js';

/** The versions line every output ends with. */
const VERSIONS = toolLine(TOOL);

/** What the runner does with a command line (actions/runner ActionCommand.TryParseV2), to check the round trip. */
function parse(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string, property: boolean) => {
    let out = s.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
    if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
    return out.replace(/%25/g, '%');
  };
  const properties = Object.fromEntries(
    match[2]!.split(',').map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), unescape(pair.slice(at + 1), true)];
    }),
  );
  return { command: match[1]!, properties, message: unescape(match[3]!, false) };
}

const lines = (output: string) => output.replace(/\n$/, '').split('\n');

describe('github annotations', () => {
  it('prints only the summary line when there is no problem', () => {
    expect(formatGithub([], zeroContext())).toBe(`lamd 1.2.3: ✔ 3 files checked, no problems\n${VERSIONS}\n`);
  });

  it('prints one annotation per problem, then one plain summary line', () => {
    expect(formatGithub(ONE, oneContext())).toBe(
      '::error file=municipalities/milan/roadmaps/governance.yaml,line=6,endLine=6,col=14,endColumn=16,title=lamd schema/type::' +
        '`sdg.goal` is 10, a number: write it in quotes, "10". (lamd explain schema/type)\n' +
        `lamd 1.2.3: ✖ 1 error in 1 of 2 files checked\n${VERSIONS}\n`,
    );
  });

  it('writes lines that all match the annotation syntax, except the last two, which no runner takes for commands', () => {
    const out = lines(formatGithub(MANY, manyContext()));
    expect(out).toHaveLength(MANY.length + 2);
    for (const line of out.slice(0, -2)) expect(line).toMatch(GITHUB_ANNOTATION);
    // The runner trims leading space before looking for `::`.
    for (const line of out.slice(-2)) expect(line.trimStart().startsWith('::')).toBe(false);
    expect(out.slice(-2)).toEqual(['lamd 1.2.3: ✖ 3 errors, 2 warnings and 1 info in 4 of 5 files checked', VERSIONS]);
  });

  it('maps severities to error, warning and notice, in the order the files were checked', () => {
    const out = lines(formatGithub(MANY, manyContext())).slice(0, -2).map(parse);
    expect(out.map((a) => [a.command, a.properties.file])).toEqual([
      ['error', 'activities/empty.yaml'],
      ['error', ROADMAP],
      ['warning', ROADMAP],
      ['error', ODD],
      ['notice', ODD],
      ['warning', 'municipalities/tirana/profile.yaml'],
    ]);
  });

  it('escapes so the runner reads back the exact file name and message, whatever they hold', () => {
    const odd = parse(lines(formatGithub(MANY, manyContext())).find((l) => l.includes('schema/required'))!);
    expect(odd.properties).toEqual({ file: ODD, line: '2', endLine: '2', col: '8', endColumn: '23', title: 'lamd schema/required' });
    expect(odd.message).toBe(`${ODD_MESSAGE} (lamd explain schema/required)`);
    const d = diagnostic('a,b:c%d\r\n.yaml', 'warning', 'x/y', '100%\r\n:,::error::fake');
    const line = annotation(d, context([d]));
    expect(line).toMatch(GITHUB_ANNOTATION);
    expect(line.split('\n')).toHaveLength(1);
    expect(parse(line).properties.file).toBe('a,b:c%d\r\n.yaml');
    expect(parse(line).message).toMatch(/^100%\r\n:,::error::fake \(/);
  });

  it('shows a document\'s control characters as pictures: the runner\'s log obeys ESC', () => {
    const d = diagnostic('odd\u001b[8m.yaml', 'warning', 'x/y', '`a\u0001b\u001b[31mRED\u007f` is not a field lamd knows');
    const line = annotation(d, context([d]));
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(parse(line).properties.file).toBe('odd\u241b[8m.yaml');
    expect(parse(line).message).toMatch(/^`a\u2401b\u241b\[31mRED\u2421` is not a field/);
  });

  it('links the rule page only when lamd names a homepage', () => {
    const linked = annotation(ONE[0]!, oneContext({ homepage: 'https://github.com/someone/lamd#readme' }));
    expect(parse(linked).message).toMatch(/\(https:\/\/github\.com\/someone\/lamd\/blob\/v1\.2\.3\/docs\/rules\/schema\/type\.md\)$/);
    expect(formatGithub(MANY, manyContext())).not.toMatch(/https?:/);
  });

  it('leaves out the position of a problem about the whole file', () => {
    const line = lines(formatGithub(MANY, manyContext()))[0]!;
    expect(parse(line).properties).toEqual({ file: 'activities/empty.yaml', title: 'lamd file/empty' });
  });

  it('escapes data and properties as the Actions toolkit does', () => {
    expect(escapeData('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad:e,f');
    expect(escapeProperty('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad%3Ae%2Cf');
  });
});

describe('github step summary', () => {
  it('says there is no problem, with the counts and the versions', () => {
    const md = githubStepSummary([], zeroContext());
    expect(md).toContain('### lamd validate: ✔ 3 files checked, no problems');
    expect(md).toContain('| 0 | 0 | 0 | 3 | 0 |');
    expect(md).not.toContain('| file |');
    expect(md).toContain('<sub>lamd 1.2.3 · document schema version 1 · SDG code list: SDG test list 2024 \\<\\&\\> "v1"</sub>');
  });

  it('lists one problem in a table, linking its rule only when lamd names a homepage', () => {
    expect(githubStepSummary(ONE, oneContext({ homepage: 'https://github.com/someone/lamd' }))).toContain(
      '| error | [schema/type](https://github.com/someone/lamd/blob/v1.2.3/docs/rules/schema/type.md) |',
    );
    expect(githubStepSummary(ONE, oneContext())).toMatchInlineSnapshot(`
      "### lamd validate: ✖ 1 error in 1 of 2 files checked

      | errors | warnings | infos | files checked | files with problems |
      |---:|---:|---:|---:|---:|
      | 1 | 0 | 0 | 2 | 1 |

      | file | line | severity | rule | message |
      |---|---:|---|---|---|
      | municipalities/milan/roadmaps/governance.yaml | 6 | error | schema/type | \\\`sdg.goal\\\` is 10, a number: write it in quotes, "10". |

      <sub>lamd 1.2.3 · document schema version 1 · SDG code list: SDG test list 2024 \\<\\&\\> "v1"</sub>

      "
    `);
  });

  it('lists errors first, and escapes what would break a table or add markup', () => {
    const md = githubStepSummary(MANY, manyContext());
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| file') && !l.startsWith('| errors') && !/^\| \d/.test(l));
    expect(rows).toHaveLength(MANY.length);
    expect(rows.map((r) => r.split(' | ')[2])).toEqual(['error', 'error', 'error', 'warning', 'warning', 'info']);
    const odd = rows.find((r) => r.includes('schema/required'))!;
    expect(odd).toBe(
      '| municipalities/الرباط/roadmaps/plan, 50%: "a\\|b" \\<\\&\\> 🚀.yaml | 2 | error | schema/required | Value 100% wrong, see: \\<b\\>"x" \\& y\\</b\\> \\| next<br>second line: مرحبا 👋 |',
    );
    // Every row has exactly the five cells of the header: no unescaped `|` inside a cell.
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    expect(md).toContain('| 3 | 2 | 1 | 5 | 4 |');
  });

  it('renders user text as the text it is: no markup, no live link, no literal entity', () => {
    const message = 'See https://evil.example/x, www.evil.example, mail ana@evil.example, [click](https://evil.example) ![i](x.png) <b>bold</b> **strong** `code <x>` ~~gone~~ $x$ :rocket: a|b & c &lt; d';
    const d = [diagnostic('municipalities/x/<i>a</i>.yaml', 'error', 'schema/type', message, range(1, 1))];
    const html = new Marked({ gfm: true }).parse(githubStepSummary(d, context(d))) as string;
    const row = html.split('<tr>').find((r) => r.includes('schema/type'))!;
    expect(row).toContain('<td>municipalities/x/&lt;i&gt;a&lt;/i&gt;.yaml</td>');
    const cellHtml = [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].at(-1)?.[1];
    // The only tags left are the spans that keep `@` from starting an e-mail link.
    expect(cellHtml!.replace(/<\/?span>/g, '')).not.toMatch(/<[a-z/]/i);
    const shown = unescapeMarkup(cellHtml!.replace(/<\/?span>/g, ''));
    expect(shown).toBe(message);
    expect(html).not.toMatch(/<a |<img|<b>|<strong>|<code>|<del>/);
  });

  it(`caps the table at ${STEP_SUMMARY_ROWS} rows and says how many more there are`, () => {
    const many = Array.from({ length: STEP_SUMMARY_ROWS + 25 }, (_, i) => diagnostic(CLEAN, i % 2 ? 'warning' : 'error', 'schema/type', `problem ${i}`, range(i + 1, 1)));
    const md = githubStepSummary(many, context(many));
    const rows = md.split('\n').filter((l) => l.startsWith(`| ${CLEAN} |`));
    expect(rows).toHaveLength(STEP_SUMMARY_ROWS);
    // Errors come first, so the cap drops warnings before errors.
    expect(rows.filter((r) => r.includes('| error |'))).toHaveLength(113);
    expect(md).toContain('…and 25 more problems not listed here: the job log has every annotation.');
  });

  it('speaks the run\'s language: headings, severities, the cap and the versions line in French, rule ids as they are', () => {
    const many = Array.from({ length: STEP_SUMMARY_ROWS + 1 }, (_, i) => diagnostic(CLEAN, 'error', 'schema/type', `problème ${i}`, range(i + 1, 1)));
    const md = githubStepSummary(many, context(many, { language: 'fr' }));
    expect(md).toContain('| erreurs | avertissements | informations | fichiers vérifiés | fichiers avec des problèmes |');
    expect(md).toContain('| fichier | ligne | gravité | règle | message |');
    expect(md).toContain(`| ${CLEAN} | 1 | erreur | schema/type | problème 0 |`);
    expect(md).toContain('…et 1 autre problème non listé ici : le journal du job contient toutes les annotations.');
    expect(md).toContain('<sub>lamd 1.2.3 · ');
    expect(md).not.toContain('document schema version');
    const log = formatGithub(many, context(many, { language: 'fr' }));
    expect(lines(log).at(-1)).toBe(toolLine(TOOL, 'fr'));
    expect(lines(log).at(-1)).toContain('version 1 du schéma des documents');
  });

  it('says warnings fail the run under --strict', () => {
    const d = [diagnostic(CLEAN, 'warning', 'references/practice', 'w')];
    expect(githubStepSummary(d, context(d, { strict: true }))).toContain('### lamd validate: ✖ 1 warning in 1 file checked; warnings fail the run (--strict)');
  });
});
