// The language each document's free text is written in (its `language`, else lamd.yaml's), collected
// as text → language so the HTML report can mark user text whose language differs from the report's
// (WCAG 3.1.2, "language of parts"; the Nu HTML checker's language check).
import type { Obj } from '../check/values.js';

/** Scripts written right to left, by primary language subtag. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

export function languageDirection(tag: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(tag.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** Whether two language tags name the same language (`en` and `en-GB` do). */
export function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
}

/** A name map (`{ fr: Tanger, ar: طنجة }`) says its own languages: its texts are not the document's. */
function isNameMap(value: Obj): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(k));
}

/**
 * Free texts of one document: strings of at least two words (identifiers, codes, dates and enum
 * values are single tokens), outside name maps.
 */
function freeTexts(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    const text = value.trim();
    if (/\s/.test(text) && /\p{L}/u.test(text)) out.push(text.replace(/\s+/g, ' '));
  } else if (Array.isArray(value)) {
    for (const v of value) freeTexts(v, out);
  } else if (value !== null && typeof value === 'object' && !isNameMap(value as Obj)) {
    for (const [key, v] of Object.entries(value)) if (key !== 'language') freeTexts(v, out);
  }
}

/**
 * Text → the language of the document it comes from, for every document that says its language or
 * inherits lamd.yaml's. A text found in documents of different languages is left out: lamd cannot
 * tell which one the report shows.
 */
export function textLanguages(documents: readonly unknown[], workspaceLanguage: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const doc of documents) {
    const own = (doc as { language?: unknown }).language;
    const language = typeof own === 'string' ? own : workspaceLanguage;
    if (language === undefined) continue;
    const texts: string[] = [];
    freeTexts(doc, texts);
    for (const text of texts) {
      const known = out.get(text);
      if (known !== undefined && !sameLanguage(known, language)) ambiguous.add(text);
      else out.set(text, language);
    }
  }
  for (const text of ambiguous) out.delete(text);
  return out;
}
