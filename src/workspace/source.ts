// Turns bytes from disk or stdin into YAML documents, or into diagnostics that say why it cannot.
import jsyaml from 'js-yaml';
import { t } from '../i18n/messages.js';
import type { Diagnostic, Position } from '../diagnostics.js';
import { duplicateKeyDiagnostic, emptyFileDiagnostic, fileDiagnostic, inspectTree, MAX_DEPTH, MAX_NODES, MAX_SLOW_PATH_CHARS, multiDocumentDiagnostic, type ParsedSource } from './reading.js';
import { syntaxHint, unclosedOpening } from './syntax-hints.js';
import { keyAt, lineStarts, positionAt } from './text-positions.js';
import { readBlock } from './yaml-block.js';
import { YAML_12_CORE } from './yaml-core.js';

/** Larger files are not lamd documents; reading them would only slow the run down. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The diagnostic for a file over MAX_FILE_BYTES, also given from its size alone, before reading it. */
export function tooLargeDiagnostic(file: string, bytes: number): Diagnostic {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return fileDiagnostic(file, 'file/too-large', t('file/too-large.size', { size: mb, max: String(MAX_FILE_BYTES / 1024 / 1024) }));
}

/** Decodes and parses one file's bytes. `file` is the name shown to the user. */
export function parseSource(file: string, bytes: Uint8Array): ParsedSource {
  if (bytes.length === 0) {
    return { diagnostics: [fileDiagnostic(file, 'file/empty', t('file/empty.empty'))] };
  }
  if (bytes.length > MAX_FILE_BYTES) return { diagnostics: [tooLargeDiagnostic(file, bytes.length)] };
  // Some editors on Windows save "Unicode" text as UTF-16, which has NUL bytes but is not binary.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { diagnostics: [fileDiagnostic(file, 'file/encoding', t('file/encoding.utf16'))] };
  }
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul !== -1) {
    return { diagnostics: [fileDiagnostic(file, 'file/binary', t('file/binary.nul'))] };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = countLines(bytes, at);
    return {
      diagnostics: [fileDiagnostic(file, 'file/encoding', t('file/encoding.invalid', { byte: String(at + 1), line: String(line.line) }), line)],
    };
  }
  if (text.trim() === '') {
    return { text, diagnostics: [fileDiagnostic(file, 'file/empty', t('file/empty.blank'))] };
  }
  return parseYamlText(file, text);
}

/**
 * parseSource, then the slow path where the fast one cannot be trusted: the reading lamd checks.
 * The `yaml` package is loaded only when a file needs it.
 */
export async function readSource(file: string, bytes: Uint8Array): Promise<ParsedSource> {
  return decide(file, parseSource(file, bytes));
}

/** parseYamlText, then the slow path where needed (see readSource). */
export async function readYamlText(file: string, text: string): Promise<ParsedSource> {
  return decide(file, parseYamlText(file, text));
}

export async function decide(file: string, fast: ParsedSource): Promise<ParsedSource> {
  if (!fast.slowPath || fast.text === undefined) return fast;
  if (fast.text.length > MAX_SLOW_PATH_CHARS) return keepFastVerdict(fast);
  const { parseYamlSlow } = await import('./yaml-slow.js');
  return parseYamlSlow(file, fast.text, fast);
}

/** js-yaml's own verdict, for a file too large for the slow path: its error, or its reading. */
function keepFastVerdict(fast: ParsedSource): ParsedSource {
  const { slowPath: _, ...verdict } = fast;
  return verdict;
}

/**
 * The document value a settled road map's bytes hold, read as the loader read them when it summarised
 * it (stand-ins in the parallel and cached runs parse it only when a check reads past the summary).
 */
export function roadmapValueOf(file: string, bytes: Uint8Array): Record<string, unknown> {
  return parseYamlText(file, utf8.decode(bytes)).value as Record<string, unknown>;
}

