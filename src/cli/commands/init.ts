// `lamd init [dir]`: the person's journey, top to bottom: check the target folder, ask what the
// flags do not say, plan the files, list what is kept, write everything at once, say what is next.
import { today } from '../../calendar/today.js';
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { addYear, checkPeriod, describeCountry, parseCountry, parseDate, parseGoals, parseIdAnswer, parseLanguages, parsePartner, parseText, type PartnerAnswer } from '../../scaffold/answers.js';
import { applyPlan, checkPlan, type CheckedFile } from '../../scaffold/apply.js';
import { searchCountries } from '../../reference/country-search.js';
import { goalView } from '../../scaffold/documents.js';
import { planInit, type InitAnswers } from '../../scaffold/plan-init.js';
import { mayAsk, Questions } from '../../scaffold/questions.js';
import { slugify, whyNoSlug } from '../../scaffold/slug.js';
import { scriptOf } from '../../scaffold/names.js';
import { REPORT_LANGUAGES } from '../../report/i18n.js';
import { render, t, type Text } from '../../i18n/messages.js';
import { LAMD_VERSION } from '../../version.js';
import { ownPackage, parseLamdPackage } from '../../scaffold/lamd-package.js';
import { packageManifest } from '../../package-root.js';
import { WORKSPACE_FILE } from '../../workspace/kinds.js';
import { afterWriting } from '../after-writing.js';
import type { GlobalOptions } from '../global-options.js';
import type { CliIO } from '../io.js';
import { inquirerAsker } from '../prompts.js';

export interface InitOptions {
  network?: string;
  name?: string;
  /** The older spelling of --name, kept with a note: everywhere else --municipality is a slug. */
  municipality?: string;
  /** The first municipality's name in Latin letters, when --name is written in another script. */
  nameLatin?: string;
  /** The older spelling of --name-latin, beside --municipality. */
  municipalityLatin?: string;
  slug?: string;
  country?: string;
  lang?: string;
  leadUnit?: string;
  partner?: string[];
  start?: string;
  end?: string;
  sdg?: string;
  reportLang?: string;
  lamdPackage?: string;
  yes?: boolean;
  force?: boolean;
  dryRun?: boolean;
}

const ALL_GOALS = Array.from({ length: 17 }, (_, i) => String(i + 1));

