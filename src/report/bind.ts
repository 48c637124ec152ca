// `lamd report all --single`: the phase reports bound into one document, as a partner hands over the
// programme's record: one title and cover, one table of contents, each phase a top-level section
// (its title one level down, its sections under it), the foot (funding, disclaimer, how it was made)
// once at the end. Works on the rendered Markdown, so HTML, PDF and Word bind the same way.
import { TIMELINE_MARKER } from './timeline.js';
import type { MarkdownReport } from './index.js';
import type { Md } from './markdown.js';

interface Parts {
  title: string;
  /** The paragraphs between the title and the first section (the network, the scope). */
  lead: string;
  body: string;
  /** From the closing rule on: funding statement, disclaimer, how the report was made. */
  foot: string;
}

/** Lines outside fenced code blocks, with a flag saying which are inside one. */
function lines(markdown: string): { line: string; code: boolean }[] {
  let fence = false;
  return markdown.split('\n').map((line) => {
    const opens = /^```/.test(line);
    const code = fence || opens;
    if (opens) fence = !fence;
    return { line, code };
  });
}

function parts(markdown: string): Parts {
  const all = lines(markdown.replace(/\n+$/, ''));
  const titleAt = all.findIndex((l) => !l.code && /^# /.test(l.line));
  const sectionAt = all.findIndex((l, i) => i > titleAt && !l.code && /^#{2,6} /.test(l.line));
  // The foot opens with the last thematic break outside code.
  let footAt = -1;
  all.forEach((l, i) => {
    if (!l.code && /^---\s*$/.test(l.line) && i > sectionAt) footAt = i;
  });
  const text = (from: number, to: number) => all.slice(from, to).map((l) => l.line).join('\n').trim();
  const end = footAt === -1 ? all.length : footAt;
  return {
    title: titleAt === -1 ? '' : all[titleAt]!.line.slice(2).trim(),
    lead: text(titleAt + 1, sectionAt === -1 ? end : sectionAt),
    body: sectionAt === -1 ? '' : text(sectionAt, end),
    foot: footAt === -1 ? '' : text(footAt, all.length),
  };
}

const paragraphs = (text: string) => text.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p !== '');

/** Every heading outside code one level deeper (`##` → `###`); level 6 stays 6. */
export function demoteHeadings(markdown: string): string {
  return lines(markdown)
    .map((l) => (!l.code && /^#{1,5} /.test(l.line) ? `#${l.line}` : l.line))
    .join('\n');
}

/** Binds rendered phase reports (in order) into one report titled `title`. */
export function bindReports(reports: readonly MarkdownReport[], title: Md): MarkdownReport {
  const first = reports[0];
  if (!first) throw new Error('bindReports needs at least one report.');
  const split = reports.map((r) => parts(r.markdown));
  const foot = split.at(-1)!.foot;
  const sameFoot = split.every((p) => p.foot === foot);
  // The cover says what every phase's lead says (the network, the scope); the rest stays with its phase.
  const coverParagraphs = paragraphs(split[0]!.lead).filter((para) => split.every((p) => paragraphs(p.lead).includes(para)));
  const lead = coverParagraphs.join('\n\n');
  const sections = reports.map((report, i) => {
    const p = split[i]!;
    // Timeline ids are unique within one report (t1, t2…); prefixed with the phase's place, they stay unique here.
    let body = p.body;
    for (const timeline of report.timelines) body = body.split(`${TIMELINE_MARKER}${timeline.id}\n`).join(`${TIMELINE_MARKER}p${i + 1}-${timeline.id}\n`);
    // The paragraphs the cover says already (the network, the scope) are not repeated; the phase's own stay.
    const own = paragraphs(p.lead).filter((para) => !coverParagraphs.includes(para)).join('\n\n');
    return [`## ${p.title}`, own, demoteHeadings(body), sameFoot ? '' : p.foot].filter((s) => s !== '').join('\n\n');
  });
  const markdown = [`# ${title}`, lead, ...sections, sameFoot ? foot : ''].filter((s) => s !== '').join('\n\n');
  return {
    markdown: `${markdown}\n`,
    network: first.network,
    today: first.today,
    messages: first.messages,
    timelines: reports.flatMap((report, i) => report.timelines.map((t) => ({ ...t, id: `p${i + 1}-${t.id}` }))),
    overrides: [...new Set(reports.flatMap((r) => r.overrides))],
    textLanguages: new Map(reports.flatMap((r) => [...(r.textLanguages ?? [])])),
  };
}
