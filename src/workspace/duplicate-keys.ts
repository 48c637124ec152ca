// Every duplicate key of a file, with its position. js-yaml stops at the first; the `yaml` package
// reports them all, and is loaded only for the rare file that has one, of a size it reads quickly.
import { isScalar, parseDocument, visit, type Document } from 'yaml';
import { said, t } from '../i18n/messages.js';
import type { Diagnostic } from '../diagnostics.js';
import { MAX_SLOW_PATH_CHARS } from './reading.js';
import { keyAt, lineStarts, positionAt } from './text-positions.js';
import { YAML_PACKAGE_OPTIONS } from './yaml-options.js';

/** Duplicate keys listed per file; a file of thousands is generated, and its first ones say enough. */
export const MAX_DUPLICATE_KEYS = 100;

/** All duplicate keys of `text`, or none when it is too large to read twice (js-yaml's first one stands). */
export function duplicateKeyDiagnostics(file: string, text: string): Diagnostic[] {
  if (text.length > MAX_SLOW_PATH_CHARS) return [];
  const doc = parseDocument(text, { ...YAML_PACKAGE_OPTIONS, uniqueKeys: false });
  const starts = lineStarts(text);
  const out: Diagnostic[] = [];
  const duplicates = duplicateKeyOffsets(doc);
  for (const from of duplicates.slice(0, MAX_DUPLICATE_KEYS)) {
    const key = keyAt(text, from);
    // The range covers the key as written (quotes included), up to its colon.
    const written = /^("[^"\n]*"|'[^'\n]*'|[^:#\n]+?)\s*:/.exec(text.slice(from, from + 1024))?.[1];
    const start = positionAt(starts, from);
    out.push({
      file,
      severity: 'error',
      ruleId: 'yaml/duplicate-key',
      ...said(key ? t('yaml/duplicate-key.last-kept', { key }) : t('yaml/duplicate-key.last-kept-unnamed')),
      range: { start, end: positionAt(starts, from + (written?.length ?? 1)) },
    });
  }
  if (duplicates.length > MAX_DUPLICATE_KEYS) {
    const more = duplicates.length - MAX_DUPLICATE_KEYS;
    out.push({ file, severity: 'error', ruleId: 'yaml/duplicate-key', ...said(t('yaml/duplicate-key.more', { more, max: MAX_DUPLICATE_KEYS })) });
  }
  return out;
}

/**
 * Where each repeated key of a mapping is written (every occurrence after the first), in the order
 * of the text. The `yaml` package's own check (uniqueKeys) compares each key with every key before
 * it, which takes seconds on a mapping of 20,000 keys; a set per mapping keeps it linear. Keys are
 * the same when they are scalars of the same type and value, as the package compares them.
 */
export function duplicateKeyOffsets(doc: Document): number[] {
  const out: number[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        if (key !== null && !isScalar(key)) continue;
        const id = key === null ? 'empty' : `${typeof key.value}:${String(key.value)}`;
        if (seen.has(id)) out.push((key === null ? undefined : key.range?.[0]) ?? map.range?.[0] ?? 0);
        else seen.add(id);
      }
    },
  });
  return out.sort((a, b) => a - b);
}
