// A file's entry of the `json` output is written piece by piece (format/json.ts) for speed; it must be
// the very text JSON.stringify gives for the documented shape (JsonFile), which a cache keeps too.
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../../src/diagnostics.js';
import type { FormatContext } from '../../src/format/context.js';
import { formatJson, jsonFileFragment, type JsonDiagnostic, type JsonFile } from '../../src/format/json.js';
import { groupByFile, type FileGroup } from '../../src/format/group-by-file.js';
import { random } from '../fuzz/mutants.js';
import { context } from './helpers.js';

/** The entry as JSON.stringify writes it inside the report: objects with JsonFile's key order, indented two levels. */
function byStringify(group: FileGroup, rule: FormatContext['rule']): string {
  const diagnostic = (d: Diagnostic, helpUri: string | undefined): JsonDiagnostic => ({
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    ...(d.messageId !== undefined && { messageId: d.messageId }),
    ...(d.range && { range: { start: { line: d.range.start.line, column: d.range.start.column }, end: { line: d.range.end.line, column: d.range.end.column } } }),
    ...(d.pointer !== undefined && { pointer: d.pointer }),
    ...(helpUri !== undefined && { helpUri }),
  });
  const file: JsonFile = { file: group.file, errors: group.errors, warnings: group.warnings, infos: group.infos, diagnostics: group.diagnostics.map((d) => diagnostic(d, rule(d.ruleId).helpUri)) };
  return `    ${JSON.stringify(file, null, 2).replaceAll('\n', '\n    ')}`;
}

const TEXTS = ['', 'plain', 'a "quoted" \\ text', 'line\nbreak\ttab\r', '\u0000\u001f\u007f', 'é 🌍 نص', '\ud800 lone', '\udc00', '`code` … 2,082', '</script>', '\u2028\u2029'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

function randomGroup(rand: () => number): FileGroup {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const n = Math.floor(rand() * 4);
  const diagnostics: Diagnostic[] = Array.from({ length: n }, () => {
    const d: Diagnostic = { file: 'f', severity: pick(SEVERITIES), ruleId: pick(['schema/required', 'roadmap/evidence', 'x"y']), message: pick(TEXTS) };
    if (rand() < 0.7) d.messageId = pick(TEXTS);
    if (rand() < 0.8) {
      const line = Math.floor(rand() * 5000) + 1;
      d.range = { start: { line, column: Math.floor(rand() * 80) + 1 }, end: { line: line + Math.floor(rand() * 2), column: Math.floor(rand() * 80) + 1 } };
    }
    if (rand() < 0.8) d.pointer = pick(['', '/a', '/objectives/0/indicators', '/k~1j', ...TEXTS]);
    return d;
  });
  return { file: pick(['municipalities/bari/roadmaps/x.yaml', 'a "b".yaml', 'C:\\work\\x.yaml', 'é.yaml', '-']), diagnostics, errors: Math.floor(rand() * 3), warnings: n, infos: 0 };
}

const RULES: Array<FormatContext['rule']> = [() => ({}), () => ({ helpUri: 'https://lamd.dev/rules/x' }), (id) => (id.startsWith('schema/') ? { helpUri: `https://x.org/${id}?q="1"` } : {})];

describe('a file entry of the json output', () => {
  it('is the text JSON.stringify writes, for random files, diagnostics and help links', () => {
    const rand = random(53);
    let compared = 0;
    for (let n = 0; n < 400; n++) {
      const group = randomGroup(rand);
      const rule = RULES[n % RULES.length]!;
      expect(jsonFileFragment(group, rule), JSON.stringify(group)).toBe(byStringify(group, rule));
      compared += group.diagnostics.length;
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('is the same in the whole report, where repeated strings are written once', () => {
    const rand = random(59);
    const groups = Array.from({ length: 50 }, (_, i) => ({ ...randomGroup(rand), file: `f${String(i).padStart(2, '0')}.yaml` }));
    const diagnostics = groups.flatMap((g) => g.diagnostics.map((d) => ({ ...d, file: g.file })));
    const rule = RULES[2]!;
    const files = groups.map((g) => g.file);
    const report = formatJson(diagnostics, { ...context(diagnostics, { files }), rule });
    // Each file's entry as groupByFile orders its diagnostics, stringified.
    const entries = JSON.parse(report).files as JsonFile[];
    expect(entries.map((e) => e.file)).toEqual(files);
    for (const entry of entries) {
      const group = groups.find((g) => g.file === entry.file)!;
      expect(JSON.stringify(entry.diagnostics.map((d) => d.message).sort())).toBe(JSON.stringify(group.diagnostics.map((d) => d.message).sort()));
    }
    // The whole list, stringified from the input (in groupByFile's order), not from the report's own parse:
    // a rule, severity, message id, range or pointer carried over from another file's pieces shows.
    expect(report).toContain(groupByFile(diagnostics, files).map((g) => byStringify(g, rule)).join(',\n'));
  });

  it('keeps apart diagnostics that share a message under other rules, severities and pointers', () => {
    const shared = 'the same words';
    const diagnostics: Diagnostic[] = [
      { file: 'a.yaml', severity: 'error', ruleId: 'schema/required', message: shared, messageId: 'm1', pointer: '/a', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } },
      { file: 'b.yaml', severity: 'warning', ruleId: 'roadmap/evidence', message: shared, pointer: '/b' },
      { file: 'c.yaml', severity: 'info', ruleId: 'schema/required', message: shared, messageId: 'm2' },
      { file: 'd.yaml', severity: 'error', ruleId: 'schema/required', message: shared, messageId: 'm1', pointer: '/a' },
      // Each differs from a.yaml's in one field only.
      { file: 'e.yaml', severity: 'warning', ruleId: 'schema/required', message: shared, messageId: 'm1', pointer: '/a' },
      { file: 'f.yaml', severity: 'error', ruleId: 'schema/type', message: shared, messageId: 'm1', pointer: '/a' },
      { file: 'g.yaml', severity: 'error', ruleId: 'schema/required', message: shared, pointer: '/a' },
      { file: 'h.yaml', severity: 'error', ruleId: 'schema/required', message: shared, messageId: 'm1', pointer: '/b' },
      { file: 'i.yaml', severity: 'error', ruleId: 'schema/required', message: shared, messageId: 'm1', pointer: '/a', range: { start: { line: 2, column: 1 }, end: { line: 2, column: 2 } } },
    ];
    const files = ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml', 'f.yaml', 'g.yaml', 'h.yaml', 'i.yaml'];
    const rule = RULES[2]!;
    const report = formatJson(diagnostics, { ...context(diagnostics, { files }), rule });
    expect(report).toContain(groupByFile(diagnostics, files).map((g) => byStringify(g, rule)).join(',\n'));
  });
});
