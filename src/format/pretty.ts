// The `pretty` output: problems grouped by file, each with a code frame, for a person at a terminal.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic, Severity } from '../diagnostics.js';
import { codeFrame, splitLines, type FrameOptions } from './code-frame.js';
import { displayWidth, printable } from './terminal-text.js';
import type { Formatter } from './context.js';
import { runSentence, toolLine, type Outcome } from './describe-run.js';
import { groupByFile } from './group-by-file.js';
import { render, t } from '../i18n/messages.js';

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
 * With `context.width` (a terminal), messages wrap at spaces under their first word and frames fit.
 */
export const formatPretty: Formatter = (diagnostics, context) => {
  const c = new Chalk({ level: context.color ? 1 : 0 });
  const language = context.language ?? 'en';
  const severityWord = (severity: Severity) => render(language, t(`format.severity.${severity}`));
  const out: string[] = [];
  const groups = groupByFile(diagnostics, context.files).filter((g) => g.diagnostics.length > 0);
  for (const group of groups) {
    out.push(c.bold.underline(printable(group.file).replace(/\n/g, '\u240a')));
    const text = context.texts.get(group.file);
    const lines = text === undefined ? undefined : splitLines(text);
    // Columns align within a file, like a table, so messages start at the same place.
    const places = group.diagnostics.map((d) => (d.range ? `${d.range.start.line}:${d.range.start.column}` : '-'));
    const placeWidth = Math.max(...places.map((p) => p.length));
    const severityWidth = Math.max(...group.diagnostics.map((d) => severityWord(d.severity).length));
    const diagnostics = group.diagnostics;
    for (let i = 0; i < diagnostics.length; i++) {
      const d = diagnostics[i]!;
      out.push(...problem(d, places[i]!.padEnd(placeWidth), severityWidth, c, context.width, severityWord));
      const frame = d.range && lines ? codeFrame(lines, d.range, frameStyle(d.severity, c), frameOptions(d.range.start.line, context.width)) : undefined;
      if (!frame) continue;
      out.push(...frame.map((line) => `  ${line}`));
      // Findings at the same place (a new road map's document-level warnings) share the first's frame.
      while (i + 1 < diagnostics.length && samePlace(d, diagnostics[i + 1]!)) {
        i++;
        out.push(...problem(diagnostics[i]!, places[i]!.padEnd(placeWidth), severityWidth, c, context.width, severityWord));
      }
      out.push('');
    }
    if (out[out.length - 1] !== '') out.push('');
  }
  const sentence = runSentence(context, groups.length);
  const room = context.width ?? Infinity;
  const summary = wrapWords(`${sentence.symbol} ${sentence.text}`, Math.max(room - 2, MIN_MESSAGE_WIDTH));
  out.push(...summary.map((line, n) => (n === 0 ? `${paintOutcome(sentence.outcome, c)(sentence.symbol)}${line.slice(sentence.symbol.length)}` : `  ${line}`)));
  out.push(...wrapWords(toolLine(context.tool, language), room).map((line) => c.dim(line)));
  return `${out.join('\n')}\n`;
};

function problem(d: Diagnostic, place: string, severityWidth: number, c: ChalkInstance, width: number | undefined, severityWord: (s: Severity) => string): string[] {
  const lead = `  ${place}  `;
  const head = `${lead}${paintSeverity(d.severity, c)(severityWord(d.severity).padEnd(severityWidth))}  `;
  const indentWidth = lead.length + severityWidth + 2;
  const indent = ' '.repeat(indentWidth);
  // Infos are context, not problems to fix: the whole entry is dimmed so errors stand out.
  const body = d.severity === 'info' ? c.dim : (s: string) => s;
  const ruleId = printable(d.ruleId).replace(/\n/g, '\u240a');
  // A narrow terminal still gets a readable column of text rather than one word a line.
  const room = width === undefined ? Infinity : Math.max(width - indentWidth, MIN_MESSAGE_WIDTH);
  const [first = '', ...rest] = printable(d.message).split('\n');
  const wrap = (paragraph: string): string[] => (paragraph === '' ? [''] : wrapWords(paragraph, room));
  // The rule id ends the message's first paragraph (its headline; later ones are details and hints)
  // when it fits on that line, and takes a line of its own when not: it is never split.
  const headline = wrap(first).map((line) => body(line));
  const end = headline.length - 1;
  const id = c.dim(ruleId);
  const fits = width === undefined || displayWidth(wrapWords(first, room).at(-1)!) + 2 + displayWidth(ruleId) <= room;
  const message = fits ? [...headline.slice(0, end), `${headline[end]}  ${id}`, ...rest.flatMap(wrap).map((line) => body(line))] : [...headline, id, ...rest.flatMap(wrap).map((line) => body(line))];
  return message.map((line, n) => (n === 0 ? `${head}${line}` : line === '' ? '' : `${indent}${line}`));
}

/** Message columns kept however narrow the terminal is. */
const MIN_MESSAGE_WIDTH = 24;

/**
 * A paragraph cut into lines of at most `room` display columns, at spaces only: a word, a file:line:col
 * or an address longer than the room overflows whole rather than being split. A no-break space (French
 * typography's `1 :`) keeps its words together.
 */
export function wrapWords(paragraph: string, room: number): string[] {
  if (displayWidth(paragraph) <= room) return [paragraph];
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let started = false;
  for (const word of paragraph.split(' ')) {
    const w = displayWidth(word);
    if (!started) {
      line = word;
      lineWidth = w;
      started = true;
    } else if (word !== '' && line.trim() !== '' && lineWidth + 1 + w > room) {
      lines.push(line.trimEnd());
      line = word;
      lineWidth = w;
    } else {
      line += ` ${word}`;
      lineWidth += 1 + w;
    }
  }
  lines.push(line);
  return lines;
}

function samePlace(a: Diagnostic, b: Diagnostic): boolean {
  return a.range !== undefined && b.range !== undefined && a.range.start.line === b.range.start.line && a.range.start.column === b.range.start.column;
}

/** A frame as wide as the terminal: two spaces of indent, the `> 12 | ` gutter, then the source. */
function frameOptions(line: number, width: number | undefined): FrameOptions {
  if (width === undefined) return {};
  const gutter = 2 + String(line + 1).length + 3;
  return { maxWidth: width - 2 - gutter };
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
