// The `pretty` output: problems grouped by file, each with a code frame, for a person at a terminal.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic, Severity } from '../diagnostics.js';
import { codeFrame, splitLines } from './code-frame.js';
import type { Formatter } from './context.js';
import { runSentence, toolLine, type Outcome } from './describe-run.js';
import { groupByFile } from './group-by-file.js';

/**
 * ```
 * municipalities/milan/roadmaps/r.yaml
 *   6:7  error  `sdg.goal` is a number …  schema/type
 *     5 | title: R
 *   > 6 | sdg: { goal: 10 }
 *       |              ^~
 *
 * ✖ 1 error in 1 of 2 files checked
 * lamd 0.1.0 · document schema version 1 · SDG code list: …
 * ```
 */
export const formatPretty: Formatter = (diagnostics, context) => {
  const c = new Chalk({ level: context.color ? 1 : 0 });
  const out: string[] = [];
  const groups = groupByFile(diagnostics, context.files).filter((g) => g.diagnostics.length > 0);
  for (const group of groups) {
    out.push(c.bold.underline(printable(group.file).replace(/\n/g, '\u240a')));
    const text = context.texts.get(group.file);
    const lines = text === undefined ? undefined : splitLines(text);
    // Columns align within a file, like a table, so messages start at the same place.
    const places = group.diagnostics.map((d) => (d.range ? `${d.range.start.line}:${d.range.start.column}` : '-'));
    const placeWidth = Math.max(...places.map((p) => p.length));
    const severityWidth = Math.max(...group.diagnostics.map((d) => d.severity.length));
    group.diagnostics.forEach((d, i) => {
      out.push(...problem(d, places[i]!.padEnd(placeWidth), severityWidth, c));
      const frame = d.range && lines ? codeFrame(lines, d.range, frameStyle(d.severity, c)) : undefined;
      if (frame) out.push(...frame.map((line) => `  ${line}`), '');
    });
    if (out[out.length - 1] !== '') out.push('');
  }
  const sentence = runSentence(context, groups.length);
  out.push(`${paintOutcome(sentence.outcome, c)(sentence.symbol)} ${sentence.text}`);
  out.push(c.dim(toolLine(context.tool)));
  return `${out.join('\n')}\n`;
};

function problem(d: Diagnostic, place: string, severityWidth: number, c: ChalkInstance): string[] {
  const [first = '', ...rest] = printable(d.message).split('\n');
  const lead = `  ${place}  `;
  const head = `${lead}${paintSeverity(d.severity, c)(d.severity.padEnd(severityWidth))}  `;
  // Infos are context, not problems to fix: the whole entry is dimmed so errors stand out.
  const body = d.severity === 'info' ? c.dim : (s: string) => s;
  const lines = [`${head}${body(first)}  ${c.dim(printable(d.ruleId).replace(/\n/g, '\u240a'))}`];
  const indent = ' '.repeat(lead.length + severityWidth + 2);
  for (const line of rest) lines.push(line === '' ? '' : `${indent}${body(line)}`);
  return lines;
}

function paintSeverity(severity: Severity, c: ChalkInstance): (s: string) => string {
  return severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.dim;
}

function frameStyle(severity: Severity, c: ChalkInstance) {
  const marker = severity === 'error' ? c.red.bold : severity === 'warning' ? c.yellow.bold : c.blue;
  return { gutter: c.dim, marker };
}

function paintOutcome(outcome: Outcome, c: ChalkInstance): (s: string) => string {
  return outcome === 'failed' ? c.red.bold : outcome === 'warnings' ? c.yellow.bold : outcome === 'infos' ? c.blue : c.green.bold;
}

const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a document (messages quote values, file names come from the disk) shown safely: control
 * characters become visible pictures, so an ESC cannot recolour or move the terminal, and bidi
 * controls are named instead of reordering the line. Newlines stay; the caller indents them.
 */
export function printable(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f]/g, (ch) => String.fromCharCode(0x2400 + ch.charCodeAt(0)))
    .replace(/\u007f/g, '\u2421')
    .replace(/[\u0080-\u009f]/g, '\ufffd')
    .replace(BIDI_CONTROLS, (ch) => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
