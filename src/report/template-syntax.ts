// What is wrong in a template or catalogue a workspace brings, said where it is (line:column) and in
// the person's language: Mustache and JSON.parse say it in English, at a character offset or at none.
import { t, type Text } from '../i18n/messages.js';
import { lineStarts, positionAt } from '../workspace/text-positions.js';

function at(text: string, offset: number): { line: number; column: number } {
  return positionAt(lineStarts(text), Math.max(0, Math.min(offset, text.length)));
}

/**
 * Mustache's section tags in order with the default delimiters (the only ones lamd's templates use),
 * and its comments and delimiter changes, which end a scan for them.
 */
const SECTION_TAG = /\{\{![\s\S]*?\}\}|\{\{=|\{\{\s*([#^/])\s*([^}]*?)\s*\}\}/g;

/** The tag that opens the section `name` left open at the end of `text`: the innermost one still open. */
function unclosedSection(text: string, name: string): { offset: number; tag: string } | undefined {
  const open: Array<{ name: string; offset: number; tag: string }> = [];
  for (const tag of text.matchAll(SECTION_TAG)) {
    // A tag inside a comment is no tag; past other delimiters, `{{#` is no tag either.
    if (tag[0] === '{{=') break;
    if (tag[1] === undefined) continue;
    if (tag[1] === '/') open.pop();
    else open.push({ name: tag[2]!, offset: tag.index, tag: tag[0] });
  }
  const last = open.at(-1);
  return last?.name === name ? last : undefined;
}

/** Where the tag that Mustache finds unclosed starts: the first `{{` after which no `}}` follows. */
function unclosedTagStart(text: string): number | undefined {
  for (let from = 0; ; ) {
    const opening = text.indexOf('{{', from);
    if (opening === -1) return undefined;
    const closing = text.indexOf('}}', opening + 2);
    if (closing === -1) return opening;
    from = closing + 2;
  }
}

/**
 * The catalogue message for Mustache's parse error `message` in the template `file` whose text is
 * `text`; undefined for an error of another kind, which the caller reports as Mustache words it.
 */
export function mustacheSyntaxError(file: string, text: string, message: string): Text | undefined {
  const unopened = /^Unopened section "(.*)" at (\d+)$/.exec(message);
  if (unopened) {
    const [, name, offset] = unopened;
    return t('template.unopened-section', { file, ...at(text, Number(offset)), open: `{{#${name}}}`, close: `{{/${name}}}` });
  }
  const unclosed = /^Unclosed section "(.*)" at (\d+)$/.exec(message);
  if (unclosed) {
    const [, name, offset] = unclosed as unknown as [string, string, string];
    const open = `{{#${name}}}`;
    const close = `{{/${name}}}`;
    // Mustache says "unclosed" both at the end of the template and at a closing tag for another section.
    const found = /^\{\{\s*\/\s*([^}]*?)\s*\}\}/.exec(text.slice(Number(offset)));
    if (found) return t('template.mismatched-section', { file, ...at(text, Number(offset)), found: found[0], open, close });
    const start = unclosedSection(text, name);
    // Not found (other delimiters, or tags lamd cannot follow): where Mustache gave up, the end of the file.
    if (!start) return t('template.unclosed-section-at-end', { file, ...at(text, Number(offset)), name });
    return t('template.unclosed-section', { file, ...at(text, start.offset), open: start.tag, close });
  }
  const tag = /^Unclosed tag at (\d+)$/.exec(message);
  if (tag) return t('template.unclosed-tag', { file, ...at(text, unclosedTagStart(text) ?? Number(tag[1])), open: '{{', close: '}}' });
  return undefined;
}

/** How a catalogue's JSON goes wrong, and where (an offset into its text). */
export type JsonProblem =
  | { kind: 'end'; offset: number }
  | { kind: 'unexpected'; offset: number; found: string; expected: 'value' | 'key' | 'comma' | 'colon' | 'end' }
  | { kind: 'trailing-comma'; offset: number }
  | { kind: 'control'; offset: number }
  | { kind: 'escape'; offset: number; found: string };

class Stop {
  constructor(readonly problem: JsonProblem) {}
}

const JSON_LITERAL = /true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * The first thing in `text` that is not JSON (RFC 8259), found by reading it as JSON.parse does; undefined
 * when there is none, or when the text nests too deeply to follow.
 */
export function jsonProblem(text: string): JsonProblem | undefined {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (problem: JsonProblem): never => {
    throw new Stop(problem);
  };
  const unexpected = (expected: 'value' | 'key' | 'comma' | 'colon' | 'end'): never =>
    i >= text.length ? fail({ kind: 'end', offset: text.length }) : fail({ kind: 'unexpected', offset: i, found: String.fromCodePoint(text.codePointAt(i)!), expected });
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail({ kind: 'end', offset: text.length });
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail({ kind: 'control', offset: i });
      if (c === 0x5c) {
        const escape = text.slice(i, text[i + 1] === 'u' ? i + 6 : i + 2);
        if (!/^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})$/.test(escape)) fail(i + 1 >= text.length ? { kind: 'end', offset: text.length } : { kind: 'escape', offset: i, found: escape });
        i += escape.length;
      } else {
        i++;
      }
    }
  };
  const group = (close: '}' | ']') => {
    i++;
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      space();
      if (close === '}') {
        if (text[i] !== '"') unexpected('key');
        string();
        space();
        if (text[i] !== ':') unexpected('colon');
        i++;
      }
      value();
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      if (text[i] !== ',') unexpected('comma');
      const comma = i++;
      space();
      if (text[i] === close) fail({ kind: 'trailing-comma', offset: comma });
    }
  };
  const value = (): void => {
    space();
    if (text[i] === '{') return group('}');
    if (text[i] === '[') return group(']');
    if (text[i] === '"') return string();
    JSON_LITERAL.lastIndex = i;
    if (JSON_LITERAL.test(text)) i = JSON_LITERAL.lastIndex;
    else unexpected('value');
  };
  try {
    value();
    space();
    if (i < text.length) unexpected('end');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.problem;
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The catalogue message for the JSON of `file` that JSON.parse refused; undefined when lamd cannot tell where. */
export function jsonSyntaxError(file: string, text: string): Text | undefined {
  const problem = jsonProblem(text);
  if (!problem) return undefined;
  const where = { file, ...at(text, problem.offset) };
  switch (problem.kind) {
    case 'end':
      return t('catalogue.json-end', where);
    case 'unexpected':
      return t('catalogue.json-unexpected', { ...where, found: problem.found, expected: problem.expected });
    case 'trailing-comma':
      return t('catalogue.json-trailing-comma', where);
    case 'control':
      return t('catalogue.json-control', where);
    case 'escape':
      return t('catalogue.json-escape', { ...where, found: problem.found });
  }
}
