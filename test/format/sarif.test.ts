// The `sarif` format: valid SARIF 2.1.0 (checked against the official OASIS schema), with URIs a
// code-scanning service resolves to the files lamd checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/lamd.js';
import { directoryUri, fileUri, formatSarif, friendlyName } from '../../src/format/sarif.js';
import { sarif, validateSarif } from '../helpers/outputs.js';
import { CLEAN, EMPTY, FILES, MANY, ODD, ODD_MESSAGE, ONE, ROADMAP, context, diagnostic, manyContext, oneContext, range, zeroContext } from './helpers.js';

const SRCROOT = 'file:///home/focal%20point/lamd%20ws/';

describe('sarif', () => {
  it('is a valid log with one run and no result when there is no problem', () => {
    const log = sarif(formatSarif([], zeroContext()));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.results).toEqual([]);
    // No homepage in lamd's package.json: no address at all, rather than one nobody controls.
    expect(run.tool.driver).toEqual({ name: 'lamd', version: '1.2.3', semanticVersion: '1.2.3', rules: [] });
    // Every file checked is an artifact, even without problems.
    expect(run.artifacts.map((a: any) => a.location.uri)).toHaveLength(3);
  });

  it('is checked by a schema that does reject a wrong log', () => {
    const log = sarif(formatSarif(ONE, oneContext()));
    expect(validateSarif({ ...log, version: '2.0.0' })).toBe(false);
    const [run] = log.runs;
    const info = { ...run, results: [{ ...run.results[0], level: 'info' }] };
    expect(validateSarif({ ...log, runs: [info] })).toBe(false);
    const badUri = { ...run, originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///a b/' } } };
    expect(validateSarif({ ...log, runs: [badUri] })).toBe(false);
  });

  it('records lamd, schema and SDG code list versions in the run properties', () => {
    const run = sarif(formatSarif(MANY, manyContext({ strict: true }))).runs[0];
    expect(run.properties).toEqual({
      lamdVersion: '1.2.3',
      schemaVersion: 1,
      sdgCodeList: 'SDG test list 2024 <&> "v1"',
      strict: true,
      summary: { ok: false, files: 5, errors: 3, warnings: 2, infos: 1 },
    });
  });

  it('writes one problem with its rule, level, message and region', () => {
    const run = sarif(formatSarif(ONE, oneContext())).runs[0];
    const page = readFileSync(join(REPO, 'docs/rules/schema/type.md'), 'utf8').trimEnd();
    expect(run.tool.driver.rules).toEqual([
      {
        id: 'schema/type',
        name: 'SchemaType',
        shortDescription: { text: 'Every value has the expected type.' },
        // "What it checks" from the rule's page, as text: GitHub requires a full description.
        fullDescription: { text: expect.stringMatching(/^Every value has the type the schema expects: text, a whole number, .* it suggests the quotes to add\.$/s) },
        // The page itself travels with the log, so code scanning shows it without any link.
        help: { text: expect.any(String), markdown: page },
        defaultConfiguration: { level: 'error' },
      },
    ]);
    expect(run.tool.driver.rules[0].help.text).not.toMatch(/\*\*|```/);
    expect(run.tool.driver.rules[0].help.text).toContain('What it checks\n\nEvery value has the type the schema expects');
    expect(run.results).toEqual([
      {
        ruleId: 'schema/type',
        ruleIndex: 0,
        level: 'error',
        message: { text: '`sdg.goal` is 10, a number: write it in quotes, "10".' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'municipalities/milan/roadmaps/governance.yaml', uriBaseId: '%SRCROOT%', index: 1 },
              region: { startLine: 6, startColumn: 14, endLine: 6, endColumn: 16 },
            },
          },
        ],
        properties: { pointer: '/sdg/goal' },
      },
    ]);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: SRCROOT } });
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('lists each rule once, in order of first use, and points every result at its rule and artifact', () => {
    const run = sarif(formatSarif(MANY, manyContext())).runs[0];
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(['file/empty', 'schema/type', 'references/practice', 'schema/required', 'settings/unused-suppression', 'custom/not-in-registry']);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      const location = result.locations[0].physicalLocation.artifactLocation;
      expect(run.artifacts[location.index].location).toEqual({ uri: location.uri, uriBaseId: location.uriBaseId });
    }
    expect(run.results.map((r: any) => r.level)).toEqual(['error', 'error', 'warning', 'error', 'note', 'warning']);
    // The registry's default severity, whatever the workspace made of it.
    expect(run.tool.driver.rules.find((r: any) => r.id === 'settings/unused-suppression').defaultConfiguration).toEqual({ level: 'note' });
    // A rule the registry does not know: what code scanning requires, and where to read more.
    expect(run.tool.driver.rules.at(-1)).toEqual({
      id: 'custom/not-in-registry',
      name: 'CustomNotInRegistry',
      shortDescription: { text: 'Rule custom/not-in-registry.' },
      fullDescription: { text: 'Rule custom/not-in-registry.' },
      help: {
        text: "Rule custom/not-in-registry. lamd explain custom/not-in-registry prints the rule's documentation.",
        markdown: "Rule custom/not-in-registry. `lamd explain custom/not-in-registry` prints the rule's documentation.",
      },
    });
    // Every rule has the full description and help GitHub's ingestion requires.
    for (const rule of run.tool.driver.rules) {
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.markdown.length).toBeGreaterThan(0);
    }
  });

  it('links rules and the tool only to the homepage lamd names, at the tag of its version', () => {
    const run = sarif(formatSarif(MANY, manyContext({ homepage: 'https://github.com/someone/lamd#readme' }))).runs[0];
    expect(run.tool.driver.informationUri).toBe('https://github.com/someone/lamd#readme');
    const type = run.tool.driver.rules.find((r: any) => r.id === 'schema/type');
    expect(type.helpUri).toBe('https://github.com/someone/lamd/blob/v1.2.3/docs/rules/schema/type.md');
    // Links between pages follow the homepage too.
    const empty = run.tool.driver.rules.find((r: any) => r.id === 'file/empty');
    expect(empty.help.markdown).toMatch(/\]\(https:\/\/github\.com\/someone\/lamd\/blob\/v1\.2\.3\/docs\/rules\/[a-z]+\/[a-z-]+\.md\)/);
    expect(type.helpUri).toBe('https://github.com/someone/lamd/blob/v1.2.3/docs/rules/schema/type.md');
    // Without a homepage, a link to another page becomes its text: nothing points anywhere.
    const plain = sarif(formatSarif(MANY, manyContext())).runs[0];
    expect(JSON.stringify(plain.tool.driver)).not.toMatch(/https?:|\]\(/);
  });

  it('names each rule in one Pascal-case word, as SARIF viewers expect', () => {
    expect(friendlyName('roadmap/design-inclusion')).toBe('RoadmapDesignInclusion');
    expect(friendlyName('file/too-large')).toBe('FileTooLarge');
  });

  it('places a problem about the whole file on the whole text, or at the start when lamd has none', () => {
    const run = sarif(formatSarif(MANY, manyContext())).runs[0];
    const empty = run.results.find((r: any) => r.ruleId === 'file/empty');
    expect(empty.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: EMPTY, uriBaseId: '%SRCROOT%', index: 1 },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
    });
    const whole = (text: string) => {
      const d = [diagnostic(CLEAN, 'error', 'file/too-large', 'x')];
      return sarif(formatSarif(d, context(d, { texts: { [CLEAN]: text } }))).runs[0].results[0].locations[0].physicalLocation.region;
    };
    expect(whole('')).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    expect(whole('a: 1\nbb: 2\n')).toEqual({ startLine: 1, startColumn: 1, endLine: 2, endColumn: 6 });
    expect(whole('a: 1\r\nbb: 22')).toEqual({ startLine: 1, startColumn: 1, endLine: 2, endColumn: 7 });
  });

  it('percent-encodes file names into relative URIs that resolve to the files checked', () => {
    const run = sarif(formatSarif(MANY, manyContext())).runs[0];
    const uris: string[] = run.artifacts.map((a: any) => a.location.uri);
    expect(uris.map((u) => decodeURIComponent(u))).toEqual(FILES);
    const odd = uris[FILES.indexOf(ODD)]!;
    expect(odd).toBe('municipalities/%D8%A7%D9%84%D8%B1%D8%A8%D8%A7%D8%B7/roadmaps/plan%2C%2050%25%3A%20%22a%7Cb%22%20%3C%26%3E%20%F0%9F%9A%80.yaml');
    expect(odd).toMatch(/^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+$/);
    // Resolved against %SRCROOT%, the URI names the file in the working directory.
    expect(decodeURIComponent(new URL(odd, SRCROOT).pathname)).toBe(`/home/focal point/lamd ws/${ODD}`);
    const result = run.results.find((r: any) => r.ruleId === 'schema/required');
    expect(result.message.text).toBe(ODD_MESSAGE);
  });

  it('keeps standard input and absolute paths out of %SRCROOT%', () => {
    const d = [diagnostic('<stdin>', 'error', 'schema/type', 'x', range(1, 1)), diagnostic('/elsewhere/a b.yaml', 'error', 'schema/type', 'y', range(2, 1))];
    const run = sarif(formatSarif(d, context(d))).runs[0];
    expect(run.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation)).toEqual([
      { uri: 'file:///elsewhere/a%20b.yaml', index: 0 },
      { description: { text: 'standard input' }, index: 1 },
    ]);
    // Described in the language of the run, as the messages are.
    const french = sarif(formatSarif(d, { ...context(d), language: 'fr' })).runs[0];
    expect(french.artifacts[1].location).toEqual({ description: { text: 'entrée standard' } });
    expect(french.results[1].locations[0].physicalLocation.artifactLocation).toEqual({ description: { text: 'entrée standard' }, index: 1 });
  });

  it('writes file URIs for POSIX and Windows working directories', () => {
    expect(directoryUri('/')).toBe('file:///');
    expect(directoryUri('/home/ana/lamd ws')).toBe('file:///home/ana/lamd%20ws/');
    expect(directoryUri('/srv/ws/')).toBe('file:///srv/ws/');
    expect(directoryUri('/home/آنا/Café #1')).toBe('file:///home/%D8%A2%D9%86%D8%A7/Caf%C3%A9%20%231/');
    expect(directoryUri('C:\\Users\\Ana\\My Docs')).toBe('file:///C:/Users/Ana/My%20Docs/');
    expect(directoryUri('\\\\server\\share\\ws')).toBe('file://server/share/ws/');
    expect(fileUri('/a/\ud800.yaml')).toBe('file:///a/%EF%BF%BD.yaml');
    // On Windows, the separators of relative paths are backslashes.
    const d = [diagnostic('municipalities\\milan\\r.yaml', 'error', 'schema/type', 'x')];
    const run = sarif(formatSarif(d, context(d, { cwd: 'C:\\ws' }))).runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///C:/ws/');
    expect(run.artifacts[0].location.uri).toBe('municipalities/milan/r.yaml');
  });

  it('says when a rule is off by default', () => {
    const d = [diagnostic(CLEAN, 'warning', 'schema/type', 'x')];
    const ctx = context(d);
    const off = { ...ctx, rule: (id: string) => ({ ...ctx.rule(id), meta: { id, severity: 'off' as const, adjustable: true, section: '3.2' } }) };
    const rule = sarif(formatSarif(d, off)).runs[0].tool.driver.rules[0];
    expect(rule.defaultConfiguration).toEqual({ enabled: false });
    expect(rule.properties).toEqual({ section: '3.2' });
  });

  it('is 2-space indented JSON ending with a newline, results in the order the files were checked', () => {
    const output = formatSarif(MANY, manyContext());
    expect(output).toBe(`${JSON.stringify(JSON.parse(output), null, 2)}\n`);
    const files = sarif(output).runs[0].results.map((r: any) => decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri));
    expect(files).toEqual([EMPTY, ROADMAP, ROADMAP, ODD, ODD, 'municipalities/tirana/profile.yaml']);
  });
});
