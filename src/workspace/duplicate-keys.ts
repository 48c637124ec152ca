// Every duplicate key of a file, with its position. js-yaml stops at the first; the `yaml` package
// reports them all, and is loaded only for the rare file that has one.
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { lineStarts, positionAt } from './source.js';
import { YAML_PACKAGE_OPTIONS } from './yaml-core.js';

export function duplicateKeyDiagnostics(file: string, text: string): Diagnostic[] {
  const doc = parseDocument(text, YAML_PACKAGE_OPTIONS);
  const starts = lineStarts(text);
  const out: Diagnostic[] = [];
  for (const error of doc.errors) {
    if (error.code !== 'DUPLICATE_KEY') continue;
    const [from, to] = error.pos;
    const key = text.slice(from, to).replace(/\s*:?\s*$/, '').replace(/^["']|["']$/g, '');
    const start = positionAt(starts, from);
    out.push({
      file,
      severity: 'error',
      ruleId: 'yaml/duplicate-key',
      message: `The key ${key && !key.includes('\n') ? `\`${key}\` ` : ''}appears twice in the same mapping; YAML forbids it, and lamd keeps only the last value. Keep one.`,
      range: { start, end: positionAt(starts, Math.max(from, to)) },
    });
  }
  return out;
}
