// Checks loaded documents: schema first, then the workspace (ids, references, dates). Returns
// positioned, sorted diagnostics for the files the user asked about.
import { today } from '../calendar/today.js';
import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import { isRootWorkspaceFile } from '../workspace/kinds.js';
import type { LoadedDocument, LoadResult } from '../workspace/load.js';
import type { Target } from '../workspace/locate.js';
import type { SourceTexts } from '../workspace/texts.js';
import { clipMessage } from './clip.js';
import { checkConsistency } from './consistency.js';
import { walkStrings } from './string-walk.js';
import type { Finding } from './finding.js';
import { indexWorkspace } from './workspace-index.js';
import { checkBranding } from './branding.js';
import { REFERENCE_RULES } from './references/index.js';
import { checkRoadmapItemIds } from './roadmap-item-ids.js';
import { ONE_DOCUMENT_AT_A_TIME, REPORTS_ONLY_ON } from './rule-reach.js';
import { METHOD_RULES } from './method/index.js';
import type { RuleContext } from './method/rule.js';
import { settle, type Suppression } from './settings.js';
import { schemaProblems } from './schema-messages.js';
import { refineMessage, type FromSource } from './source-hints.js';
import { validatorsFor } from './validators-for.js';
import { wording } from './wording.js';
import { render, t, type MessageLanguage, type Text } from '../i18n/messages.js';

export interface CheckOptions {
  /** The date used as "today" by date rules (YYYY-MM-DD); defaults to the current date. */
  today?: string;
  /** The language of the messages (default: English). */
  language?: MessageLanguage;
  /**
   * Road maps whose results are known without checking them again (a valid cache entry, or a road map
   * not reported in this run): they take part in the id index only, and no result is produced for them.
   */
  settled?: ReadonlySet<LoadedDocument>;
}

export interface CheckResult {
  /** Problems in the reported files, positioned and sorted. */
  diagnostics: Diagnostic[];
  /** The files checked, as shown to the user, sorted. */
  files: string[];
  /** Things the user should know about the run itself (printed on stderr, not per file). */
  notes: string[];
  /** Rules silenced by documents, with their reasons, in the reported files. */
  suppressions: Suppression[];
  /** The findings those suppressions silenced, positioned, each with the reason (for SARIF). */
  suppressed: SuppressedDiagnostic[];
}

export interface SuppressedDiagnostic extends Diagnostic {
  justification: string;
}

/** What one reported file contributes to a CheckResult: the unit a cache keeps. Its diagnostics and suppressed ones are that file's, each list sorted (sortDiagnostics). */
export interface FileResult {
  diagnostics: Diagnostic[];
  suppressions: Suppression[];
  suppressed: SuppressedDiagnostic[];
}

/** The results of the files checked in this run, file by file, and the notes about the run. */
export interface CheckedFiles {
  byFile: Map<string, FileResult>;
  notes: string[];
}

interface Pending extends Diagnostic {
  target?: Target;
  fromSource?: FromSource;
}

/**
 * Rules whose findings on one document are drawn from the road maps of the whole workspace: they see
 * every road map, settled ones included (which read their id, municipality and `example` flag from a
 * summary without being parsed). Every other rule reports on a road map from that road map, the
 * other documents and the id index alone, so it sees only the documents being checked. Each is
 * given the kind of the documents it reports on: a check reporting none of them skips it.
 */
const SPANS_ROADMAPS = new Map([
  // Its findings go on lamd.yaml: a check that does not report lamd.yaml (a cached run re-checking
  // a few road maps) has nothing to work out from every road map.
  ['exchange/every-municipality', 'workspace'],
]);

export async function checkLoaded(load: LoadResult, options: CheckOptions = {}): Promise<CheckResult> {
  return assemble(load, await checkFiles(load, options), new Map());
}

/**
 * The CheckResult of a run from its files' results: those checked now, and `known` ones (from the
 * workers of a parallel run) for the files that were not. Diagnostics sort by file first and each
 * file's come sorted, so the files in name order give every diagnostic in sortDiagnostics' order,
 * without comparing each with its neighbours (thousands of long paths on a large workspace).
 */
