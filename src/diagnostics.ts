// The one result model of lamd: every problem found in a workspace is a Diagnostic.
import type { Text } from './i18n/messages.js';

export type Severity = 'error' | 'warning' | 'info';

/** A position in a file, both 1-based, columns counted in UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Diagnostic {
  /** Path of the file as shown to the user (relative to the working directory, `-` for stdin). */
  file: string;
  /** Where in the file; absent when the problem concerns the file as a whole. */
  range?: Range;
  severity: Severity;
  /** Stable id of the rule that found the problem, e.g. `schema/required` or `roadmap/single-sdg`. */
  ruleId: string;
  /** Written for the person who fixes the file, not for a developer, in the language of the run. */
  message: string;
  /**
   * Stable id of the message in lamd's catalogues (messages/<lang>.json), the same in every
   * language, e.g. `roadmap/single-sdg.other-goal`; absent only for text lamd quotes from elsewhere.
   */
  messageId?: string;
  /** The message before it is put into words: set by the checks, read once by the run's rendering. */
  text?: Text;
  /** JSON Pointer to the value concerned inside the document, when there is one. */
  pointer?: string;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts by file, then position, then severity, so every output lists problems in reading order. */
export function sortDiagnostics<T extends Diagnostic>(diagnostics: readonly T[]): T[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) ||
      (a.range?.start.column ?? 0) - (b.range?.start.column ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

export function summarize(diagnostics: readonly Diagnostic[], files: number): Summary {
  const summary: Summary = { files, errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/** Escapes a key for use in a JSON Pointer (RFC 6901). */
export function pointerSegment(key: string | number): string {
  // Tree walks call this for every key of every document; almost no key needs escaping.
  if (typeof key === 'number') return String(key);
  if (!key.includes('~') && !key.includes('/')) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The JSON Pointer of a walk's path of keys and indices, and of `last` under it when given. */
export function pointerOf(path: ReadonlyArray<string | number>, last?: string | number): string {
  let pointer = '';
  for (const segment of path) pointer += `/${pointerSegment(segment)}`;
  return last === undefined ? pointer : `${pointer}/${pointerSegment(last)}`;
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `/actions/2/start` → `actions[2].start`, the way a YAML reader names a place. */
export function pointerToPath(pointer: string): string {
  let path = '';
  for (const segment of pointerSegments(pointer)) {
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else path += (path ? '.' : '') + (/^[\w-]+$/u.test(segment) ? segment : JSON.stringify(segment));
  }
  return path;
}
