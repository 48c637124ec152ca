// Diagnostics and a FormatContext for the formatter tests: a few files, every awkward character.
import { summarize, type Diagnostic, type Range, type Severity } from '../../src/diagnostics.js';
import { ruleLookup } from '../../src/check/rule-docs.js';
import type { FormatContext } from '../../src/format/context.js';

/** Fixed versions, so outputs do not change when lamd's own do. */
export const TOOL: FormatContext['tool'] = { name: 'lamd', version: '1.2.3', schemaVersion: 1, sdgCodeList: 'SDG test list 2024 <&> "v1"' };

export function range(line: number, column: number, endLine = line, endColumn = column): Range {
  return { start: { line, column }, end: { line: endLine, column: endColumn } };
}

export function diagnostic(file: string, severity: Severity, ruleId: string, message: string, at?: Range, pointer?: string): Diagnostic {
  return { file, severity, ruleId, message, ...(at && { range: at }), ...(pointer !== undefined && { pointer }) };
}

export interface ContextOptions {
  files?: readonly string[];
  texts?: Record<string, string>;
  strict?: boolean;
  color?: boolean;
  /** The terminal width pretty output wraps to. */
  width?: number;
  cwd?: string;
  /** The run's totals when they differ from what is shown (as under --quiet). */
  all?: readonly Diagnostic[];
  suppressions?: FormatContext['suppressions'];
  suppressed?: FormatContext['suppressed'];
  /** lamd's homepage, when the test wants rule links (by default lamd names none). */
  homepage?: string;
  language?: FormatContext['language'];
}

/** A context as the CLI builds it: the real rule registry, fixed versions, no colour. */
export function context(diagnostics: readonly Diagnostic[], options: ContextOptions = {}): FormatContext {
  const files = options.files ?? [...new Set(diagnostics.map((d) => d.file))].sort();
  return {
    tool: options.homepage !== undefined ? { ...TOOL, homepage: options.homepage } : TOOL,
    summary: summarize(options.all ?? diagnostics, files.length),
    files,
    texts: new Map(Object.entries(options.texts ?? {})),
    rule: ruleLookup(options.homepage !== undefined ? { homepage: options.homepage, version: '1.2.3' } : { version: '1.2.3' }),
    strict: options.strict ?? false,
    color: options.color ?? false,
    ...(options.width !== undefined && { width: options.width }),
    cwd: options.cwd ?? '/home/focal point/lamd ws',
    ...(options.suppressions && { suppressions: options.suppressions }),
    ...(options.suppressed && { suppressed: options.suppressed }),
    ...(options.language && { language: options.language }),
  };
}

// --- One scenario used by every format: several files, with and without problems and ranges. ---

export const ROADMAP = 'municipalities/milan/roadmaps/governance.yaml';
export const ROADMAP_TEXT = [
  'kind: roadmap',
  'schema_version: 1',
  'id: governance',
  'municipality: milan',
  'title: Governance of migration',
  'sdg: { goal: 10 }',
  'builds_on: [nowhere]',
  '',
].join('\n');

/** A name with every character that some output must escape: `%`, `,`, `:`, quotes, `<&>`, `|`, Arabic, emoji. */
export const ODD = 'municipalities/الرباط/roadmaps/plan, 50%: "a|b" <&> 🚀.yaml';
export const ODD_TEXT = ['kind: roadmap', 'title: "خطة الهجرة 🚀"', 'note:\t"tab\tinside"', '名前: 東京 🚀 x', ''].join('\n');

export const EMPTY = 'activities/empty.yaml';
export const CLEAN = 'lamd.yaml';
export const PROFILE = 'municipalities/tirana/profile.yaml';

/** A message with every character that some output must escape. */
export const ODD_MESSAGE = 'Value 100% wrong, see: <b>"x" & y</b> | next\nsecond line: مرحبا 👋';

export const MANY: Diagnostic[] = [
  diagnostic(ROADMAP, 'error', 'schema/type', '`sdg.goal` is 10, a number: write it in quotes, "10".', range(6, 14, 6, 16), '/sdg/goal'),
  diagnostic(ROADMAP, 'warning', 'references/practice', '`builds_on[0]` names the practice "nowhere", which has no practice document.', range(7, 13, 7, 20), '/builds_on/0'),
  diagnostic(ODD, 'error', 'schema/required', ODD_MESSAGE, range(2, 8, 2, 23)),
  diagnostic(ODD, 'info', 'settings/unused-suppression', 'This suppression silences nothing: remove it.', range(4, 5, 4, 7)),
  diagnostic(EMPTY, 'error', 'file/empty', 'This file is empty: a document file holds one YAML document.'),
  diagnostic(PROFILE, 'warning', 'custom/not-in-registry', 'A rule the registry does not know still gets a help link.', range(1, 1)),
];

export const FILES = [CLEAN, EMPTY, ROADMAP, ODD, PROFILE];

export const TEXTS: Record<string, string> = { [ROADMAP]: ROADMAP_TEXT, [ODD]: ODD_TEXT, [CLEAN]: 'kind: workspace\n', [PROFILE]: 'kind: profile\n' };

export function manyContext(options: ContextOptions = {}): FormatContext {
  return context(MANY, { files: FILES, texts: TEXTS, ...options });
}

export const ONE: Diagnostic[] = [MANY[0]!];

export function oneContext(options: ContextOptions = {}): FormatContext {
  return context(ONE, { files: [CLEAN, ROADMAP], texts: TEXTS, ...options });
}

export function zeroContext(options: ContextOptions = {}): FormatContext {
  return context([], { files: [CLEAN, ROADMAP, ODD], texts: TEXTS, ...options });
}