/** js-yaml's reading of a decoded file; `slowPath` says when it must be confirmed (see readYamlText). */
export function parseYamlText(file: string, text: string): ParsedSource {
  // Most of lamd's documents are in the block subset yaml-block.ts reads to js-yaml's very value,
  // several times faster; for any other text it steps aside and js-yaml reads it, errors and all.
  const quick = readBlock(text);
  if (quick !== undefined) {
    const parsed = settle(file, text, [quick.value], [], text.length <= BLOCK_READ_BOUNDED_CHARS, blockTextMayReadDifferently(text, quick.lineOfSpaces));
    parsed.blockRead = true;
    return parsed;
  }
  let documents: unknown[] = [];
  const found: Diagnostic[] = [];
  try {
    jsyaml.loadAll(text, (doc) => documents.push(doc), { schema: YAML_12_CORE, filename: file });
  } catch (error) {
    const diagnostic = yamlErrorDiagnostic(file, text, error);
    // Nesting past the limit is lamd's own bound, not a doubt about the YAML: no second reading,
    // which would cost more than the time bound on such a file.
    if (isTooDeep(error)) return { text, diagnostics: [diagnostic] };
    // A valid document is never a syntax error: where js-yaml gives up, `yaml` is asked.
    if (diagnostic.ruleId !== 'yaml/duplicate-key') return { text, diagnostics: [diagnostic], slowPath: true };
    // A duplicate key is one mistake, not a reason to hide the others: read the file again with the
    // last value winning (as most YAML readers do) and go on checking it. The loader then lists
    // every duplicate key, not only the first one js-yaml stopped at.
    documents = [];
    try {
      jsyaml.loadAll(text, (doc) => documents.push(doc), { schema: YAML_12_CORE, filename: file, json: true });
    } catch (again) {
      return { text, diagnostics: [yamlErrorDiagnostic(file, text, again)], slowPath: true };
    }
    found.push(diagnostic);
  }
  return settle(file, text, documents, found);
}

/**
 * A text the block reader read, this long or shorter, holds nothing inspectTree looks for: the reader
 * refuses `__proto__` keys and aliases, and each value it reads takes a character of the text at
 * least, so such a document has fewer than MAX_NODES nodes (with a margin of two).
 */
export const BLOCK_READ_BOUNDED_CHARS = MAX_NODES / 2;

/**
 * The verdict on the documents read from `text`, after `found` (a duplicate key) was reported;
 * `bounded`: the document is known to be within inspectTree's bounds (see BLOCK_READ_BOUNDED_CHARS);
 * `doubtful`: mayReadDifferently(text), when known already.
 */
function settle(file: string, text: string, documents: unknown[], found: Diagnostic[], bounded = false, doubtful = mayReadDifferently(text)): ParsedSource {
  // Whatever js-yaml read, a parser that may read this text against the specification does not decide.
  const confirm = doubtful ? { slowPath: true } : {};
  if (documents.length === 0 || (documents.length === 1 && documents[0] == null)) {
    return { text, diagnostics: [emptyFileDiagnostic(file)], ...confirm };
  }
  if (documents.length > 1) return { ...confirm, text, diagnostics: [multiDocumentDiagnostic(file, text, documents.length)] };
  const value = documents[0];
  const diagnostics = bounded ? found : [...found, ...inspectTree(file, value, text.includes('*'))];
  const parsed: ParsedSource = diagnostics.some((d) => d.severity === 'error' && d.ruleId === 'yaml/alias-limit') ? { text, diagnostics } : { text, value, diagnostics };
  if (found.length) parsed.duplicateKeys = true;
  return { ...parsed, ...confirm };
}

/**
 * Whether the text holds a construct where js-yaml is known to read YAML differently from the 1.2
 * specification: accepting what YAML forbids, or reading a value another way. Found by running the
 * official yaml-test-suite (test/workspace/yaml-test-suite.test.ts; the suite's ids are named below).
 * True for any file where js-yaml *could* be wrong, after which the `yaml` package decides. Written
 * as plain scans rather than one regular expression, which cost a tenth of js-yaml's own time;
 * lamd's own documents match none of it, so they stay on the fast path.
 */
export function mayReadDifferently(text: string): boolean {
  // Tabs, which YAML allows in fewer places than js-yaml does (DK95, Y79Y).
  if (text.includes('\t')) return true;
  if (gluedCommentOrProperty(text)) return true;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const first = text.charCodeAt(start);
    if (first === 0x20) {
      // A line of spaces only, which may not be more indented than a block scalar's text (S98Z).
      let i = start;
      while (text.charCodeAt(i) === 0x20) i++;
      if (i === end || (text.charCodeAt(i) === 0x0d && i + 1 === end)) return true;
    } else if (end > start && first !== 0x23 && first !== 0x0d) {
      if (topLevelLineDeparts(text.slice(start, end))) return true;
    }
    start = end + 1;
  }
  return false;
}

/**
 * mayReadDifferently for a text the block reader (yaml-block.ts) read, given whether it skipped a line
 * of spaces: the reader refuses tabs, document markers and every line at column 0 that is no key, item
 * or comment, so only the scans for glued comments and for properties are left to make (the fuzzing
 * of test/workspace/yaml-block.test.ts holds the two equal), without a pass over every line.
 */
