// Adds an entry to a list in a person's YAML file (the municipalities of lamd.yaml, the registry of
// stakeholders.yaml) without disturbing the rest: every comment, the key order, quoting and
// spacing stay as written. The `yaml` Document API finds the list and its last item; the entry's
// lines are inserted after that item, and the result is parsed again to prove that exactly one entry
// was added. Lists lamd cannot extend line by line (flow style, `[…]`) are rebuilt through the
// Document API, which still keeps comments and key order.
import { isDeepStrictEqual } from 'node:util';
import YAML, { isMap, isSeq, type Document, type YAMLSeq } from 'yaml';
import { YAML_PACKAGE_OPTIONS } from '../workspace/yaml-options.js';
import { t } from '../i18n/messages.js';
import { UsageError } from '../errors.js';

function parse(text: string, file: string): Document.Parsed {
  const doc = YAML.parseDocument(text, YAML_PACKAGE_OPTIONS);
  if (doc.errors.length) {
    throw new UsageError(t('new.workspace-not-yaml', { file, error: doc.errors[0]!.message.split('\n')[0]! }));
  }
  if (!isMap(doc.contents)) throw new UsageError(t('new.not-a-mapping', { file }));
  return doc;
}

/** The single item of an entry template (`- key: value` lines). */
function entryValue(entry: string): unknown {
  const value = YAML.parse(entry, YAML_PACKAGE_OPTIONS) as unknown;
  if (!Array.isArray(value) || value.length !== 1) throw new Error('lamd entry template must hold one list item; this is a bug in lamd.');
  return value[0];
}

/**
 * `text` with `entry` (YAML text of a one-item list, comments allowed) appended to the list under
 * the top-level `key`; the list is created when the key is absent.
 */
export function appendToList(text: string, key: string, entry: string, file: string): string {
  const doc = parse(text, file);
  const before = doc.toJS() as Record<string, unknown>;
  const existing = before[key];
  if (existing !== undefined && existing !== null && !Array.isArray(existing)) {
    throw new UsageError(t('new.not-a-list', { key, file }));
  }
  const expected = { ...before, [key]: [...((existing as unknown[] | null | undefined) ?? []), entryValue(entry)] };
  const proves = (candidate: string) => {
    const after = YAML.parseDocument(candidate, YAML_PACKAGE_OPTIONS);
    return after.errors.length === 0 && isDeepStrictEqual(after.toJS(), expected);
  };

  const node = doc.get(key, true);
  if (isSeq(node) && !node.flow && node.items.length > 0) {
    const spliced = spliceAfterLastItem(text, node, entry);
    if (spliced !== undefined && proves(spliced)) return spliced;
  }
  const rebuilt = rebuild(doc, key, entry, text);
  if (proves(rebuilt)) return rebuilt;
  throw new Error(`lamd could not add the entry to ${file} safely; this is a bug in lamd. Nothing was written.`);
}

function spliceAfterLastItem(text: string, seq: YAMLSeq, entry: string): string | undefined {
  const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] } | undefined;
  if (!last?.range) return undefined;
  const lineStart = text.lastIndexOf('\n', last.range[0] - 1) + 1;
  const dash = /^( *)- +$/.exec(text.slice(lineStart, last.range[0]));
  if (!dash) return undefined;
  const indent = dash[1]!;
  // The end of the last item's last line of content…
  let end = last.range[1];
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  const eol = text.indexOf('\n', end);
  let at = eol === -1 ? text.length : eol + 1;
  // …and of the comment lines indented under it, which belong to it.
  for (;;) {
    const next = text.indexOf('\n', at);
    const line = text.slice(at, next === -1 ? text.length : next);
    const comment = /^( *)#/.exec(line);
    if (!comment || comment[1]!.length <= indent.length || at >= text.length) break;
    at = next === -1 ? text.length : next + 1;
  }
  const lines = entry.replace(/\n+$/, '').split('\n').map((l) => (l.trim() ? `${indent}${l}` : ''));
  const head = text.slice(0, at);
  return `${head}${head.endsWith('\n') || head === '' ? '' : '\n'}${lines.join('\n')}\n${text.slice(at)}`;
}

function rebuild(doc: Document.Parsed, key: string, entry: string, original: string): string {
  const entryDoc = YAML.parseDocument(entry, YAML_PACKAGE_OPTIONS);
  const item = (entryDoc.contents as YAMLSeq).items[0]!;
  const node = doc.get(key, true);
  if (isSeq(node)) node.items.push(item);
  else doc.set(key, doc.createNode([entryDoc.toJS()[0]]));
  // Keep the file's own habit for spacing inside `[…]` and `{…}`.
  const padded = (original.match(/[[{] \S/g) ?? []).length;
  const tight = (original.match(/[[{][^\s\]}]/g) ?? []).length;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: padded > tight });
}