export function assemble(load: LoadResult, checked: CheckedFiles, known: ReadonlyMap<string, FileResult>): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  // No file is both checked and known: parallel.ts takes the workers' files out of `checked`.
  const parts = [...checked.byFile, ...known].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, part] of parts) {
    diagnostics.push(...part.diagnostics);
    suppressed.push(...part.suppressed);
  }
  // Suppressions are listed in the order of the documents that declare them.
  const suppressions: Suppression[] = [];
  for (const doc of load.documents) {
    const part = checked.byFile.get(doc.file) ?? known.get(doc.file);
    if (part) suppressions.push(...part.suppressions);
  }
  return {
    diagnostics,
    files: [...load.reported].sort(),
    notes: checked.notes,
    suppressions,
    suppressed,
  };
}

/** Checks the loaded documents, except the settled ones, and gives each reported file its results. */
export async function checkFiles(load: LoadResult, options: CheckOptions = {}): Promise<CheckedFiles> {
  const settledDocs = options.settled ?? new Set<LoadedDocument>();
  const open = (f: { doc: LoadedDocument }) => !settledDocs.has(f.doc);
  const checking = settledDocs.size === 0 ? load.documents : load.documents.filter((d) => !settledDocs.has(d));
  const pending: Pending[] = [...load.diagnostics];
  const notes: Text[] = [];

  // The checks of one document alone run only on the files reported: the others' findings would be
  // dropped (the others are still read by the rules that look across documents, below).
  const own = load.reported.size === load.documents.length ? checking : checking.filter((d) => load.reported.has(d.file));
  const rejected = new Map<string, string[]>();
  const unread = new Map<string, number>();
  const validators = await validatorsFor(new Set(own.map((d) => d.kind)));
  for (const doc of own) {
    const validate = validators[doc.kind]!;
    if (validate(doc.value)) continue;
    // A generated file can hold a hundred thousand problems; messages are built for the first ones only.
    const errors = validate.errors ?? [];
    if (errors.length > SCHEMA_ERRORS_READ) unread.set(doc.file, errors.length - SCHEMA_ERRORS_READ);
    for (const problem of schemaProblems(errors.slice(0, SCHEMA_ERRORS_READ), doc.kind)) {
      if (problem.ruleId !== 'schema/required' && problem.ruleId !== 'schema/unknown-property') {
        const list = rejected.get(doc.file);
        if (list) list.push(problem.pointer);
        else rejected.set(doc.file, [problem.pointer]);
      }
      pending.push({ file: doc.file, severity: 'error', ruleId: problem.ruleId, ...words(problem.message), pointer: problem.pointer, target: problem.target, ...(problem.fromSource ? { fromSource: problem.fromSource } : {}) });
    }
  }

  const workspaceFile = load.root ? load.documents.find((d) => d.kind === 'workspace' && d.path !== undefined && isRootWorkspaceFile(d.path, load.root!))?.file : undefined;
  const { index, findings } = indexWorkspace(load.documents, workspaceFile, load.hasStakeholdersFile, load.unloaded);
  if (!index.hasWorkspace) {
    // A lamd.yaml that exists but cannot be read has its own finding; the note must not deny it exists.
    const unreadRoot = load.root !== undefined && load.unloaded.some((path) => isRootWorkspaceFile(path, load.root!));
    const shown = load.diagnostics.some((d) => load.reported.has(d.file) && /(^|[\\/])lamd\.yaml$/.test(d.file));
    notes.push(!unreadRoot ? t('validate.no-workspace-file') : shown ? t('validate.workspace-file-unusable') : t('validate.workspace-file-elsewhere', { root: load.root! }));
  }
  const today_ = options.today ?? today();
  const context: RuleContext = { documents: checking, index, today: today_ };
  const everything: RuleContext = { documents: load.documents, index, today: today_ };
  // The rules that look at one document at a time look only at the reported ones, and a rule that
  // reports on no reported kind is skipped (see rule-reach.ts): one road map named in a workspace
  // loads some eighty other documents for the index, whose own findings would be dropped.
  // The reported documents' strings, walked once for the date checks and privacy/contact-data.
  const strings = walkStrings(own);
  const ownContext: RuleContext = own === checking ? { ...context, strings } : { documents: own, index, today: today_, strings };
  const reportedKinds = new Set(own.map((d) => d.kind));
  const reachesReported = (id: string) => REPORTS_ONLY_ON.get(id)?.some((kind) => reportedKinds.has(kind)) ?? true;
  const workspaceDoc = workspaceFile !== undefined ? load.documents.find((d) => d.file === workspaceFile) : undefined;
  const all: Finding[] = [...findings.filter(open), ...referenceFindings(context, ownContext), ...strings.dates, ...checkBranding(workspaceDoc && open({ doc: workspaceDoc }) ? workspaceDoc : undefined, load.root), ...checkConsistency(own, context.today)];
  for (const rule of METHOD_RULES) {
    if (!reachesReported(rule.meta.id)) continue;
    const spans = SPANS_ROADMAPS.get(rule.meta.id);
    if (ONE_DOCUMENT_AT_A_TIME.has(rule.meta.id)) all.push(...rule.check(ownContext));
    else if (spans === undefined || settledDocs.size === 0) all.push(...rule.check(context));
    else if (checking.some((d) => d.kind === spans && load.reported.has(d.file))) all.push(...rule.check(everything).filter(open));
  }

  const settled = settle(all.filter((f) => !restsOnRejected(f, rejected.get(f.doc.file))), checking, index.workspace);
  for (const f of settled.findings) pending.push(toPending(f));

  const reported = capPerFile(pending.filter((d) => load.reported.has(d.file)), unread);
  const silenced = settled.suppressed
    .filter((f) => load.reported.has(f.doc.file))
    .map((f): Pending & { justification: string } => ({ ...toPending(f), justification: f.justification }));
  // One pass, so a file with findings of both kinds is parsed for positions once.
  const language = options.language ?? 'en';
  const putIntoWords = wording(language);
  const located = await locateAll([...reported, ...silenced], load.texts, putIntoWords, language);

  const byFile = new Map<string, FileResult>();
  const part = (file: string): FileResult => {
    let found = byFile.get(file);
    if (!found) byFile.set(file, (found = { diagnostics: [], suppressions: [], suppressed: [] }));
    return found;
  };
  for (const file of load.reported) if (!settledFiles(settledDocs).has(file)) part(file);
  // Dealt out to their files, then each file's sorted on its own: the order sorting them all gives,
  // without comparing thousands of long paths. A file first met here is added in name order, as then.
  const found = located.slice(0, reported.length);
  const foundSilenced = located.slice(reported.length) as SuppressedDiagnostic[];
  for (const file of filesNotIn(byFile, found)) part(file);
  for (const d of found) part(d.file).diagnostics.push(d);
  for (const file of filesNotIn(byFile, foundSilenced)) part(file);
  for (const d of foundSilenced) part(d.file).suppressed.push(d);
  for (const result of byFile.values()) {
    if (result.diagnostics.length > 1) result.diagnostics = sortDiagnostics(result.diagnostics);
    if (result.suppressed.length > 1) result.suppressed = sortDiagnostics(result.suppressed);
  }
  for (const s of settled.suppressions) if (load.reported.has(s.file)) part(s.file).suppressions.push(s);
  return { byFile, notes: notes.map((note) => render(language, note)) };
}

