// Draws the lines around a problem with a marker under it, safe for any text a YAML file may hold.
import type { Range } from '../diagnostics.js';
import { displayWidth, visibleControl } from './terminal-text.js';

export interface FrameStyle {
  /** Line numbers and the `|` bar. */
  gutter: (text: string) => string;
  /** The `>` pointing at the line and the `^~~` under the range. */
  marker: (text: string) => string;
}

export interface FrameOptions {
  /** Lines shown above and below the problem's line. */
  context?: number;
  /** Display columns of source shown per line; longer lines are cut around the problem. */
  maxWidth?: number;
}

const TAB_WIDTH = 4;
const ELLIPSIS = '…';

/** Splits a file into the lines a Diagnostic's 1-based line numbers count (`\n` ends a line, as in src/workspace/source.ts). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  // The empty "line" after a final newline is not a line of the file.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/**
 * The code frame for `range` in a file split by `splitLines`, as lines without a trailing newline,
 * or undefined when the range lies outside the text (a stale position must not crash the output).
 */
export function codeFrame(lines: readonly string[], range: Range, style: FrameStyle, options: FrameOptions = {}): string[] | undefined {
  return frameWith(layout, lines, range, style, options);
}

/** codeFrame, with every line laid out cell by cell: what a line of printable ASCII is shown as without its shortcut (for the test that holds them equal). */
export function codeFrameByCells(lines: readonly string[], range: Range, style: FrameStyle, options: FrameOptions = {}): string[] | undefined {
  return frameWith(layoutByCells, lines, range, style, options);
}

function frameWith(layout: (line: string) => Layout, lines: readonly string[], range: Range, style: FrameStyle, options: FrameOptions): string[] | undefined {
  const around = options.context ?? 1;
  // A whole number of columns: a window's edges are columns (NaN or 20.5 from a caller would split them).
  const asked = Math.trunc(options.maxWidth ?? 160);
  const maxWidth = Math.max(Number.isNaN(asked) ? 160 : asked, 20);
  const target = range.start.line;
  // A position just past the last line (an error at the end of the file) points at an empty line.
  if (!Number.isInteger(target) || target < 1 || target > lines.length + 1) return undefined;
  const lineAt = (n: number): string => lines[n - 1] ?? '';
  const first = Math.max(1, target - around);
  const last = Math.min(Math.max(lines.length, target), target + around);

  // A line of megabytes (a pasted data URI, a minified blob) is cut to a slice around the problem
  // before any per-character work: the frame costs the same for a 5 MB line as for a short one.
  const anchor = clampIndex(range.start.column - 1, lineAt(target).length);
  let cut: Cut = { from: 0, to: Infinity };
  for (let n = first; n <= last; n++) {
    if (lineAt(n).length > LONG_LINE) {
      cut = cutAround(lineAt(target), anchor, maxWidth);
      break;
    }
  }
  const slice = (line: string): string => (cut.from === 0 && cut.to >= line.length ? line : line.slice(cut.from, cut.to));

  const laid = layout(slice(lineAt(target)));
  const startCol = laid.colAt(anchor - cut.from);
  let endCol = range.end.line === target ? laid.colAt(range.end.column - 1 - cut.from) : laid.width;
  if (range.end.line < target) endCol = startCol;
  if (endCol <= startCol) endCol = startCol + 1;

  // Every line of the frame is cut to the same window, so the marker stays under its text.
  const window = chooseWindow(laid.width, startCol, maxWidth);
  const numberWidth = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const line = lineAt(n);
    const text = render(n === target ? laid : layout(slice(line)), window, cut.from > 0 && line.length > 0, line.length > cut.to);
    const pointer = n === target ? style.marker('>') : ' ';
    out.push(`${pointer} ${style.gutter(`${String(n).padStart(numberWidth)} |`)}${text === '' ? '' : ` ${text}`}`);
    if (n === target) {
      const from = Math.max(startCol, window.start);
      const to = Math.min(endCol, window.end);
      const cutLeft = (window.start > 0 && laid.width > 0) || cut.from > 0;
      const indent = from - window.start + (cutLeft ? ELLIPSIS.length : 0);
      const marker = `^${'~'.repeat(Math.max(0, to - from - 1))}`;
      out.push(`  ${style.gutter(`${' '.repeat(numberWidth)} |`)} ${' '.repeat(indent)}${style.marker(marker)}`);
    }
  }
  return out;
}

interface Cell {
  /** What the terminal is given for this character. */
  text: string;
  /** Display column where the cell starts (0-based). */
  col: number;
  width: number;
}

interface Layout {
  cells: Cell[];
  /** A line of printable ASCII, a column per character: its cells are the line itself, not listed. */
  plain?: string;
  width: number;
  /** Display column of a 0-based UTF-16 index (clamped to the line). */
  colAt: (index: number) => number;
}

