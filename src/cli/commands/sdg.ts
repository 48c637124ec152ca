// `lamd sdg [goal|target|indicator]`: looks up the SDG code list lamd ships, in several languages,
// and lists the targets lamd counts as migration-relevant. The JSON shape is documented in main.ts.
import { and, render, t, type MessageLanguage, type Text } from '../../i18n/messages.js';
import { UsageError } from '../../errors.js';
import {
  SDG_FALLBACK_LANGUAGES,
  SDG_LANGUAGES,
  compareSdgIds,
  findGoal,
  findIndicator,
  findTarget,
  indicatorRepeats,
  indicatorsOfTarget,
  isSdgLanguageCode,
  loadSdg,
  migrationRelevance,
  migrationTargets,
  targetsOfGoal,
  titleLanguage,
  type MigrationRelevance,
  type SdgGoal,
  type SdgIndicatorEntry,
  type SdgLanguageCode,
  type SdgTarget,
} from '../../reference/sdg.js';
import { SDG_CODE_LIST_VERSION } from '../../version.js';
import { displayWidth } from '../../format/terminal-text.js';
import type { CliIO } from '../io.js';
import type { GlobalOptions } from '../global-options.js';

export interface SdgOptions {
  /** List the migration-relevant targets (of the goal queried, if any). */
  migration?: boolean;
  /** Language of the titles: en, it, fr, ar, es; sq shows English. Default en. */
  lang?: string;
  json?: boolean;
  /** Terminal width to wrap to; when stdout is a terminal, defaults to `process.stdout.columns`. */
  columns?: number;
}

/** Bumped when a field of the JSON output changes meaning or goes away. */
export const SDG_JSON_FORMAT_VERSION = 1;


type Query = { kind: 'goal' | 'target' | 'indicator'; id: string };

export async function run(io: CliIO, global: GlobalOptions, query: string | undefined, options: SdgOptions = {}): Promise<number> {
  const speaks = global.language ?? 'en';
  const say = (text: Text) => render(speaks, text);
  // Without --lang, the titles follow the language lamd speaks (LANG), not English under French words.
  const lang = options.lang !== undefined ? parseLanguage(options.lang) : speaks;
  const parsed = query === undefined ? undefined : parseQuery(query);
  if (options.migration && parsed && parsed.kind !== 'goal') {
    throw new UsageError(t('sdg.migration-needs-goal', { goal: parsed.id.split('.')[0]!, kind: parsed.kind, id: parsed.id }));
  }
  const language = titleLanguage(lang);
  if (language !== lang) io.stderr(`lamd: ${say(t('sdg.no-titles-in', { wanted: languageName(lang, speaks), lang, shown: languageName(language, speaks) }))}\n`);
  // Wrapping is for people reading a terminal; piped output keeps one entry per line for grep and cut.
  const columns = io.stdoutIsTTY ? (options.columns ?? process.stdout.columns) : undefined;
  const view: View = { io, lang, json: Boolean(options.json), columns: columns && columns > 0 ? columns : undefined, speaks, say };

  if (options.migration) return showMigration(view, parsed?.id);
  if (!parsed) return showGoals(view);
  if (parsed.kind === 'goal') return showGoal(view, parsed.id);
  if (parsed.kind === 'target') return showTarget(view, parsed.id);
  return showIndicator(view, parsed.id);
}

interface View {
  io: CliIO;
  lang: SdgLanguageCode;
  json: boolean;
  columns: number | undefined;
  /** The language of lamd's own words (headings, hints, refusals); the titles are in `lang`. */
  speaks: MessageLanguage;
  say: (text: Text) => string;
}

/** A language's name in the language lamd speaks: "French", "francese". */
function languageName(code: string, speaks: MessageLanguage): string {
  return new Intl.DisplayNames([speaks === 'en' ? 'en-GB' : speaks], { type: 'language', fallback: 'code' }).of(code) ?? code;
}

function parseLanguage(value: string): SdgLanguageCode {
  // Accept `IT`, `fr-FR`, `es_ES.UTF-8`: only the language part matters for the titles.
  const code = value.trim().toLowerCase().split(/[-_.]/)[0] ?? '';
  if (isSdgLanguageCode(code)) return code;
  const valid = [...SDG_LANGUAGES, ...Object.keys(SDG_FALLBACK_LANGUAGES)].join(', ');
  throw new UsageError(t('sdg.unknown-language', { lang: value, languages: valid }));
}