/** The files of `diagnostics` that have no result yet, in name order. */
function filesNotIn(byFile: ReadonlyMap<string, FileResult>, diagnostics: readonly Diagnostic[]): string[] {
  const files = new Set<string>();
  for (const d of diagnostics) if (!byFile.has(d.file)) files.add(d.file);
  return [...files].sort();
}

const settledFileNames = new WeakMap<ReadonlySet<LoadedDocument>, Set<string>>();
function settledFiles(settled: ReadonlySet<LoadedDocument>): Set<string> {
  let names = settledFileNames.get(settled);
  if (!names) settledFileNames.set(settled, (names = new Set([...settled].map((d) => d.file))));
  return names;
}

/**
 * The references rules' findings and the road maps' own ids, document by document: the order in which
 * a file's findings are kept when there are more than MAX_PROBLEMS_PER_FILE. Those that look at one
 * document at a time are given `ownContext`'s documents, the reported ones.
 */
function referenceFindings(context: RuleContext, ownContext: RuleContext): Finding[] {
  const found = [...REFERENCE_RULES.flatMap((rule) => rule.check(ONE_DOCUMENT_AT_A_TIME.has(rule.meta.id) ? ownContext : context)), ...checkRoadmapItemIds(ownContext.documents)];
  const order = new Map(context.documents.map((doc, i) => [doc, i]));
  return found.sort((a, b) => order.get(a.doc)! - order.get(b.doc)!);
}

