// Which documents a report may be built from: a report needs only the files it reads to be free of
// errors (one partner's draft never blocks another municipality's report), and a draft report
// takes documents with errors as long as their shape is sound enough to render.
import type { Diagnostic } from '../diagnostics.js';
import type { LoadedDocument } from '../workspace/load.js';

export interface ReportScopeOptions {
  /** The municipality the report is about (`-m`); undefined: the whole network. */
  focus?: string;
  /** Write despite errors (`--draft`). */
  draft?: boolean;
  /** The workspace file as shown to the user (lamd.yaml). */
  workspaceFile?: string;
}

export interface FileErrors {
  file: string;
  errors: number;
}

export interface ReportScope {
  /** The documents the report is built from. */
  documents: LoadedDocument[];
  /** Errors that stop the report: in the files it reads (or, for a draft, that it cannot render). */
  blocking: Diagnostic[];
  /** Files with errors that the report reads anyway (only in a draft). */
  unchecked: FileErrors[];
  /** Files with errors that the report leaves out. */
  leftOut: FileErrors[];
}

/**
 * Errors that leave a document's shape unknown: a draft cannot render from it. A field lamd does
 * not know is only ignored; a wrong reference, date or method finding leaves the shape intact.
 */
function structural(ruleId: string): boolean {
  return ruleId !== 'schema/unknown-property' && /^(schema|yaml|file|document)\//.test(ruleId);
}

/** Whether a file belongs to another municipality than `focus`, by its folder. */
function otherMunicipalityPath(file: string, focus: string): boolean {
  const m = /(?:^|[\\/])municipalities[\\/]([^\\/]+)[\\/]/.exec(file);
  return m !== null && m[1] !== focus;
}

/** Whether the report on `focus` reads this document. */
function reads(doc: LoadedDocument, focus: string | undefined, workspaceFile: string | undefined): boolean {
  if (focus === undefined || doc.kind === 'workspace' || doc.kind === 'stakeholders' || doc.file === workspaceFile) return true;
  const v = doc.value;
  if (doc.kind === 'activity') {
    const list = Array.isArray(v.municipalities) ? v.municipalities : [];
    // A network-wide activity (no municipality named) is part of every municipality's report.
    return list.length === 0 || list.includes(focus);
  }
  if (typeof v.municipality === 'string') return v.municipality === focus;
  return !otherMunicipalityPath(doc.file, focus);
}

export function reportScope(documents: readonly LoadedDocument[], diagnostics: readonly Diagnostic[], options: ReportScopeOptions = {}): ReportScope {
  const errors = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) if (d.severity === 'error') errors.set(d.file, [...(errors.get(d.file) ?? []), d]);
  const count = (file: string): FileErrors => ({ file, errors: errors.get(file)?.length ?? 0 });

  const scope: ReportScope = { documents: [], blocking: [], unchecked: [], leftOut: [] };
  const seen = new Set<string>();
  for (const doc of documents) {
    seen.add(doc.file);
    const found = errors.get(doc.file);
    if (!found) {
      scope.documents.push(doc);
      continue;
    }
    const isWorkspace = doc.file === options.workspaceFile;
    if (!isWorkspace && !reads(doc, options.focus, options.workspaceFile)) {
      scope.leftOut.push(count(doc.file));
    } else if (!options.draft) {
      scope.blocking.push(...found);
    } else if (found.some((d) => structural(d.ruleId))) {
      // Its shape is unknown: the workspace file cannot be done without, any other is left out.
      if (isWorkspace) scope.blocking.push(...found.filter((d) => structural(d.ruleId)));
      else scope.leftOut.push(count(doc.file));
    } else {
      scope.documents.push(doc);
      scope.unchecked.push(count(doc.file));
    }
  }
  // Files that could not be read at all (syntax errors): in scope they block, unless it is a draft.
  for (const [file, found] of errors) {
    if (seen.has(file)) continue;
    const inScope = options.focus === undefined || !otherMunicipalityPath(file, options.focus);
    if (inScope && (!options.draft || file === options.workspaceFile)) scope.blocking.push(...found);
    else scope.leftOut.push(count(file));
  }
  return scope;
}

export interface ExampleCount {
  /** Kind (or `stakeholder` for a registry entry) → how many were left out. */
  byKind: Map<string, number>;
  total: number;
}

/**
 * The documents without those marked `example: true` (and registries without their example
 * entries): examples written by `lamd init` must not count in a real report's totals.
 */
export function withoutExamples(documents: readonly LoadedDocument[]): { documents: LoadedDocument[]; examples: ExampleCount } {
  const examples: ExampleCount = { byKind: new Map(), total: 0 };
  const add = (kind: string) => {
    examples.byKind.set(kind, (examples.byKind.get(kind) ?? 0) + 1);
    examples.total++;
  };
  const kept: LoadedDocument[] = [];
  for (const doc of documents) {
    if (doc.value.example === true) {
      add(doc.kind);
      continue;
    }
    const entries = doc.kind === 'stakeholders' && Array.isArray(doc.value.stakeholders) ? (doc.value.stakeholders as unknown[]) : undefined;
    const real = entries?.filter((e) => !(e && typeof e === 'object' && (e as { example?: unknown }).example === true));
    if (entries && real && real.length !== entries.length) {
      for (let i = real.length; i < entries.length; i++) add('stakeholder');
      kept.push({ ...doc, value: { ...doc.value, stakeholders: real } });
    } else {
      kept.push(doc);
    }
  }
  return { documents: kept, examples };
}