export function blockTextMayReadDifferently(text: string, lineOfSpaces: boolean): boolean {
  return lineOfSpaces || gluedCommentOrProperty(text);
}

/**
 * A comment glued to a quote or bracket: YAML needs a space before `#` (SU5Z, 9JBA, CVW2). Or an
 * anchor, alias or tag where YAML puts them, whose placement js-yaml checks loosely (4JVG, H7J7).
 */
function gluedCommentOrProperty(text: string): boolean {
  for (let i = text.indexOf('#'); i > 0; i = text.indexOf('#', i + 1)) {
    const before = text.charCodeAt(i - 1);
    if (before === 0x22 || before === 0x27 || before === 0x5d || before === 0x7d || before === 0x2c) return true;
  }
  return propertyAt(text, '&') || propertyAt(text, '*') || propertyAt(text, '!');
}

/** An anchor (&), alias (*) or tag (!) at a line's start or after `:`, `-`, `?`, `,`, `[`, `{` (not in a comment). */
function propertyAt(text: string, mark: string): boolean {
  for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (Number.isNaN(next) || next === 0x20 || next === 0x0a || next === 0x0d) continue;
    let j = i - 1;
    while (j >= 0 && text.charCodeAt(j) === 0x20) j--;
    if (j < 0 || text[j] === '\n' || ':-?,[{'.includes(text[j]!)) return true;
  }
  return false;
}

/**
 * A line at column 0 that js-yaml may read against the specification: content on a `---` or `...`
 * line (3HFZ, 9KBC, CXX2), a marker glued to text (82AN), or a line that is no key, item or marker:
 * the continuation of a quoted scalar or flow collection that YAML wants indented (QB6E, 9C9N).
 */
function topLevelLineDeparts(line: string): boolean {
  if (line.startsWith('---') || line.startsWith('...')) {
    const rest = line.slice(3).trimStart();
    return rest !== '' && !rest.startsWith('#') && rest !== '\r';
  }
  if (/^[-%?:&*!|>"'[{]/.test(line)) return false;
  return !line.includes(':');
}

function isTooDeep(error: unknown): boolean {
  return error instanceof jsyaml.YAMLException && /nesting exceeded maxDepth/.test(error.reason ?? '');
}

function yamlErrorDiagnostic(file: string, text: string, error: unknown): Diagnostic {
  if (!(error instanceof jsyaml.YAMLException)) throw error;
  const mark = error.mark as { line: number; column: number; position: number } | undefined;
  const at: Position | undefined = mark ? { line: mark.line + 1, column: mark.column + 1 } : undefined;
  const reason = error.reason ?? 'the YAML is not well-formed';
  if (/duplicated mapping key/.test(reason)) {
    const key = mark ? keyAt(text, mark.position) : undefined;
    return duplicateKeyDiagnostic(file, key, at);
  }
  if (/nesting exceeded maxDepth/.test(reason)) {
    return fileDiagnostic(file, 'yaml/syntax', t('yaml/syntax.too-deep', { max: MAX_DEPTH }), at);
  }
  if (/unknown tag/.test(reason)) {
    return fileDiagnostic(file, 'yaml/syntax', t('yaml/syntax.tag', { reason }), at);
  }
  const hint = syntaxHint(text, reason, at);
  if (hint) return fileDiagnostic(file, 'yaml/syntax', t('yaml/syntax.error', { message: hint.message }), hint.at);
  // js-yaml notices an unclosed bracket or quote only at the end of the file (or of the document, at a
  // `---` line); point at where it opens.
  const opened = /end of the (stream|document) within a (flow collection|double quoted scalar|single quoted scalar)/.exec(reason);
  if (opened) {
    const kind = opened[2] === 'flow collection' ? 'flow' : opened[2]!.startsWith('double') ? '"' : "'";
    const open = unclosedOpening(text, kind, opened[1] === 'document' && mark ? mark.position : text.length);
    if (open) {
      const starts = lineStarts(text);
      const which = kind === 'flow' ? 'bracket' : 'quote';
      return fileDiagnostic(file, 'yaml/syntax', t('yaml/syntax.unclosed', { which, character: text[open]! }), positionAt(starts, open));
    }
  }
  return fileDiagnostic(file, 'yaml/syntax', t('yaml/syntax.parser', { reason }), at);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}

function countLines(bytes: Uint8Array, upTo: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < upTo; i++) if (bytes[i] === 0x0a) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: upTo - lineStart + 1 };
}
