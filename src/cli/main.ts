// lamd's command line: maps arguments to commands, loaded only when run, and every failure to an
// exit code (0 fine, 1 the documents have problems, 2 usage or lamd failure, 130 interrupted).
import { Command, CommanderError, Option } from 'commander';
import { LAMD_VERSION } from '../version.js';
import { InterruptedError, UsageError, WorkspaceError } from '../errors.js';
import { processIO, type CliIO } from './io.js';
import { newHelp } from '../scaffold/new-help.js';
import type { GlobalOptions } from './global-options.js';
import { render, t, type MessageLanguage } from '../i18n/messages.js';
import { languageFromEnv, messageLanguage, messageLanguageNear } from './locale.js';

type Run = (io: CliIO, global: GlobalOptions, ...args: unknown[]) => Promise<number>;

/** One run of the program: the terminal it talks to and the exit code its command returned. */
interface Session {
  io: CliIO;
  exitCode: number;
  /** The language lamd speaks in this run: the locale's, then the command's --lang where it says so. */
  language: MessageLanguage;
}
const sessions = new WeakMap<Command, Session>();

function sessionOf(command: Command): Session {
  let root = command;
  while (root.parent) root = root.parent;
  const session = sessions.get(root);
  if (!session) throw new Error('lamd: a command ran outside main()');
  return session;
}

function lazy(load: () => Promise<{ run: Run }>) {
  return async function (this: Command, ...args: unknown[]) {
    const { run } = await load();
    const global = this.optsWithGlobals() as GlobalOptions;
    const session = sessionOf(this);
    session.language = commandLanguage(this.name(), (this.opts() as { lang?: string }).lang, session.io.env);
    session.exitCode = await run(session.io, { ...global, language: session.language }, ...args.slice(0, -1));
  };
}

/**
 * The language of a command's messages. `validate` and `rules` take --lang for it (a language lamd
 * cannot speak is a usage error); for `report`, `export`, `import` and `sdg`, --lang chooses the
 * language of what they produce, and lamd speaks it too when it can; `init` and `new` take --lang for
 * the municipality's languages, so they follow the locale.
 */
function commandLanguage(command: string, lang: string | undefined, env: NodeJS.ProcessEnv): MessageLanguage {
  if (command === 'validate' || command === 'rules') return messageLanguage(env, lang);
  if (command === 'report' || command === 'export' || command === 'import' || command === 'sdg') return messageLanguageNear(env, lang);
  return languageFromEnv(env);
}

