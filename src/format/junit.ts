// The `junit` output: JUnit XML for CI dashboards (Jenkins, GitLab, Azure DevOps, CircleCI …), valid
// against Jenkins' junit-10.xsd, the schema its xUnit plugin checks reports with.
//
// One <testsuite> per file checked, holding one <testcase> for that file. The test case fails when
// the file has errors, or warnings under --strict; it then holds ONE <failure> (type "error", or
// "warning" when only strict warnings fail it) whose text lists every problem of the file, warnings
// and infos included. One failure element, not one per error, because the dashboards read one:
// Jenkins shows only the first <failure> of a test case, and GitLab's parser reads a test case's
// failure as a single value. A passing file's warnings and infos go to the test case's <system-out>, which
// Jenkins shows under the test; GitLab shows nothing for passing tests, so each suite also carries
// the file's counts as <properties>, beside lamd's version, the schema version and the SDG code list.
//
// The file is named where every dashboard shows it: the test case's `name` and `classname` (the path
// without its extension, as ESLint's JUnit formatter does, since Jenkins splits a class name at dots),
// and the suite's `file`. junit-10.xsd has no `file` on a test case nor `skipped` on <testsuites>.
import type { Diagnostic } from '../diagnostics.js';
import type { FormatContext, Formatter } from './context.js';
import { helpPointer, toolLine } from './describe-run.js';
import { groupByFile, type FileGroup } from './group-by-file.js';
import { ciPath } from './paths.js';
import { render, t, type MessageLanguage } from '../i18n/messages.js';

export const formatJunit: Formatter = (diagnostics, context) => {
  const groups = groupByFile(diagnostics, context.files);
  const failing = groups.filter((g) => fails(g, context.strict));
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- ${xmlComment(toolLine(context.tool, context.language))} -->`,
    `<testsuites name="lamd validate" tests="${groups.length}" failures="${failing.length}" errors="0" time="0">`,
  ];
  for (const group of groups) out.push(...testsuite(group, context));
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
};

function fails(group: FileGroup, strict: boolean): boolean {
  return group.errors > 0 || (strict && group.warnings > 0);
}

function testsuite(group: FileGroup, context: FormatContext): string[] {
  const failed = fails(group, context.strict);
  const file = ciPath(group.file, context.cwd);
  const name = attr(file);
  const properties: Array<[string, string | number | boolean]> = [
    ['lamd.version', context.tool.version],
    ['lamd.schemaVersion', context.tool.schemaVersion],
    ['lamd.sdgCodeList', context.tool.sdgCodeList],
    ['lamd.strict', context.strict],
    ['lamd.errors', group.errors],
    ['lamd.warnings', group.warnings],
    ['lamd.infos', group.infos],
  ];
  const out = [
    `  <testsuite name="${name}" tests="1" failures="${failed ? 1 : 0}" errors="0" skipped="0" time="0" file="${name}">`,
    '    <properties>',
    ...properties.map(([key, value]) => `      <property name="${attr(key)}" value="${attr(String(value))}"/>`),
    '    </properties>',
  ];
  const testcase = `    <testcase name="${name}" classname="${attr(className(file))}" time="0"`;
  const listing = group.diagnostics.map((d) => problemLine(d, context)).join('\n');
  if (failed) {
    const type = group.errors > 0 ? 'error' : 'warning';
    out.push(`${testcase}>`, `      <failure type="${type}" message="${attr(counts(group, context.language ?? 'en'))}">${text(listing)}</failure>`, '    </testcase>');
  } else if (group.diagnostics.length > 0) {
    out.push(`${testcase}>`, `      <system-out>${text(listing)}</system-out>`, '    </testcase>');
  } else {
    out.push(`${testcase}/>`);
  }
  out.push('  </testsuite>');
  return out;
}

/** The path without `.yaml`/`.yml`: Jenkins would read the extension as a class of its own. */
export function className(file: string): string {
  return file.replace(/\.ya?ml$/i, '');
}

function counts(group: FileGroup, language: MessageLanguage): string {
  const parts = [group.errors && t('format.count.errors', { count: group.errors }), group.warnings && t('format.count.warnings', { count: group.warnings }), group.infos && t('format.count.infos', { count: group.infos })];
  return parts.filter((p) => typeof p === 'object').map((p) => render(language, p)).join(', ');
}

/** `file:line:col severity rule-id: message (help)`, the shape editors and terminals turn into links. */
function problemLine(d: Diagnostic, context: FormatContext): string {
  const file = ciPath(d.file, context.cwd);
  const place = d.range ? `${file}:${d.range.start.line}:${d.range.start.column}` : file;
  const message = d.message.replace(/\r\n?|\n/g, '\n    ');
  // The message's id closes the line: the same in every language, for dashboards that group problems.
  return `${place} ${d.severity} ${d.ruleId}: ${message} (${helpPointer(d.ruleId, context)})${d.messageId !== undefined ? ` [${d.messageId}]` : ''}`;
}

/**
 * Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) and the
 * C1 controls it discourages become U+FFFD: a report with one of them would not parse anywhere.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Element text. */
export function text(value: string): string {
  return value.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute value in double quotes; line breaks and tabs as references, or parsers fold them into spaces. */
export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** A comment holds no references, and may not contain `--` nor end with `-`. */
function xmlComment(value: string): string {
  return value.replace(NOT_XML, '\ufffd').replace(/-(?=-|$)/g, '- ');
}