/**
 * A goal (`10`), target (`10.7`, `10.c`) or indicator (`10.7.2`); case and an `SDG` prefix are
 * forgiven. Anything else is a usage error; so is a well-formed id that does not exist (exit 2, as
 * the help says), which the show* functions report with the ids that do.
 */
export function parseQuery(raw: string): Query {
  const match = /^(?:sdg[\s_-]?)?(\d{1,3})(?:\.(\d{1,3}|[a-z]))?(?:\.(\d{1,3}))?$/.exec(raw.trim().toLowerCase());
  if (!match) {
    throw new UsageError(t('sdg.not-an-id', { query: raw }));
  }
  // The UN never writes leading zeros, so `10.07` can only mean 10.7.
  const [goal, target, indicator] = match.slice(1).map((part) => (part !== undefined && /^\d+$/.test(part) ? String(Number(part)) : part));
  if (indicator !== undefined) return { kind: 'indicator', id: `${goal}.${target}.${indicator}` };
  if (target !== undefined) return { kind: 'target', id: `${goal}.${target}` };
  return { kind: 'goal', id: goal! };
}

// ---- the views ----

function showGoals(view: View): number {
  const goals = loadSdg(view.lang).goals;
  if (view.json) return printJson(view, 'goals', null, { goals: goals.map(goalJson) });
  const idWidth = Math.max(...goals.map((g) => displayWidth(g.id)));
  const shortWidth = Math.max(...goals.map((g) => displayWidth(g.short)));
  const lines = goals.flatMap((g) => row(`${pad(g.id, idWidth)}  ${pad(g.short, shortWidth)}`, tidy(g.title), view.columns));
  view.io.stdout(`${lines.join('\n')}\n`);
  view.io.stderr(`${view.say(t('sdg.goals-hint'))}\n`);
  return 0;
}

function showGoal(view: View, id: string): number {
  const goal = findGoal(id, view.lang);
  if (!goal) return notFound(view, t('sdg.no-goal', { id, goals: goalsSentence() }));
  const targets = targetsOfGoal(id, view.lang);
  if (view.json) return printJson(view, 'goal', id, { goal: goalJson(goal), targets: targets.map(targetJson) });
  const out = [...paragraph(view.say(t('sdg.goal-heading', { id: goal.id, short: tidy(goal.short) })), view.columns), ...paragraph(tidy(goal.title), view.columns), ''];
  out.push(...rows(targets.map((t) => [t.id, tidy(t.title)]), view.columns));
  view.io.stdout(`${out.join('\n')}\n`);
  const relevant = (kind: MigrationRelevance) => targets.filter((t) => migrationRelevance(t.id)?.relevance === kind).map((t) => t.id);
  const hints = (['direct', 'related'] as const).filter((kind) => relevant(kind).length).map((kind) => view.say(t('sdg.relevance-ids', { ids: relevant(kind).join(', '), relevance: kind })));
  if (hints.length) view.io.stderr(`${view.say(t('sdg.migration-hint', { hints: hints.join(view.say(t('cli.semicolon'))), id }))}\n`);
  return 0;
}

function showTarget(view: View, id: string): number {
  const target = findTarget(id, view.lang);
  if (!target) return notFound(view, targetNotFound(id));
  const goal = findGoal(target.goal, view.lang)!;
  const indicators = indicatorsOfTarget(id, view.lang);
  if (view.json) {
    return printJson(view, 'target', id, { target: targetJson(target), goal: goalJson(goal), indicators: indicators.map(indicatorJson) });
  }
  const out = [...paragraph(view.say(t('sdg.target-heading', { id: target.id, goal: goal.id, short: tidy(goal.short) })), view.columns), ...paragraph(tidy(target.title), view.columns)];
  const migration = migrationRelevance(id);
  if (migration) out.push(...paragraph(view.say(t('sdg.target-migration', { relevance: migration.relevance, reason: migration.reason })), view.columns));
  out.push('');
  out.push(...(indicators.length ? rows(indicators.map((i) => [i.id, tidy(i.title)]), view.columns) : [view.say(t('sdg.no-indicators'))]));
  view.io.stdout(`${out.join('\n')}\n`);
  return 0;
}