export async function run(io: CliIO, global: GlobalOptions, dir: string | undefined, options: InitOptions = {}): Promise<number> {
  // 1. The target folder, checked before a single question is asked.
  const shown = dir ?? global.workspace ?? '.';
  const target = resolve(io.cwd, shown);
  const language = global.language ?? 'en';
  const say = (text: Text) => render(language, text);
  const existing = inspectTarget(target, shown, Boolean(options.force || options.dryRun));
  if (existing.crowded && !options.force) io.stderr(`${say(t('init.not-empty-dry-run', { folder: shown }))}\n`);

  // 2. The answers: flags first, then questions (only when lamd may ask), then defaults.
  const asker = mayAsk({ yes: options.yes, stdinIsTTY: io.stdinIsTTY, stderrIsTTY: io.stderrIsTTY, env: io.env }) ? (io.asker ?? (await inquirerAsker())) : undefined;
  if (asker) io.stderr(`${say(t('init.creating', { folder: shown }))}\n`);
  const answers = await askInit(new Questions(asker, (line) => io.stderr(line), global.language ?? 'en'), options, io, target, resolve(io.cwd) !== target, say);

  // 3. The plan, and what it would do to the files already there.
  const files = planInit(answers);
  const checked: CheckedFile[] = existing.exists ? checkPlan(target, files) : files.map((f) => ({ ...f, state: 'new' }));
  const inTheWay = checked.filter((f) => f.state === 'exists');
  const display = (path: string) => relative(io.cwd, join(target, ...path.split('/'))).split('\\').join('/') || '.';
  const blocking = inTheWay.filter((f) => isWorkspaceDocument(f.path));
  if (blocking.length) {
    throw new UsageError(t('init.folder-holds-documents', { folder: shown, files: blocking.map((f) => display(f.path)).join(', ') }));
  }
  const writes = checked.filter((f) => f.state === 'new');

  if (options.dryRun) {
    for (const f of writes) io.stdout(`${display(f.path)}\n`);
    if (inTheWay.length) io.stderr(`${say(t('init.would-keep'))}\n${inTheWay.map((f) => `  ${display(f.path)}\n`).join('')}`);
    // The plan is shown either way; the exit code predicts the real run, which refuses without --force.
    if (existing.crowded && !options.force) {
      io.stderr(`${say(t('init.dry-run-refused', { folder: shown, count: writes.length }))}\n`);
      return 2;
    }
    io.stderr(`${say(t('init.dry-run', { folder: shown, count: writes.length }))}\n`);
    return 0;
  }

  // 4. Existing files are listed before anything is written, and left untouched.
  if (inTheWay.length) {
    io.stderr(`${say(t('init.kept'))}\n${inTheWay.map((f) => `  ${display(f.path)}\n`).join('')}`);
    // Without lamd's mapping, editors would not check the documents; say what to merge by hand.
    const settings = inTheWay.find((f) => f.path === '.vscode/settings.json');
    if (settings) io.stderr(`${say(t('init.vscode-merge', { file: display(settings.path) }))}\n${settings.content.replace(/^/gm, '  ')}\n`);
  }

  // 5. Everything at once: staged beside the target, then moved into place.
  applyPlan(target, checked);
  afterWriting(io, global.language);

  // 6. What next.
  const m = answers.municipality;
  const cd = shown === '.' ? '' : `  cd ${/^[\w./@-]+$/.test(shown) ? shown : JSON.stringify(shown)}\n`;
  io.stderr(`${say(t('init.created', { name: m.name, country: describeCountry(m.country, language), folder: shown, files: writes.length, cd, slug: m.slug }))}\n`);
  return 0;
}

interface TargetState {
  exists: boolean;
  /** The folder holds files already (besides .git). */
  crowded?: boolean;
}

/** Refuses a target that is a file, already a workspace, or not empty without --force. */
function inspectTarget(target: string, shown: string, force: boolean): TargetState {
  let stat;
  try {
    stat = statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (isLink(target)) throw new UsageError(t('init.folder-dangling-link', { folder: shown }));
      return { exists: false };
    }
    if (code === 'ENOTDIR') throw new UsageError(t('init.folder-path-through-file', { folder: shown }));
    throw new UsageError(t('init.folder-unreadable', { folder: shown, code: code ?? '?' }));
  }
  if (!stat.isDirectory()) throw new UsageError(t('init.folder-is-file', { folder: shown }));
  let entries: string[];
  try {
    entries = readdirSync(target);
  } catch (error) {
    throw new UsageError(t('init.folder-unreadable', { folder: shown, code: (error as NodeJS.ErrnoException).code ?? '?' }));
  }
  if (entries.includes(WORKSPACE_FILE)) {
    throw new UsageError(t('init.already-workspace', { folder: shown, file: WORKSPACE_FILE }));
  }
  // A fresh clone holds only .git; that is still an empty folder for a workspace.
  const crowded = entries.some((e) => e !== '.git');
  if (crowded && !force) {
    throw new UsageError(t('init.folder-not-empty', { folder: shown }));
  }
  return { exists: true, crowded };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Documents lamd reads as the workspace: keeping a foreign one would break the new workspace. */
