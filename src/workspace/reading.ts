// What reading one file gives, the limits of reading, and the problems both YAML readers (js-yaml's
// fast path and the `yaml` package's slow one) report in the same words.
import type { Diagnostic, Position } from '../diagnostics.js';
import { said, t, type Text } from '../i18n/messages.js';
import { pointerSegment } from '../diagnostics.js';
import { secondDocumentStart } from './text-positions.js';

/**
 * Largest text the slow path (the `yaml` package) reads: it takes ten to fifty times js-yaml's time,
 * so a larger file keeps js-yaml's verdict, within the time bound of issue 18. Documented in the
 * README ("How lamd reads YAML"); lamd's documents are a few kilobytes to a few tens.
 */
export const MAX_SLOW_PATH_CHARS = 128 * 1024;
/** Levels of nested lists and mappings js-yaml reads: its own default (maxDepth), kept on purpose. */
export const MAX_DEPTH = 100;
/** Nodes visited per document before lamd stops: guards against alias bombs ("billion laughs"). */
export const MAX_NODES = 200_000;

export interface ParsedSource {
  /** The decoded text, when the bytes were readable as UTF-8. */
  text?: string;
  /** The document's value, when the file holds exactly one YAML document lamd can check. */
  value?: unknown;
  diagnostics: Diagnostic[];
  /** The file has duplicate keys; `diagnostics` names the first, the loader finds them all. */
  duplicateKeys?: boolean;
  /**
   * js-yaml's reading cannot be trusted for this text (it rejected it, or the text holds a construct
   * where js-yaml is known to depart from YAML 1.2): the `yaml` package decides (see yaml-slow.ts).
   */
  slowPath?: boolean;
  /** The block reader (yaml-block.ts) read the text: positions can be found by walking its lines (locate.ts). */
  blockRead?: boolean;
}

export function fileDiagnostic(file: string, ruleId: string, message: Text, at?: Position): Diagnostic {
  const d: Diagnostic = { file, severity: 'error', ruleId, ...said(message) };
  if (at) d.range = { start: at, end: at };
  return d;
}

/** A key given twice in one mapping; `key` is undefined where it cannot be read back from the text. */
export function duplicateKeyDiagnostic(file: string, key: string | undefined, at?: Position): Diagnostic {
  return fileDiagnostic(file, 'yaml/duplicate-key', key ? t('yaml/duplicate-key.twice', { key }) : t('yaml/duplicate-key.twice-unnamed'), at);
}

/** A file that holds no document, only comments (or nothing). */
export function emptyFileDiagnostic(file: string): Diagnostic {
  return fileDiagnostic(file, 'file/empty', t('file/empty.no-document'));
}

/** A file that holds `count` documents, pointed at the start of the second. */
export function multiDocumentDiagnostic(file: string, text: string, count: number): Diagnostic {
  return fileDiagnostic(
    file,
    'file/multi-document',
    t('file/multi-document.several', { count }),
    secondDocumentStart(text),
  );
}

/**
 * Walks the parsed tree once: finds `__proto__` keys (harmless in lamd's own objects, but a classic
 * prototype-pollution vector for anything downstream) and stops documents whose aliases expand
 * without bound.
 */
export function inspectTree(file: string, root: unknown, hasAliases: boolean): Diagnostic[] {
  // The common case, a document with no `__proto__` key and within the bound, is walked once without
  // building a pointer per node; the walk that names where a problem is runs only when there is one.
  if (withinBounds(root)) return [];
  return inspectTreeSlowly(file, root, hasAliases);
}

/** Counts the nodes; false when the document needs inspectTreeSlowly (a `__proto__` key, or too many nodes). */
function withinBounds(root: unknown): boolean {
  let visited = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (++visited > MAX_NODES) return false;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const item: unknown = node[i];
        if (item !== null && typeof item === 'object') stack.push(item);
        else visited++;
      }
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (key === '__proto__') return false;
        const value = record[key];
        if (value !== null && typeof value === 'object') stack.push(value);
        else visited++;
      }
    }
  }
  return visited <= MAX_NODES;
}

function inspectTreeSlowly(file: string, root: unknown, hasAliases: boolean): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let visited = 0;
  const stack: Array<[unknown, string]> = [[root, '']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (++visited > MAX_NODES) {
      diagnostics.push({
        file,
        severity: 'error',
        ruleId: 'yaml/alias-limit',
        ...said(hasAliases ? t('yaml/alias-limit.aliases', { max: MAX_NODES }) : t('yaml/alias-limit.values', { max: MAX_NODES })),
        range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      });
      return diagnostics;
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${pointer}/${i}`]);
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const child = `${pointer}/${pointerSegment(key)}`;
        if (key === '__proto__') {
          diagnostics.push({
            file,
            severity: 'error',
            ruleId: 'document/unsafe-key',
            ...said(t('document/unsafe-key.proto')),
            pointer: child,
          });
          // Reported, then removed (an own property; no prototype is touched), so the rest of the
          // document is still checked without it.
          delete record[key];
          continue;
        }
        stack.push([record[key], child]);
      }
    }
  }
  return diagnostics;
}
