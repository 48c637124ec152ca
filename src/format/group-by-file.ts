// Groups a run's diagnostics by file, in the order the run checked the files, for every formatter.
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';

export interface FileGroup {
  file: string;
  /** In reading order: position, then severity, then rule id. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * One group per checked file, in `files` order, including files without problems (machine formats
 * list every file checked). A diagnostic about a file missing from `files` still gets a group, after
 * the others: dropping it would hide a problem, which is worse than an unexpected entry.
 */
export function groupByFile(diagnostics: readonly Diagnostic[], files: readonly string[]): FileGroup[] {
  const groups = new Map<string, FileGroup>();
  const group = (file: string): FileGroup => {
    let g = groups.get(file);
    if (!g) {
      g = { file, diagnostics: [], errors: 0, warnings: 0, infos: 0 };
      groups.set(file, g);
    }
    return g;
  };
  for (const file of files) group(file);
  // sortDiagnostics orders extra files by name and every file's problems by position.
  for (const d of sortDiagnostics(diagnostics)) {
    const g = group(d.file);
    g.diagnostics.push(d);
    if (d.severity === 'error') g.errors++;
    else if (d.severity === 'warning') g.warnings++;
    else g.infos++;
  }
  return [...groups.values()];
}