function isWorkspaceDocument(path: string): boolean {
  return path === WORKSPACE_FILE || path === 'stakeholders.yaml' || (/^(municipalities|activities)\//.test(path) && /\.ya?ml$/.test(path));
}


async function askInit(q: Questions, o: InitOptions, io: CliIO, target: string, namedFolder: boolean, say: (text: Text) => string): Promise<InitAnswers> {
  // Not asked: the lamd running now is the right default; the flag is for a lamd from elsewhere.
  // Checked first, so a wrong spec stops lamd before any question.
  const lamdPackage = o.lamdPackage !== undefined ? parseLamdPackage(o.lamdPackage, '--lamd-package') : { spec: ownPackage(packageManifest()), pinned: true };
  if (!lamdPackage.pinned) {
    io.stderr(`lamd: ${say(t('cli.note', { note: t('init.package-not-pinned', { spec: lamdPackage.spec, example: `${packageManifest().name}@${packageManifest().version}` }) }))}\n`);
  }
  // Not given and not asked (--yes): the default name is written in the workspace's language, known later.
  const network = o.network === undefined && !q.interactive ? undefined : await q.text({ flag: '--network <name>', given: o.network, message: say(t('init.ask-network')), default: say(t('scaffold.default-network')), parse: (v, s) => parseText(v, s.label) });
  if (o.municipality !== undefined) {
    if (o.name !== undefined) throw new UsageError(t('init.municipality-and-name'));
    io.stderr(`lamd: ${say(t('cli.note', { note: t('init.municipality-as-name', { flag: `--name ${JSON.stringify(o.municipality)}` }) }))}\n`);
  }
  const nameFlag = o.municipality !== undefined ? '--municipality <name>' : '--name <name>';
  const name = await q.text({ flag: nameFlag, given: o.name ?? o.municipality, message: say(t('init.ask-name')), parse: (v, s) => parseText(v, s.label) });

  // A name in another script (طنجة) is also asked in Latin letters (Tanger): lamd.yaml then names the
  // municipality in both, each under its languages, and the folder is named after the Latin one.
  if (o.nameLatin !== undefined && o.municipalityLatin !== undefined) throw new UsageError(t('init.latin-twice'));
  const latinGiven = o.nameLatin ?? o.municipalityLatin;
  const latinFlag = o.nameLatin === undefined && o.municipalityLatin !== undefined ? '--municipality-latin <name>' : '--name-latin <name>';
  const foreign = name !== undefined && scriptOf(name) !== 'latin';
  const { transliterate } = foreign ? await import('../../scaffold/transliterate.js') : { transliterate: undefined };
  const spelled = foreign && transliterate ? capitalise(transliterate(name).trim()) : undefined;
  let latinName: string | undefined;
  if (latinGiven !== undefined || (foreign && q.interactive)) {
    latinName = await q.text({
      flag: latinFlag,
      given: latinGiven,
      message: say(t('init.ask-latin-name')),
      ...(spelled ? { default: spelled } : {}),
      parse: (v, s) => parseText(v, s.label),
    });
  }
  // The folder name comes from the municipality's name when it transliterates safely (Tiranë →
  // tirane). A name in another script (صفاقس) is not guessed at: the workspace folder's name stands
  // in (`lamd init sfax`), said so, and --slug or the prompt can change it.
  const fromName = name === undefined ? undefined : slugify(latinName ?? (foreign && spelled ? spelled : name));
  // Only a folder named on the command line: the current folder's name is rarely the city's.
  const fromFolder = name === undefined || fromName || !namedFolder ? undefined : slugify(basename(target));
  const derived = fromName ?? fromFolder;
  let slug: string | undefined;
  if (o.slug !== undefined || q.interactive) {
    slug = await q.text({
      flag: '--slug <slug>',
      given: o.slug,
      message: say(t('init.ask-slug')),
      ...(derived ? { default: derived } : {}),
      parse: parseIdAnswer,
    });
  } else if (derived) {
    slug = derived;
    if (fromName && foreign && latinName === undefined) io.stderr(`lamd: ${say(t('init.slug-transliterated', { name: name!, slug: fromName, choose: '--slug' }))}\n`);
    if (fromFolder) {
      io.stderr(`lamd: ${say(t('cli.note', { note: t('init.slug-from-folder', { name: JSON.stringify(name), why: whyNoSlug(name!), slug: fromFolder }) }))}\n`);
    }
  } else if (name !== undefined) {
    q.require('--slug <slug>', t('init.why.no-slug', { name: JSON.stringify(name), why: whyNoSlug(name), folder: namedFolder ? 'named' : 'current' }));
  }

  const country = await q.search({
    flag: '--country <code>',
    given: o.country,
    message: say(t('init.ask-country')),
    source: (term) => searchCountries(term).map((c) => ({ value: c.code, name: describeCountry(c.code, q.language) })),
    parse: (v) => parseCountry(v, '--country', q.language),
  });
  const languages = await q.text({
    flag: '--lang <codes>',
    given: o.lang,
    message: say(t('init.ask-languages')),
    optional: true,
    parse: (v, s) => parseLanguages(v, s.label),
    show: (l) => l.codes.join(', '),
  });
  if (languages?.unknown.length) io.stderr(`lamd: ${say(t('cli.note', { note: t('init.unknown-languages', { codes: languages.unknown.join(', '), count: languages.unknown.length }) }))}\n`);
  const leadUnit = await q.text({ flag: '--lead-unit <name>', given: o.leadUnit, message: say(t('init.ask-lead-unit')), optional: true, parse: (v, s) => parseText(v, s.label) });

  let partners: PartnerAnswer[] = [];
  if (o.partner && o.partner.length) partners = o.partner.map((p) => parsePartner(p, '--partner'));
  else if (q.interactive) {
    const raw = await q.text({
      flag: '--partner <name>',
      given: undefined,
      message: say(t('init.ask-partners')),
      optional: true,
      parse: (v, s) => v.split(';').filter((p) => p.trim()).map((p) => parsePartner(p, s.label)),
      show: (list) => list.map((p) => (p.country ? `${p.name} (${p.country})` : p.name)).join('; '),
    });
    partners = raw ?? [];
  }

  const start = (await q.text({ flag: '--start <date>', given: o.start, message: say(t('init.ask-start')), default: today(), parse: (v, s) => parseDate(v, s.label) }))!;
  const end = (await q.text({
    flag: '--end <date>',
    given: o.end,
    message: say(t('init.ask-end')),
    default: addYear(start),
    parse: (v, s) => {
      const date = parseDate(v, s.label);
      // At the question, the person typed no flag: the period is named in words.
      checkPeriod(start, date, o.start !== undefined && !s.prompted ? '--start' : t('answer.programme-start'), s.prompted ? t('answer.programme-end') : '--end');
      return date;
    },
  }))!;
  const sdgs = await q.several({
    flag: '--sdg <goals>',
    given: o.sdg,
    message: say(t('init.ask-sdgs')),
    choices: ALL_GOALS.map((g) => ({ value: g, name: `${g}. ${String(goalView(g, q.language).short)}` })),
    defaults: ['10'],
    parse: (v) => parseGoals(v, '--sdg'),
  });
  // Reports in the municipality's languages that lamd writes reports in, and in English for the network.
  const reportLanguages = o.reportLang !== undefined ? parseLanguages(o.reportLang, '--report-lang').codes : defaultReportLanguages(languages?.codes ?? []);

  q.finish('lamd init');
  return {
    ...(network !== undefined ? { network } : {}),
    municipality: { slug: slug!, name: name!, ...(latinName !== undefined ? { latinName } : {}), country: country!, languages: languages?.codes ?? [], ...(leadUnit !== undefined ? { leadUnit } : {}) },
    partners,
    start,
    end,
    sdgs,
    reportLanguages,
    lamdVersion: LAMD_VERSION,
    lamdPackage: lamdPackage.spec,
  };
}

/** The report languages lamd.yaml starts with: the municipality's languages that reports exist in, then English. */
export function defaultReportLanguages(languages: readonly string[]): string[] {
  const shipped = new Set<string>(REPORT_LANGUAGES);
  return [...new Set([...languages.filter((l) => shipped.has(l)), 'en'])];
}

function capitalise(text: string): string {
  return text.replace(/(^|[\s-])(\p{Ll})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase());
}