function showIndicator(view: View, id: string): number {
  const indicator = findIndicator(id, view.lang);
  if (!indicator) return notFound(view, indicatorNotFound(id));
  const targets = indicator.targets.map((t) => findTarget(t, view.lang)).filter((t): t is SdgTarget => t !== undefined);
  const repeats = indicatorRepeats(id, view.lang);
  if (view.json) {
    return printJson(view, 'indicator', id, {
      indicator: { id: indicator.id, title: indicator.title, targets: indicator.targets },
      targets: targets.map(targetJson),
      alsoListedAs: repeats.map((r) => ({ id: r.id, target: r.target })),
    });
  }
  const goals = [...new Set(targets.map((t) => t.goal))].map((g) => findGoal(g, view.lang)!);
  const heading = t('sdg.indicator-heading', { id: indicator.id, count: targets.length, targets: targets.map((t) => t.id).join(', '), goals: goals.map((g) => `${g.id}: ${tidy(g.short)}`).join('; ') });
  const out = [...paragraph(view.say(heading), view.columns), ...paragraph(tidy(indicator.title), view.columns), ''];
  out.push(...rows(targets.map((t) => [t.id, tidy(t.title)]), view.columns));
  if (repeats.length) {
    out.push('', ...paragraph(view.say(t('sdg.also-listed', { list: and(repeats.map((r) => t('sdg.listed-as', { id: r.id, target: r.target }))) })), view.columns));
  }
  view.io.stdout(`${out.join('\n')}\n`);
  return 0;
}

function showMigration(view: View, goalId: string | undefined): number {
  const goal = goalId === undefined ? undefined : findGoal(goalId, view.lang);
  if (goalId !== undefined && !goal) return notFound(view, t('sdg.no-goal', { id: goalId, goals: goalsSentence() }));
  const list = migrationTargets();
  const pick = (entries: typeof list.direct) =>
    entries
      .filter((e) => goalId === undefined || e.id.split('.')[0] === goalId)
      .map((e) => findTarget(e.id, view.lang))
      // An id the code list lacks is a data error the tests catch; never print a target without a title.
      .filter((t): t is SdgTarget => t !== undefined)
      .sort((a, b) => compareSdgIds(a.id, b.id));
  const direct = pick(list.direct);
  const related = pick(list.related);
  if (view.json) {
    return printJson(view, 'migration', goalId ?? null, { goal: goal ? goalJson(goal) : null, direct: direct.map(targetJson), related: related.map(targetJson) });
  }
  if (!direct.length && !related.length) {
    // The goal exists; an empty list is an answer, not a failed lookup (exit 0).
    view.io.stderr(`${view.say(t('sdg.no-migration-targets', { id: goalId! }))}\n`);
    return 0;
  }
  const idWidth = Math.max(...[...direct, ...related].map((t) => displayWidth(t.id)));
  const out = paragraph(view.say(goal ? t('sdg.migration-of-goal', { id: goal.id, short: tidy(goal.short) }) : t('sdg.migration-all')), view.columns);
  const group = (heading: string, targets: SdgTarget[]) => {
    if (!targets.length) return;
    out.push('', ...paragraph(heading, view.columns));
    for (const t of targets) {
      out.push(...row(pad(t.id, idWidth), tidy(t.title), view.columns));
      out.push(...row(' '.repeat(idWidth), view.say(why(migrationRelevance(t.id)!.reason)), view.columns));
    }
  };
  group(view.say(t('sdg.direct-heading')), direct);
  group(view.say(t('sdg.related-heading')), related);
  view.io.stdout(`${out.join('\n')}\n`);
  // The reasons are lamd's own English: said to whoever reads the titles or lamd in another language.
  if (titleLanguage(view.lang) !== 'en' || view.speaks !== 'en') view.io.stderr(`${view.say(t('sdg.reasons-english'))}\n`);
  return 0;
}

// ---- JSON ----

