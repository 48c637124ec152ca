// The `junit` format: well-formed XML, a test per file, failures for errors, warnings never dropped.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { attr, formatJunit, text } from '../../src/format/junit.js';
import { CLEAN, EMPTY, FILES, MANY, ODD, ODD_MESSAGE, ONE, PROFILE, ROADMAP, context, diagnostic, manyContext, oneContext, range, zeroContext } from './helpers.js';

interface Property {
  '@_name': string;
  '@_value': string;
}
interface Failure {
  '@_type': string;
  '@_message': string;
  '#text': string;
}
interface TestCase {
  '@_name': string;
  '@_classname': string;
  failure?: Failure[];
  'system-out'?: string[];
}
interface TestSuite {
  '@_name': string;
  '@_file': string;
  '@_tests': string;
  '@_failures': string;
  properties: Array<{ property: Property[] }>;
  testcase: TestCase[];
}
interface Report {
  testsuites: { '@_tests': string; '@_failures': string; testsuite?: TestSuite[] };
}

const ARRAYS = new Set(['testsuite', 'testcase', 'failure', 'system-out', 'property', 'properties']);
const parser = new XMLParser({
  ignoreAttributes: false,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
  htmlEntities: true,
});

function parse(xml: string): Report {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Report;
}

const suites = (xml: string) => parse(xml).testsuites.testsuite ?? [];
const props = (suite: TestSuite) => Object.fromEntries(suite.properties[0]!.property.map((p) => [p['@_name'], p['@_value']]));

