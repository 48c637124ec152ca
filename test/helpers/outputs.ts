// Checks shared by the format tests and the end-to-end tests: the output formats' own grammars.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import { FIXTURES } from './lamd.js';

// ajv ships CommonJS; under NodeNext the default import is the module object, whose `default` is the class.
const AjvDraft04 = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;

const sarifSchema = JSON.parse(readFileSync(join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')) as object;
// The OASIS schema uses keywords ajv's strict mode does not know; validation itself stays exact.
const ajv = new AjvDraft04({ strict: false, allErrors: true });
addFormats(ajv);
/** The official SARIF 2.1.0 schema, compiled: true when a log is valid. */
export const validateSarif = ajv.compile(sarifSchema);

/** Parses a SARIF log and asserts it is valid against the official SARIF 2.1.0 schema. */
export function sarif(output: string): any {
  const log = JSON.parse(output);
  validateSarif(log);
  expect(validateSarif.errors ?? [], 'valid SARIF 2.1.0').toEqual([]);
  return log;
}

/** One GitHub Actions annotation: `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`. */
export const GITHUB_ANNOTATION = /^::(error|warning|notice) file=[^,:\r\n]+(,line=\d+,endLine=\d+,col=\d+,endColumn=\d+)?,title=[^,:\r\n]+::[^\r\n]+$/;

/** Text of HTML or XML with its five escapes undone (`&amp;` last, so `&amp;lt;` stays `&lt;`). */
export function unescapeMarkup(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
}
