// Issue 12's contract: `lamd report all --lang X` on the bundled examples contains no fixed phrase of
// a language other than X. Every text of every other catalogue is looked for in the reports, once the
// documents' own text (every string of every YAML file, as reports escape it) and the SDG titles lamd
// ships are set aside: those are the documents' and the UN's words, not lamd's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { compileMessage } from '../../src/i18n/format.js';
import { REPORT_LANGUAGES } from '../../src/report/i18n.js';
import { md, mdParagraphs } from '../../src/report/markdown.js';
import { runLamd, tempDir } from '../helpers/lamd.js';
import { readReportCatalogue, REPO } from './helpers.js';


interface AstNode {
  type: number;
  value?: string;
  options?: Record<string, { value: AstNode[] }>;
}

/** The fixed text of a message, piece by piece (between its values, in every plural or select form). */
function literals(source: string): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly AstNode[]) => {
    for (const node of nodes) {
      if (node.type === 0 && node.value) out.push(node.value);
      if (node.options) for (const option of Object.values(node.options)) walk(option.value);
    }
  };
  walk(compileMessage(source, 'en').getAst() as unknown as AstNode[]);
  return out;
}

// A phrase worth looking for: trimmed of spaces and punctuation, at least four characters and a letter.
const phrase = (text: string) => text.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
const catalogues = Object.fromEntries(
  REPORT_LANGUAGES.map((lang) => [lang, [...readReportCatalogue(lang).values()]]),
);
const phrases = Object.fromEntries(
  REPORT_LANGUAGES.map((lang) => [lang, new Set(catalogues[lang]!.flatMap(literals).map(phrase).filter((p) => [...p].length >= 4 && /\p{L}/u.test(p)))]),
);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bounded = new Map<string, RegExp>();
/** Whether `haystack` holds `needle` as a whole word or words, not inside a longer word. */
const holdsWord = (haystack: string, needle: string) => {
  // Most phrases are not in the text at all: a plain search rules them out before any pattern is built.
  if (!haystack.includes(needle)) return false;
  let re = bounded.get(needle);
  if (!re) bounded.set(needle, (re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(needle)}(?![\\p{L}\\p{N}])`, 'u')));
  return re.test(haystack);
};

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) strings(item, out);
  return out;
}

/** A text as a report may print it: as written, escaped for Markdown, and paragraph by paragraph. */
function forms(text: string): string[] {
  if (text.trim().length < 2) return [];
  const nfc = text.normalize('NFC');
  return [nfc, md(nfc), ...mdParagraphs(nfc)];
}

/** The forms of the SDG titles lamd ships, in every language: the same for every example, so made once. */
let sdgForms: string[] | undefined;
function sdgTexts(): string[] {
  if (!sdgForms) {
    const texts: string[] = [];
    for (const file of readdirSync(join(REPO, 'data/sdg')).filter((f) => /^sdg\.\w+\.json$/.test(f))) strings(JSON.parse(readFileSync(join(REPO, 'data/sdg', file), 'utf8')), texts);
    sdgForms = texts.flatMap(forms);
  }
  return sdgForms;
}

const notLamdsCache = new Map<string, string[]>();

/** Every text a report may print that is not lamd's: the examples' strings and the SDG titles, as written and as escaped. */
function notLamds(example: string): string[] {
  const cached = notLamdsCache.get(example);
  if (cached) return cached;
  const root = join(REPO, 'examples', example);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f));
  const texts = files.flatMap((f) => parseAllDocuments(readFileSync(join(root, f), 'utf8')).flatMap((doc) => strings(doc.toJS(), [])));
  // The example's own texts first, then the SDG titles: among forms of one length, the first met is cut out first.
  const all = new Set([...texts.flatMap(forms), ...sdgTexts()]);
  const sorted = [...all].sort((a, b) => b.length - a.length);
  notLamdsCache.set(example, sorted);
  return sorted;
}

const EXAMPLES = readdirSync(join(REPO, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(join(REPO, 'examples', entry.name)).includes('lamd.yaml'))
  .map((entry) => entry.name);

describe('lamd report all --lang X speaks X only', () => {
  it('runs on every bundled example', () => {
    expect(EXAMPLES).toEqual(expect.arrayContaining(['las-pilot', 'illustrative-monitoring']));
  });

  for (const lang of REPORT_LANGUAGES) {
    it(`--lang ${lang}: no fixed phrase of another language in any report of any example`, async () => {
      // Phrases another language shares with this one ("Actions", "Transit") are this language's too.
      const own = catalogues[lang]!.flatMap(literals).map(phrase).join('\n');
      const foreign = new Map<string, string>();
      for (const other of REPORT_LANGUAGES) {
        if (other === lang) continue;
        for (const p of phrases[other]!) if (!foreign.has(p) && !holdsWord(own, p)) foreign.set(p, other);
      }
      expect(foreign.size).toBeGreaterThan(300);
      const found: string[] = [];
      for (const example of EXAMPLES) {
        const theirs = notLamds(example);
        const out = tempDir();
        const result = await runLamd(['report', 'all', '--lang', lang, '--out', out, '--today', '2026-12-01', '-C', join(REPO, 'examples', example)]);
        expect(result.status, result.stderr).toBe(0);
        for (const file of readdirSync(out).filter((f) => f.endsWith('.md'))) {
          const text = readFileSync(join(out, file), 'utf8');
          let fixed = text
            .normalize('NFC')
            // Mermaid blocks hold the documents' titles, cut short, and Mermaid's own syntax (`:done, a1, …`).
            .replace(/^```mermaid\n[\s\S]*?^```$/gm, '\n');
          for (const form of theirs) if (fixed.includes(form)) fixed = fixed.split(form).join('\n');
          for (const [p, other] of foreign) if (holdsWord(fixed, p)) found.push(`${example}/${file}: “${p}” (${other})`);
        }
      }
      expect(found.join('\n')).toBe('');
    }, 60_000);
  }
});
