// A rule's documentation: its page shipped in docs/rules/, and a link to it only when package.json
// names a `homepage`, so lamd never points at an address the project does not control.
import { readFileSync } from 'node:fs';
import { packageFile, packageManifest } from '../package-root.js';
import { ruleMeta, type RuleMeta } from './rules.js';

/** What the output formats know of a rule. */
export interface RuleDocs {
  meta?: RuleMeta;
  /** The rule's page on the web; absent when the package names no homepage. */
  helpUri?: string;
  /** The rule's page itself, carried in outputs that can hold it (SARIF). */
  help?: RuleHelp;
}

export interface RuleHelp {
  /** The page, Markdown; relative links made absolute when there is a homepage, else plain text. */
  markdown: string;
  /** The page as plain text. */
  text: string;
  /** "What it checks", as plain text: a rule's full description. */
  fullDescription: string;
}

/** Rule ids are `<area>/<name>` in lowercase; anything else never becomes a file path. */
const RULE_ID = /^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;

/**
 * Where the docs/rules/ folder of this release is published, derived from package.json's `homepage`.
 * A GitHub repository (`https://github.com/o/r`, `#readme` and `.git` allowed) links to the pages of
 * the release's tag `v<version>`, so a link shows the page that matches the installed lamd; any other
 * homepage is taken as a site that serves the repository's files under it.
 */
export function ruleDocsBase(homepage: string | undefined, version: string): string | undefined {
  if (homepage === undefined || homepage.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(homepage.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.hash = '';
  url.search = '';
  const github = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.pathname);
  if (url.hostname === 'github.com' && github) return `https://github.com/${github[1]}/${github[2]}/blob/v${encodeURIComponent(version)}/docs/rules/`;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${path}docs/rules/`;
}

/** The web address of a rule's page, or undefined when lamd has nowhere to link to. */
export function ruleDocsUrl(id: string, base: string | undefined): string | undefined {
  return base === undefined ? undefined : `${base}${id}.md`;
}

/** The Markdown page of a rule shipped with lamd, or undefined for an id that has none. */
export function rulePage(id: string): string | undefined {
  if (!RULE_ID.test(id)) return undefined;
  try {
    return readFileSync(packageFile('docs', 'rules', ...id.split('/')) + '.md', 'utf8');
  } catch {
    return undefined;
  }
}

/** The help of a rule, from its page; links relative to docs/rules/ follow `base` or become text. */
export function ruleHelp(id: string, page: string, base: string | undefined): RuleHelp {
  const markdown = resolveLinks(page, id, base).trimEnd();
  return { markdown, text: plainText(markdown), fullDescription: plainText(section(markdown, 'What it checks') ?? firstParagraph(markdown)) };
}

/**
 * One lookup for every command that formats diagnostics: the registry's metadata, the page and, when
 * package.json names a homepage, the link. Pages are read once, and only for rules whose help is asked about.
 */
export function ruleLookup(manifest: { homepage?: string; version?: string } = packageManifest()): (id: string) => RuleDocs {
  const base = ruleDocsBase(manifest.homepage, manifest.version ?? '0.0.0');
  const cache = new Map<string, RuleDocs>();
  return (id) => {
    let docs = cache.get(id);
    if (!docs) {
      const meta = ruleMeta(id);
      const helpUri = meta ? ruleDocsUrl(id, base) : undefined;
      docs = { ...(meta && { meta }), ...(helpUri !== undefined && { helpUri }) };
      // The page is read and made into help when an output asks for it (SARIF's does): the others
      // print the link alone, and a warm `validate --cache` run read and reworded pages for nothing.
      if (meta) {
        let help: RuleHelp | undefined | null = null;
        const read = () => {
          if (help === null) {
            const page = rulePage(id);
            help = page === undefined ? undefined : ruleHelp(id, page, base);
          }
          return help;
        };
        Object.defineProperty(docs, 'help', { enumerable: true, configurable: true, get: read });
      }
      cache.set(id, docs);
    }
    return docs;
  };
}

/** The text under a `## heading`, up to the next heading of that level or above. */
function section(markdown: string, heading: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
}

function firstParagraph(markdown: string): string {
  return markdown.split(/\r?\n\s*\r?\n/).find((p) => p.trim() !== '' && !p.startsWith('#'))?.trim() ?? '';
}

/** `[text](other/rule.md)` is a link to another rule's page: absolute with a base, else the text. */
function resolveLinks(markdown: string, id: string, base: string | undefined): string {
  const area = id.split('/')[0]!;
  return markdown.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (whole, text: string, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return whole;
    if (base === undefined) return text;
    // Pages link relative to their own folder (docs/rules/<area>/), or up to docs/rules/.
    return `[${text}](${new URL(target, `${base}${area}/`).href})`;
  });
}

/** Markdown as text a person reads: no emphasis marks, links as their text, code fences dropped. */
export function plainText(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .filter((line) => !/^\s*```/.test(line))
    .join('\n')
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (_, text: string, target: string) => (/^https?:/.test(target) ? `${text} (${target})` : text))
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,;:]|$)/gm, '$1$2')
    .replace(/^#{1,6} /gm, '')
    .trim();
}