describe('junit', () => {
  it('is a well-formed, empty report when no file was checked', () => {
    const xml = formatJunit([], context([], { files: [] }));
    expect(parse(xml).testsuites).toMatchObject({ '@_tests': '0', '@_failures': '0' });
    // The versions are still recorded, in a comment, when there is no test suite to carry them.
    expect(xml).toContain('<!-- lamd 1.2.3 · document schema version 1 · SDG code list: SDG test list 2024 <&> "v1" -->');
  });

  it('has a passing test per file when there is no problem', () => {
    const all = suites(formatJunit([], zeroContext()));
    expect(all.map((s) => s['@_name'])).toEqual([CLEAN, ROADMAP, ODD]);
    for (const s of all) {
      expect(s.testcase).toHaveLength(1);
      expect(s.testcase[0]!.failure).toBeUndefined();
      // The file shows in every place a dashboard looks: test name, class name (no extension) and suite file.
      expect(s.testcase[0]!['@_name']).toBe(s['@_name']);
      expect(s.testcase[0]!['@_classname']).toBe(s['@_name'].replace(/\.yaml$/, ''));
      expect(s['@_file']).toBe(s['@_name']);
    }
  });

  it('writes one problem as it is snapshotted', () => {
    expect(formatJunit(ONE, oneContext())).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <!-- lamd 1.2.3 · document schema version 1 · SDG code list: SDG test list 2024 <&> "v1" -->
      <testsuites name="lamd validate" tests="2" failures="1" errors="0" time="0">
        <testsuite name="lamd.yaml" tests="1" failures="0" errors="0" skipped="0" time="0" file="lamd.yaml">
          <properties>
            <property name="lamd.version" value="1.2.3"/>
            <property name="lamd.schemaVersion" value="1"/>
            <property name="lamd.sdgCodeList" value="SDG test list 2024 &lt;&amp;&gt; &quot;v1&quot;"/>
            <property name="lamd.strict" value="false"/>
            <property name="lamd.errors" value="0"/>
            <property name="lamd.warnings" value="0"/>
            <property name="lamd.infos" value="0"/>
          </properties>
          <testcase name="lamd.yaml" classname="lamd" time="0"/>
        </testsuite>
        <testsuite name="municipalities/milan/roadmaps/governance.yaml" tests="1" failures="1" errors="0" skipped="0" time="0" file="municipalities/milan/roadmaps/governance.yaml">
          <properties>
            <property name="lamd.version" value="1.2.3"/>
            <property name="lamd.schemaVersion" value="1"/>
            <property name="lamd.sdgCodeList" value="SDG test list 2024 &lt;&amp;&gt; &quot;v1&quot;"/>
            <property name="lamd.strict" value="false"/>
            <property name="lamd.errors" value="1"/>
            <property name="lamd.warnings" value="0"/>
            <property name="lamd.infos" value="0"/>
          </properties>
          <testcase name="municipalities/milan/roadmaps/governance.yaml" classname="municipalities/milan/roadmaps/governance" time="0">
            <failure type="error" message="1 error">municipalities/milan/roadmaps/governance.yaml:6:14 error schema/type: \`sdg.goal\` is 10, a number: write it in quotes, "10". (lamd explain schema/type)</failure>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('fails a file with errors, with one failure that lists all its problems', () => {
    const report = parse(formatJunit(MANY, manyContext()));
    expect(report.testsuites).toMatchObject({ '@_tests': '5', '@_failures': '3' });
    const all = report.testsuites.testsuite!;
    expect(all.map((s) => [s['@_name'], s['@_failures']])).toEqual(FILES.map((f) => [f, [EMPTY, ROADMAP, ODD].includes(f) ? '1' : '0']));
    const roadmap = all.find((s) => s['@_name'] === ROADMAP)!.testcase[0]!;
    expect(roadmap.failure).toHaveLength(1);
    expect(roadmap.failure![0]).toMatchObject({ '@_type': 'error', '@_message': '1 error, 1 warning' });
    // The warning is kept next to the error, with its place, rule and help.
    expect(roadmap.failure![0]!['#text'].split('\n')).toEqual([
      `${ROADMAP}:6:14 error schema/type: \`sdg.goal\` is 10, a number: write it in quotes, "10". (lamd explain schema/type)`,
      `${ROADMAP}:7:13 warning references/practice: \`builds_on[0]\` names the practice "nowhere", which has no practice document. (lamd explain references/practice)`,
    ]);
  });

  it('keeps the warnings of a passing file in system-out and in the counts', () => {
    const profile = suites(formatJunit(MANY, manyContext())).find((s) => s['@_name'] === PROFILE)!;
    expect(profile.testcase[0]!.failure).toBeUndefined();
    expect(profile.testcase[0]!['system-out']![0]).toMatch(/^municipalities\/tirana\/profile\.yaml:1:1 warning custom\/not-in-registry: /);
    expect(props(profile)).toMatchObject({ 'lamd.errors': '0', 'lamd.warnings': '1', 'lamd.infos': '0' });
  });

  it('fails a file with warnings only under --strict, as a failure of type warning', () => {
    const d = [diagnostic(CLEAN, 'warning', 'references/practice', 'w', range(1, 1))];
    const normal = suites(formatJunit(d, context(d)))[0]!;
    expect(normal['@_failures']).toBe('0');
    expect(normal.testcase[0]!['system-out']).toHaveLength(1);
    const strict = suites(formatJunit(d, context(d, { strict: true })))[0]!;
    expect(strict['@_failures']).toBe('1');
    expect(strict.testcase[0]!.failure![0]).toMatchObject({ '@_type': 'warning', '@_message': '1 warning' });
    expect(props(strict)['lamd.strict']).toBe('true');
  });

  it('counts a failing file\'s problems in the run\'s language, ids unchanged', () => {
    const d = [diagnostic(CLEAN, 'error', 'schema/type', 'a'), diagnostic(CLEAN, 'error', 'schema/type', 'b'), diagnostic(CLEAN, 'warning', 'references/practice', 'c')];
    expect(suites(formatJunit(d, context(d, { language: 'it' })))[0]!.testcase[0]!.failure![0]!['@_message']).toBe('2 errori, 1 avviso');
    expect(suites(formatJunit(d, context(d)))[0]!.testcase[0]!.failure![0]!['@_message']).toBe('2 errors, 1 warning');
  });

  it('records lamd, schema and SDG code list versions in every suite', () => {
    for (const s of suites(formatJunit(MANY, manyContext()))) {
      expect(props(s)).toMatchObject({ 'lamd.version': '1.2.3', 'lamd.schemaVersion': '1', 'lamd.sdgCodeList': 'SDG test list 2024 <&> "v1"' });
    }
  });

  it('escapes names and messages so they parse back unchanged', () => {
    const odd = suites(formatJunit(MANY, manyContext())).find((s) => s['@_name'] === ODD)!;
    expect(odd['@_file']).toBe(ODD);
    expect(odd.testcase[0]!['@_classname']).toBe(ODD.replace(/\.yaml$/, ''));
    const listing = odd.testcase[0]!.failure![0]!['#text'];
    // A message's second line is indented under its first, so each problem still starts a line.
    expect(listing).toContain(`${ODD}:2:8 error schema/required: ${ODD_MESSAGE.replace('\n', '\n    ')} (`);
    expect(listing).toContain(`${ODD}:4:5 info settings/unused-suppression:`);
  });

  it('replaces characters XML 1.0 cannot hold, so the report still parses', () => {
    const bad = `nul\u0000 bell\u0007 esc\u001b vt\u000b ff\u000c del\u007f c1\u0085ok\u0086 lone\ud800 pair😀 noncharacter\uffff`;
    const d = [diagnostic(`f\u0001ile.yaml`, 'error', 'schema/type', bad, range(1, 1))];
    const xml = formatJunit(d, context(d));
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uffff]/);
    const suite = suites(xml)[0]!;
    expect(suite['@_name']).toBe('f\ufffdile.yaml');
    expect(suite.testcase[0]!.failure![0]!['#text']).toContain('nul\ufffd bell\ufffd esc\ufffd vt\ufffd ff\ufffd del\ufffd c1\u0085ok\ufffd lone\ufffd pair😀 noncharacter\ufffd');
  });

  it('escapes text and attributes', () => {
    expect(text('a < b && c > "d"')).toBe('a &lt; b &amp;&amp; c &gt; "d"');
    expect(attr('a "b"\n\tc\r')).toBe('a &quot;b&quot;&#10;&#9;c&#13;');
    // An attribute keeps its line breaks through a parser, which would otherwise fold them into spaces.
    const d = [diagnostic('a.yaml', 'error', 'schema/type', 'x')];
    const xml = formatJunit(d, { ...context(d), tool: { name: 'lamd', version: '1\n2', schemaVersion: 1, sdgCodeList: 'x' } });
    expect(props(suites(xml)[0]!)['lamd.version']).toBe('1\n2');
  });
});
