// Paths and line endings from a Windows machine: lamd shows `municipalities\milan\…`, and the CI
// formats still name the file with `/` (GitHub, GitLab and Jenkins match files by it), with file
// URIs and whole-file regions right for CRLF text. On POSIX a backslash is part of a name and stays.
import { describe, expect, it } from 'vitest';
import { annotation, githubStepSummary } from '../../src/format/github.js';
import { formatJunit } from '../../src/format/junit.js';
import { ciPath, isWindowsPath } from '../../src/format/paths.js';
import { formatSarif } from '../../src/format/sarif.js';
import { sarif } from '../helpers/outputs.js';
import { context, diagnostic, range } from './helpers.js';

const CWD = 'C:\\Users\\Ana\\lamd ws';
const SHOWN = 'municipalities\\milan\\roadmaps\\road map.yaml';
const CRLF = 'kind: roadmap\r\nschema_version: 1\r\nsdg: { goal: 10 }\r\n';

const windows = () => {
  const d = [diagnostic(SHOWN, 'error', 'schema/type', 'x', range(3, 15, 3, 17)), diagnostic('activities\\empty.yaml', 'error', 'file/too-large', 'y')];
  return { d, ctx: context(d, { cwd: CWD, texts: { [SHOWN]: CRLF, 'activities\\empty.yaml': CRLF } }) };
};

describe('paths from Windows in the CI formats', () => {
  it('tells Windows folders from POSIX ones', () => {
    for (const p of ['C:\\a', 'c:/a', '\\\\server\\share']) expect(isWindowsPath(p), p).toBe(true);
    for (const p of ['/home/a', 'a\\b', 'C:', '']) expect(isWindowsPath(p), p).toBe(false);
    expect(ciPath(SHOWN, CWD)).toBe('municipalities/milan/roadmaps/road map.yaml');
    expect(ciPath('odd\\name.yaml', '/home/ana/ws')).toBe('odd\\name.yaml');
  });

  it('github: annotations and the step summary name the file with /', () => {
    const { d, ctx } = windows();
    expect(annotation(d[0]!, ctx)).toMatch(/^::error file=municipalities\/milan\/roadmaps\/road map\.yaml,line=3,/);
    expect(githubStepSummary(d, ctx)).toContain('| municipalities/milan/roadmaps/road map.yaml | 3 | error |');
  });

  it('junit: test name, class name, suite file and the listing use /', () => {
    const { d, ctx } = windows();
    const xml = formatJunit(d, ctx);
    expect(xml).toContain('<testsuite name="municipalities/milan/roadmaps/road map.yaml" tests="1" failures="1" errors="0" skipped="0" time="0" file="municipalities/milan/roadmaps/road map.yaml">');
    expect(xml).toContain('<testcase name="municipalities/milan/roadmaps/road map.yaml" classname="municipalities/milan/roadmaps/road map" time="0">');
    expect(xml).toContain('>municipalities/milan/roadmaps/road map.yaml:3:15 error schema/type: x');
    expect(xml).not.toContain('\\');
  });

  it('sarif: relative URIs under a file:///C:/ base, and a CRLF file covered to its last character', () => {
    const { d, ctx } = windows();
    const run = sarif(formatSarif(d, ctx)).runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///C:/Users/Ana/lamd%20ws/');
    expect(run.artifacts.map((a: any) => a.location.uri)).toEqual(['activities/empty.yaml', 'municipalities/milan/roadmaps/road%20map.yaml']);
    const whole = run.results.find((r: any) => r.ruleId === 'file/too-large').locations[0].physicalLocation.region;
    expect(whole).toEqual({ startLine: 1, startColumn: 1, endLine: 3, endColumn: 18 });
  });
});