let graphemes: Intl.Segmenter | undefined;

const ASCII_LINE = /^[\t\x20-\x7e]*$/;
const PRINTABLE_ASCII_LINE = /^[\x20-\x7e]*$/;

/**
 * A line as the terminal shows it. Printable ASCII, most lines of most documents, is shown as it is,
 * a column per character: not a cell each (a frame per finding of thousands cost a tenth of the run).
 */
function layout(line: string): Layout {
  if (!PRINTABLE_ASCII_LINE.test(line)) return layoutByCells(line);
  return { cells: [], plain: line, width: line.length, colAt: (index) => clampIndex(index, line.length) };
}

function layoutByCells(line: string): Layout {
  const cells: Cell[] = [];
  // Diagnostic columns count UTF-16 code units; a character (a grapheme: a letter with its marks, an
  // emoji sequence) may span several of them and 0–2 columns.
  const colOfUnit: number[] = new Array<number>(line.length + 1);
  let col = 0;
  graphemes ??= new Intl.Segmenter();
  // Printable ASCII and tabs (a line with a tab, here): a character each, no segmenting needed.
  const segments = ASCII_LINE.test(line) ? Array.from(line, (segment, index) => ({ segment, index })) : graphemes.segment(line);
  for (const { segment, index } of segments) {
    for (let i = 0; i < segment.length; i++) colOfUnit[index + i] = col;
    const cell = display(segment, col);
    cells.push({ text: cell.text, col, width: cell.width });
    col += cell.width;
  }
  colOfUnit[line.length] = col;
  return {
    cells,
    width: col,
    colAt: (index) => colOfUnit[Math.min(Math.max(Number.isFinite(index) ? Math.trunc(index) : 0, 0), line.length)]!,
  };
}

interface Window {
  start: number;
  end: number;
}

function chooseWindow(total: number, anchor: number, maxWidth: number): Window {
  if (total <= maxWidth) return { start: 0, end: maxWidth };
  const span = maxWidth - 2 * ELLIPSIS.length;
  // The problem sits a third of the way in: enough text before it to recognise the place.
  const start = Math.min(Math.max(anchor - Math.floor(span / 3), 0), total - span);
  return { start, end: start + span };
}

/** UTF-16 units of a line longer than this are cut before they are laid out. */
const LONG_LINE = 1000;

/** The UTF-16 units [from, to) of each line that a frame lays out. */
interface Cut {
  from: number;
  to: number;
}

function clampIndex(index: number, length: number): number {
  return Math.min(Math.max(Number.isFinite(index) ? Math.trunc(index) : 0, 0), length);
}

/**
 * Units around `anchor`, enough to fill the window whatever the characters are (each unit is at
 * least one column, but for marks of no width), without splitting a surrogate pair.
 */
function cutAround(line: string, anchor: number, maxWidth: number): Cut {
  let from = Math.max(0, anchor - 2 * maxWidth);
  let to = from + 4 * maxWidth;
  if (from > 0 && isLowSurrogate(line.charCodeAt(from))) from--;
  if (to < line.length && isLowSurrogate(line.charCodeAt(to))) to++;
  return { from, to };
}

const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** One line of the frame; `cutLeft`/`cutRight` say the line was sliced before it was laid out. */
function render(laid: Layout, window: Window, cutLeft = false, cutRight = false): string {
  let out = laid.plain === undefined ? '' : laid.plain.slice(window.start, window.end);
  let col = window.start;
  for (const cell of laid.cells) {
    if (cell.col < window.start || cell.col + cell.width > window.end) continue;
    // A wide character cut by the window's left edge leaves a gap; pad it so columns still align.
    if (cell.col > col) out += ' '.repeat(cell.col - col);
    out += cell.text;
    col = cell.col + cell.width;
  }
  // The ellipses say the line goes on; a short context line cut on the left shows only `…`.
  if ((window.start > 0 && laid.width > 0) || cutLeft) out = ELLIPSIS + out;
  if (laid.width > window.end || cutRight) out += ELLIPSIS;
  return out.trimEnd();
}

/**
 * How one character is shown: a tab up to the next tab stop, controls made visible (so a file cannot
 * drive the terminal), anything else as it is, as wide as the terminal shows it. Controls are
 * characters of their own (Unicode's grapheme rules never join them to another).
 */
function display(grapheme: string, col: number): { text: string; width: number } {
  if (grapheme === '\t') {
    const width = TAB_WIDTH - (col % TAB_WIDTH);
    return { text: ' '.repeat(width), width };
  }
  const text = grapheme.length === 1 ? (visibleControl(grapheme.codePointAt(0)!) ?? grapheme) : grapheme;
  return { text, width: displayWidth(text) };
}