/** Whether a finding's advice rests on a value the schema already rejected (a follow-on finding). */
function restsOnRejected(finding: Finding, rejected: readonly string[] | undefined): boolean {
  if (!rejected) return false;
  const inside = (p: string, q: string) => p === q || p.startsWith(q + '/');
  // The finding's own value rejected, or one of its dependencies rejected in whole or in part.
  // A reference stays: for `stakeholder: Welfare Area` its "did you mean `welfare`?" is the fix.
  if (finding.pointer !== '' && !finding.ruleId.startsWith('references/') && rejected.some((r) => inside(finding.pointer, r))) return true;
  return (finding.dependsOn ?? []).some((dep) => rejected.some((r) => inside(r, dep) || inside(dep, r)));
}

/**
 * Problems listed per file. Past it, one more finding says how many were left out: a file of
 * thousands of problems is generated or pasted, its first problems say what is wrong, and listing
 * them all would cost time and memory far beyond the file's size (issue 18).
 */
export const MAX_PROBLEMS_PER_FILE = 500;
/** Schema errors per document turned into messages (each may become one problem, or merge with others). */
const SCHEMA_ERRORS_READ = 4 * MAX_PROBLEMS_PER_FILE;

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

function capPerFile(diagnostics: Pending[], unread: ReadonlyMap<string, number>): Pending[] {
  const byFile = new Map<string, number>();
  const dropped = new Map<string, Pending[]>();
  const out: Pending[] = [];
  for (const d of diagnostics) {
    const n = (byFile.get(d.file) ?? 0) + 1;
    byFile.set(d.file, n);
    if (n <= MAX_PROBLEMS_PER_FILE) out.push(d);
    else (dropped.get(d.file) ?? dropped.set(d.file, []).get(d.file)!).push(d);
  }
  for (const file of new Set([...dropped.keys(), ...unread.keys()])) {
    if (!byFile.has(file)) continue;
    const left = dropped.get(file) ?? [];
    const more = left.length + (unread.get(file) ?? 0);
    // The finding takes the worst severity and the most frequent rule of what it stands for.
    const pool = left.length > 0 ? left : diagnostics.filter((d) => d.file === file);
    const severity = pool.reduce((worst, d) => (SEVERITY_RANK[d.severity] < SEVERITY_RANK[worst] ? d.severity : worst), pool[0]!.severity);
    const counts = new Map<string, number>();
    for (const d of pool) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
    const ruleId = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    out.push({
      file,
      severity,
      ruleId,
      ...words(t('lamd.more-problems', { more, max: MAX_PROBLEMS_PER_FILE })),
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    });
  }
  return out;
}

/** A settled finding as a diagnostic still to be positioned. */
function toPending(f: Finding & { severity: Diagnostic['severity'] }): Pending {
  return { file: f.doc.file, severity: f.severity, ruleId: f.ruleId, ...words(f.message), pointer: f.pointer, ...(f.target ? { target: f.target } : {}) };
}

/** A message as a diagnostic carries it until the run's language is known. */
function words(message: Text | string): { message: string; text?: Text } {
  return typeof message === 'string' ? { message } : { message: message.id, text: message };
}

/**
 * Gives every diagnostic with a pointer its source range (positions are parsed only for those files)
 * and puts it into the run's language, with its message id and long quotations clipped: one copy of
 * each pending diagnostic, whose keys keep their order (range and messageId come last when added).
 */
async function locateAll(pending: Pending[], texts: SourceTexts, putIntoWords: (text: Text) => string, language: MessageLanguage): Promise<Diagnostic[]> {
  const needs = pending.some((d) => d.pointer !== undefined && !d.range && texts.has(d.file));
  const { createLocator } = needs ? await import('../workspace/locate.js') : { createLocator: undefined };
  const locators = new Map<string, ReturnType<NonNullable<typeof createLocator>>>();
  const lines = new Map<string, string[]>();
  return pending.map(({ target, fromSource, text, ...d }) => {
    let said = text;
    const source = d.range || d.pointer === undefined || !createLocator ? undefined : texts.get(d.file);
    if (source !== undefined) {
      let locate = locators.get(d.file);
      if (!locate) locators.set(d.file, (locate = createLocator!(source, texts.blockRead?.(d.file) ?? false)));
      d.range = locate(d.pointer!, target);
      if (d.ruleId.startsWith('schema/')) {
        let fileLines = lines.get(d.file);
        if (!fileLines) lines.set(d.file, (fileLines = source.split('\n').map((l) => l.replace(/\r$/, ''))));
        said = refineMessage({ ...d, ...(text ? { text } : {}) }, fileLines, fromSource);
      }
    }
    d.message = said ? putIntoWords(said) : clipMessage(d.message, language);
    if (said) d.messageId = said.id;
    return d;
  });
}