function printJson(view: View, kind: string, query: string | null, body: Record<string, unknown>): number {
  const out = {
    formatVersion: SDG_JSON_FORMAT_VERSION,
    codeList: SDG_CODE_LIST_VERSION,
    language: titleLanguage(view.lang),
    requestedLanguage: view.lang,
    view: kind,
    query,
    ...body,
  };
  view.io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

const goalJson = (g: SdgGoal) => ({ id: g.id, short: g.short, title: g.title });

const targetJson = (t: SdgTarget) => {
  const m = migrationRelevance(t.id);
  return { id: t.id, goal: t.goal, title: t.title, migration: m ? { relevance: m.relevance, reason: m.reason } : null };
};

const indicatorJson = (i: SdgIndicatorEntry) => ({ id: i.id, target: i.target, title: i.title });

// ---- lookups that find nothing ----

// Exit 2, as for any argument lamd cannot use: 1 means "the documents have problems", and a CI step
// that looks a code up must not read a typo as a finding.
function notFound(view: View, message: Text): number {
  view.io.stderr(`lamd: ${view.say(message)}\n`);
  return 2;
}

/** `Why: …`: the reason a target is migration-relevant (lamd's own words, in English). */
const why = (reason: string): Text => t('sdg.why', { reason });

function goalsSentence(): Text {
  const goals = loadSdg('en').goals;
  return t('sdg.goals-range', { first: goals[0]!.id, last: goals[goals.length - 1]!.id });
}

function targetNotFound(id: string): Text {
  const goal = id.split('.')[0]!;
  if (!findGoal(goal)) return t('sdg.no-target-no-goal', { id, goal, goals: goalsSentence() });
  return t('sdg.no-target', { id, goal, targets: describeIds(targetsOfGoal(goal).map((t) => t.id)) });
}

function indicatorNotFound(id: string): Text {
  const goal = id.split('.')[0]!;
  const target = id.split('.').slice(0, 2).join('.');
  if (!findGoal(goal)) return t('sdg.no-indicator-no-goal', { id, goal, goals: goalsSentence() });
  if (!findTarget(target)) return t('sdg.no-indicator-no-target', { id, goal, target, targets: describeIds(targetsOfGoal(goal).map((t) => t.id)) });
  const ids = indicatorsOfTarget(target).map((i) => i.id);
  return t('sdg.no-indicator', { id, target, count: ids.length, indicators: describeIds(ids) });
}

/** `10.1–10.7, 10.a–10.c`: consecutive ids (1, 2, 3 or a, b, c in the last part) as ranges. */
export function describeIds(ids: readonly string[]): string {
  const runs: string[][] = [];
  for (const id of ids) {
    const last = runs[runs.length - 1];
    if (last && follows(last[last.length - 1]!, id)) last.push(id);
    else runs.push([id]);
  }
  return runs.map((r) => (r.length >= 3 ? `${r[0]}–${r[r.length - 1]}` : r.join(', '))).join(', ');
}

function follows(a: string, b: string): boolean {
  const i = a.lastIndexOf('.');
  if (i < 0 || a.slice(0, i) !== b.slice(0, b.lastIndexOf('.'))) return false;
  const x = a.slice(i + 1);
  const y = b.slice(b.lastIndexOf('.') + 1);
  if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(y) === Number(x) + 1;
  return /^[a-z]$/.test(x) && /^[a-z]$/.test(y) && y.charCodeAt(0) === x.charCodeAt(0) + 1;
}

// ---- text layout ----

// The data keeps its sources' spacing (some Arabic titles end in a space or hold double spaces);
// people see single spaces. --json gives the titles exactly as shipped.
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** id-and-title rows with the ids in one column. */
function rows(items: readonly (readonly [string, string])[], columns: number | undefined): string[] {
  const idWidth = Math.max(...items.map(([id]) => displayWidth(id)));
  return items.flatMap(([id, title]) => row(pad(id, idWidth), title, columns));
}

/** A label and a text that wraps under itself; on a narrow terminal the text moves below the label. */
function row(label: string, text: string, columns: number | undefined): string[] {
  if (columns === undefined) return [`${label}  ${text}`];
  const indent = displayWidth(label) + 2;
  if (columns - indent >= 30) {
    const lines = wrap(text, columns - indent);
    return lines.map((line, i) => (i === 0 ? `${label}  ${line}` : `${' '.repeat(indent)}${line}`));
  }
  const head = label.trimEnd();
  return [...(head ? [head] : []), ...wrap(text, Math.max(columns - 4, 20)).map((line) => `    ${line}`)];
}

function paragraph(text: string, columns: number | undefined): string[] {
  return columns === undefined ? [text] : wrap(text, columns);
}

/** Greedy word wrap; a word longer than the line stays whole rather than being cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(' ').filter(Boolean)) {
    const w = displayWidth(word);
    if (line && used + 1 + w > width) {
      lines.push(line);
      line = word;
      used = w;
    } else {
      line = line ? `${line} ${word}` : word;
      used += (used ? 1 : 0) + w;
    }
  }
  lines.push(line);
  return lines;
}
