// The slow, exact reading of YAML 1.2 (the `yaml` package) that decides whenever js-yaml rejects a
// file or may read it differently from the specification. Loaded only for such files.
import { parseAllDocuments, visit, type Document, type YAMLError } from 'yaml';
import { t } from '../i18n/messages.js';
import type { Diagnostic } from '../diagnostics.js';
import { duplicateKeyDiagnostic, emptyFileDiagnostic, fileDiagnostic, inspectTree, multiDocumentDiagnostic, type ParsedSource } from './reading.js';
import { tabInIndentation } from './syntax-hints.js';
import { keyAt, lineStarts, positionAt } from './text-positions.js';
import { duplicateKeyOffsets } from './duplicate-keys.js';
import { YAML_PACKAGE_OPTIONS } from './yaml-options.js';

/** The tags of the YAML 1.2 core schema, and `!` (plain text); any other tag is custom. */
const CORE_TAGS = new Set(['!', ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`)]);

/**
 * Reads `text` with the `yaml` package. `fast` is js-yaml's verdict: when both reject the text,
 * js-yaml's diagnostic is kept (its messages say more, such as where a bracket opens); when `yaml`
 * accepts, its reading is the document, so a valid document is never a syntax error.
 */
export function parseYamlSlow(file: string, text: string, fast: ParsedSource): ParsedSource {
  const slow = readWithYamlPackage(file, text);
  if (slow.value !== undefined || slow.diagnostics.some((d) => d.ruleId !== 'yaml/syntax')) return slow;
  const fastError = fast.diagnostics.find((d) => d.ruleId === 'yaml/syntax');
  return fastError ? { text, diagnostics: [fastError] } : slow;
}

function readWithYamlPackage(file: string, text: string): ParsedSource {
  const documents = parseAll(text);
  const starts = lineStarts(text);
  const at = (offset: number | undefined) => (offset === undefined ? undefined : positionAt(starts, offset));
  const found: Diagnostic[] = [];
  const errors = documents.flatMap((d) => d.errors);
  if (errors.length > 0) return { text, diagnostics: [syntaxDiagnostic(file, text, errors[0]!, at(errors[0]!.pos[0]))] };
  // As on the fast path: a duplicate key is one mistake, reported, and the file read on with the last
  // value winning; the loader then lists every duplicate.
  const duplicate = documents.length === 1 ? duplicateKeyOffsets(documents[0]!)[0] : undefined;
  if (duplicate !== undefined) {
    const key = keyAt(text, duplicate);
    found.push(
      duplicateKeyDiagnostic(file, key, at(duplicate)),
    );
  }
  const duplicateKeys = duplicate !== undefined;
  const empty = (): ParsedSource => ({ text, diagnostics: [emptyFileDiagnostic(file)] });
  if (documents.length === 0) return empty();
  if (documents.length > 1) {
    return { text, diagnostics: [multiDocumentDiagnostic(file, text, documents.length)] };
  }
  const document = documents[0]!;
  const custom = customTag(document, text);
  if (custom) {
    return { text, diagnostics: [fileDiagnostic(file, 'yaml/syntax', t('yaml/syntax.tag', { reason: `unknown tag ${custom.tag}` }), at(custom.offset))] };
  }
  let value: unknown;
  try {
    // Aliases become shared references, not copies; inspectTree bounds what they expand to.
    value = document.toJS({ maxAliasCount: -1 });
  } catch (error) {
    return { text, diagnostics: [fileDiagnostic(file, 'yaml/syntax', t('yaml/syntax.reader', { reason: (error as Error).message }))] };
  }
  if (value == null) return empty();
  const diagnostics = [...found, ...inspectTree(file, value, text.includes('*'))];
  const parsed: ParsedSource = diagnostics.some((d) => d.ruleId === 'yaml/alias-limit') ? { text, diagnostics } : { text, value, diagnostics };
  if (duplicateKeys) parsed.duplicateKeys = true;
  return parsed;
}

/** Duplicate keys are found by duplicateKeyOffsets, in linear time; see there. */
function parseAll(text: string): Document[] {
  return Array.from(parseAllDocuments(text, { ...YAML_PACKAGE_OPTIONS, uniqueKeys: false }) as Iterable<Document>);
}

function syntaxDiagnostic(file: string, text: string, error: YAMLError, at: ReturnType<typeof positionAt> | undefined): Diagnostic {
  // js-yaml accepted the file (else its diagnostic is kept): mostly a tab it lets pass, say, in a
  // bracketed list's next line. Other causes are not guessed at in a file js-yaml reads.
  const hint = at && (error.code === 'TAB_AS_INDENT' || error.code === 'BAD_INDENT') ? tabInIndentation(text, at) : undefined;
  if (hint) return fileDiagnostic(file, 'yaml/syntax', t('yaml/syntax.error', { message: hint.message }), hint.at);
  const reason = error.message.split('\n')[0]!.replace(/\.$/, '');
  return fileDiagnostic(file, 'yaml/syntax', t('yaml/syntax.parser', { reason }), at);
}

/** The first tag outside the core schema, and where it is written. */
function customTag(document: Document, text: string): { tag: string; offset: number } | undefined {
  let found: { tag: string; offset: number } | undefined;
  visit(document, {
    Node(_key, node) {
      const tag = node.tag;
      if (tag === undefined || CORE_TAGS.has(tag)) return undefined;
      const start = node.range?.[0] ?? 0;
      const written = text.lastIndexOf('!', start);
      found = { tag: tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag, offset: written === -1 ? start : written };
      return visit.BREAK;
    },
  });
  return found;
}