export function buildProgram(io: CliIO = processIO()): Command {
  const program = new Command('lamd')
    .description('Docs-as-code for mainstreaming-migration programmes: profiles, practices, SDG-linked road maps.')
    .version(LAMD_VERSION, '-V, --version', 'print the version of lamd')
    .helpOption('-h, --help', 'show help')
    .option('-C, --workspace <dir>', 'the workspace folder (default: the nearest folder holding lamd.yaml)')
    .option('--no-color', 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // As commander does by itself, but for the injected terminal: wrap help to it, else at 80 columns.
      getOutHelpWidth: () => (io.stdoutIsTTY ? process.stdout.columns : undefined) as number,
      getErrHelpWidth: () => (io.stderrIsTTY ? process.stderr.columns : undefined) as number,
    });
  sessions.set(program, { io, exitCode: 0, language: languageFromEnv(io.env) });

  program
    .command('init')
    .description('scaffold a workspace: lamd.yaml, a first municipality, examples to replace, CI and editor settings')
    .argument('[dir]', 'folder to create the workspace in, new or empty (default: the current folder)')
    .option('--network <name>', 'name of the programme or network')
    .option('--name <name>', 'name of the first municipality, as written locally (any script)')
    .option('--municipality <name>', 'older spelling of --name, kept with a note (elsewhere --municipality is a slug)')
    .option('--name-latin <name>', 'the name in Latin letters when --name is written in another script (طنجة → Tanger): lamd.yaml then names it in both, each under its languages, and the folder is named after it')
    .option('--municipality-latin <name>', 'older spelling of --name-latin, beside --municipality')
    .option('--slug <slug>', "the municipality's folder name (default: from its name in Latin letters, or from a transliteration of it)")
    .option('--country <code>', "the municipality's country, ISO 3166-1 alpha-2 (TN, IT, AL)")
    .option('--lang <codes>', 'languages the municipality works in, ISO 639-1, comma-separated (fr,ar)')
    .option('--lead-unit <name>', 'the unit leading the process inside the municipality')
    .option('--partner <name>', 'an implementing partner, optionally with its country: "CeSPI (IT)" (repeat for several)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--start <date>', 'programme start, YYYY-MM-DD (default: today)')
    .option('--end <date>', 'programme end, YYYY-MM-DD (default: a year after the start)')
    .option('--sdg <goals>', 'SDG goals of interest, comma-separated (default: 10); the example road map is linked to the first of them with a target on migration governance, else to 10')
    .option('--report-lang <codes>', "languages of the reports, comma-separated, the default first; lamd writes the documents' text in the first (default: the municipality's languages that reports exist in, then en)")
    .option('--lamd-package <spec>', 'the lamd the CI workflow installs, as an npm package spec: a registry version (lamd@1.2.0), a tarball URL or a git URL (default: this lamd, by name and version); recorded in lamd.yaml')
    .option('-y, --yes', 'ask nothing: take the defaults for every answer no flag gives')
    .option('--force', 'create the workspace in a folder that is not empty: files in the way are listed and kept, never overwritten')
    .option('--dry-run', 'list the files that would be written (on stdout) and write nothing')
    .action(lazy(() => import('./commands/init.js') as Promise<{ run: Run }>));

  program
    .command('new')
    .description('add a municipality, practice, road map, stakeholder or activity to the workspace')
    .argument('<kind>', 'municipality, practice, roadmap, stakeholder or activity')
    .argument('[id]', "the new document's id (a municipality's slug); default: from its name or title (in Latin letters, or transliterated)")
    .option('--municipality <slug>', "practice, roadmap, stakeholder: the slug of the municipality it belongs to; activity: slugs of those taking part, comma-separated")
    .option('--country <code>', 'municipality, stakeholder: ISO 3166-1 alpha-2 country code')
    .option('--lang <codes>', 'municipality: languages it works in, comma-separated')
    .option('--name-latin <name>', 'municipality: its name in Latin letters, when --name is written in another script (lamd.yaml names it in both)')
    .option('--lead-unit <name>', 'municipality: the unit leading the process inside it')
    .option('--local-partner <id>', 'municipality: id of the implementing partner that accompanies it')
    .option('--title <title>', 'practice, roadmap, activity: the title')
    .option('--cluster <cluster>', 'practice: thematic cluster')
    .option('--sdg <goal>', 'roadmap: the one SDG goal it is linked to (default: 10)')
    .option('--name <name>', 'municipality: its name, as written locally (any script); stakeholder: name of the organisation, unit or role')
    .option('--type <type>', 'stakeholder: its type; activity: training, internal-consultation, peer-exchange or final-event')
    .option('--level <level>', 'stakeholder: local, national or international (default: local)')
    .option('--affiliation <name>', 'stakeholder: the body it belongs to')
    .option('--migration-background', "stakeholder: brings migrants' perspectives (an expert with a migration background)")
    .option('--date <yyyy-mm-dd>', 'activity: the day it takes place (default: today)')
    .option('--mode <mode>', 'activity: online, in-person or hybrid')
    .option('-y, --yes', 'ask nothing: take the defaults for every answer no flag gives')
    .option('--dry-run', 'list the files that would be written or changed (on stdout) and write nothing')
    // Help per kind: `lamd new practice --help` explains the practice's flags and allowed values.
    .addHelpText('after', (context) => newHelp(context.command.args.find((a) => !a.startsWith('-'))))
    .action(lazy(() => import('./commands/new.js') as Promise<{ run: Run }>));

  program
    .command('validate')
    .description('check documents: YAML, schema, references, dates and method rules')
    .argument('[paths...]', 'files, folders or globs to check (default: the whole workspace); - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format (default: pretty)').choices(['pretty', 'json', 'github', 'junit', 'sarif']))
    .option('--strict', 'fail on warnings too')
    .option('-q, --quiet', 'report errors only')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--today <date>', 'the date date rules take as today (YYYY-MM-DD), for reproducible CI runs (default: the local date where lamd runs)')
    .option('--list-suppressions', 'list the rules documents silence, with their reasons')
    .option('--lang <code>', 'language of the messages: en, fr or it (default: from LC_ALL, LC_MESSAGES or LANG, else en)')
    .action(lazy(() => import('./commands/validate.js') as Promise<{ run: Run }>));

  program
    .command('report')
    .description('render a phase report as Markdown, HTML, PDF or Word into <workspace>/reports/')
    .argument('<phase>', 'preparatory, profile, capitalization, roadmap, final, progress, or all')
    .option('-m, --municipality <slug>', 'report on this municipality only')
    .addOption(new Option('-f, --format <format>', 'md (default), html (one self-contained page, print-ready), pdf (printed by a Chromium on this machine) or docx (Word)').choices(['md', 'html', 'pdf', 'docx']))
    .addOption(new Option('--paper <size>', 'paper of the HTML, PDF and Word reports (default: a4)').choices(['a4', 'letter']))
    .option('--single', 'with `all`: bind every phase into one document with one cover and one table of contents (html, pdf or docx)')
    .option('-o, --out <dir>', 'write the reports into this folder (default: <workspace>/reports)')
    .option('--lang <code>', "language of the report: en, it, fr, sq or ar (default: the workspace's first report language)")
    .option('--today <date>', 'the date overdue actions are counted on (YYYY-MM-DD), for reproducible reports (default: the local date where lamd runs)')
    .option('--period <period>', 'the progress report stops at this reporting period (2024, 2024-H1, 2024-Q3; default: the latest)')
    .option('--draft', 'write the report even though documents it reads have errors, marked "draft" on every page and in the file name')
    .action(lazy(() => import('./commands/report.js') as Promise<{ run: Run }>));

  program
    .command('rules')
    .description('list the rules lamd checks, with their severity in this workspace')
    .option('--json', 'print the list as JSON')
    .action(lazy(() => import('./commands/rules.js') as Promise<{ run: Run }>));

  program
    .command('export')
    .description('write spreadsheets: the results matrix for donors, or a progress workbook for officers to fill in')
    .argument('<what>', 'results-matrix or progress-template')
    .addOption(new Option('-f, --format <format>', 'csv or xlsx (default: from -o, else csv)').choices(['csv', 'xlsx']))
    .option('-o, --output <file>', 'the file to write (a results matrix in CSV goes to standard output without it)')
    .option('-m, --municipality <slug>', 'this municipality only')
    .option('--period <period>', 'the reporting period: 2025, 2025-H1, 2025-Q3 (required for progress-template; for results-matrix, actuals up to it)')
    .option('--lang <code>', "language of the labels: en, it, fr, sq or ar (default: the workspace's first report language)")
    .option('--today <date>', 'the date date rules count from (YYYY-MM-DD)')
    .option('--force', 'replace the output file if it exists')
    .addHelpText('after', '\nExit codes: 0 written; 1 the workspace has errors (nothing written); 2 usage error.')
    .action(lazy(() => import('./commands/export.js') as Promise<{ run: Run }>));

  program
    .command('import')
    .description('write or update progress reports from a progress workbook (XLSX or CSV) filled in by an officer')
    .argument('<what>', 'progress')
    .argument('<file>', 'the workbook: FILE.xlsx written by `lamd export progress-template`, or its CSV form')
    .option('--period <period>', 'the reporting period (default: the one the workbook was exported for)')
    .option('--dry-run', 'print the documents that would be written, and write nothing')
    .option('--force', "update the period's existing progress reports with the workbook's values")
    .option('--lang <code>', "language of the messages about cells: en, it, fr, sq or ar (default: the workspace's first report language)")
    .option('--today <date>', 'the date a new report is recorded as made (YYYY-MM-DD)')
    .addHelpText('after', '\nExit codes: 0 written (or nothing to write); 1 a cell is wrong or the written reports have errors (nothing written for a wrong cell); 2 not a workbook lamd wrote, or usage error.')
    .action(lazy(() => import('./commands/import.js') as Promise<{ run: Run }>));

  program
    .command('explain')
    .description("print a rule's documentation: what it checks, why, examples, how to fix it and turn it down (offline)")
    .argument('<rule>', 'a rule id, such as roadmap/single-sdg, or its name alone when only one area has it (single-sdg)')
    .addHelpText('after', '\nExit codes: 0 the page was printed; 2 there is no such rule (the closest ids are suggested).\n`lamd rules` lists every rule.')
    .action(lazy(() => import('./commands/explain.js') as Promise<{ run: Run }>));

  program
    .command('schema')
    .description('print the JSON Schema of a document kind, or write them all with --out')
    .argument('[kind]', 'workspace, profile, practice, roadmap, stakeholders, activity or common')
    .option('--out <dir>', 'write every schema into this folder')
    .option('--force', 'replace schema files that differ in --out')
    .action(lazy(() => import('./commands/schema.js') as Promise<{ run: Run }>));

  program
    .command('sdg')
    .description('look up SDG goals, targets and indicators; --migration lists the migration-relevant targets')
    .argument('[query]', 'a goal (10), a target (10.7, 10.c) or an indicator (10.7.2); none lists the 17 goals')
    .option('-m, --migration', 'list the migration-relevant targets, direct and related, with the reason for each (of one goal if given)')
    .option('--lang <code>', 'language of the titles: en (default), it, fr, ar, es; sq shows the English titles')
    .option('--json', 'print JSON (shape below)')
    .addHelpText(
      'after',
      `
Exit codes: 0 found; 2 the goal, target or indicator does not exist (e.g. 18, 10.99, 10.7.9; the
message on stderr lists what does), the query is not an SDG id at all (e.g. abc), or an option is wrong.
(lamd keeps exit 1 for documents with problems; a lookup that finds nothing is a usage error.)

JSON (--json), formatVersion 1; on exit 2 stdout stays empty. Every answer has
  formatVersion, codeList (the SDG code list lamd ships), language (of the titles),
  requestedLanguage, view, query (the id asked for, or null), and by view:
  goals       goals: [Goal]
  goal        goal: Goal, targets: [Target]
  target      target: Target, goal: Goal, indicators: [{id, target, title}]
  indicator   indicator: {id, title, targets: [id]}, targets: [Target],
              alsoListedAs: [{id, target}] (the same indicator under other numbers)
  migration   goal: Goal | null, direct: [Target], related: [Target]
  Goal = {id, short, title}
  Target = {id, goal, title, migration: null | {relevance: "direct" | "related", reason}}
Titles: the UN's official texts; the Italian and part of the Arabic are community translations
(data/sdg/SOURCES.md). The reasons of --migration are in English.

Examples:
  lamd sdg 10 --lang it      lamd sdg 10.7.2 --json      lamd sdg --migration`,
    )
    .action(lazy(() => import('./commands/sdg.js') as Promise<{ run: Run }>));

  return program;
}

/**
 * Runs lamd on `argv` (as process.argv: node, script, then the arguments) against a terminal, and returns
 * the exit code. The process entry (entry.ts) passes the real one; tests pass their own.
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv as string[]);
    return sessions.get(program)!.exitCode;
  } catch (error) {
    return report(error, io, sessions.get(program)!.language);
  }
}

function report(error: unknown, io: CliIO, language: MessageLanguage): number {
  if (error instanceof CommanderError) {
    // Help and version are successes; every other commander error is a usage error (exit 2, not 1).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return 2;
  }
  if (error instanceof UsageError || error instanceof WorkspaceError) {
    io.stderr(`lamd: ${error.text ? render(language, error.text) : error.message}\n`);
    return 2;
  }
  if (error instanceof InterruptedError) {
    io.stderr(`lamd: ${error.text ? render(language, error.text) : error.message}\n`);
    return 130;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`lamd: ${render(language, t('cli.unexpected-failure', { message }))}\n`);
  if (io.env.LAMD_DEBUG) io.stderr(`${error instanceof Error ? error.stack : ''}\n`);
  return 2;
}
