// lamd's command line: maps arguments to commands, loaded only when run, and every failure to an
// exit code (0 fine, 1 the documents have problems, 2 usage or lamd failure, 130 interrupted).
import { Command, CommanderError, Option } from 'commander';
import { LAMD_VERSION } from '../version.js';
import { InterruptedError, UsageError, WorkspaceError } from '../errors.js';
import { processIO, terminalWidth, type CliIO } from './io.js';
import { newHelp } from '../scaffold/new-help.js';
import type { GlobalOptions } from './global-options.js';
import { render, t, type MessageLanguage } from '../i18n/messages.js';
import { commanderError, helpConfiguration } from './commander-text.js';
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
 * The language of a command's messages. `validate`, `rules` and `explain` take --lang for it (a language lamd
 * cannot speak is a usage error); for `report`, `export`, `import` and `sdg`, --lang chooses the
 * language of what they produce, and lamd speaks it too when it can; `init` and `new` take --lang for
 * the municipality's languages, so they follow the locale.
 */
function commandLanguage(command: string, lang: string | undefined, env: NodeJS.ProcessEnv): MessageLanguage {
  if (command === 'validate' || command === 'rules' || command === 'explain') return messageLanguage(env, lang);
  if (command === 'report' || command === 'export' || command === 'import' || command === 'sdg') return messageLanguageNear(env, lang);
  return languageFromEnv(env);
}

export function buildProgram(io: CliIO = processIO(), language: MessageLanguage = languageFromEnv(io.env)): Command {
  // Help texts in the language of the run, chosen before commander reads the arguments (helpLanguage).
  const h = (id: string): string => render(language, t(id));
  const program = new Command('lamd')
    .description(h('help.lamd.description'))
    .version(LAMD_VERSION, '-V, --version', h('help.lamd.option.version'))
    .helpOption('-h, --help', h('help.lamd.option.help'))
    .helpCommand('help [command]', h('help.lamd.command.help'))
    .option('-C, --workspace <dir>', h('help.lamd.option.workspace'))
    .option('--no-color', h('help.lamd.option.no-color'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp(helpConfiguration(language))
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(commanderError(s, language)),
      // As commander does by itself, but for the injected terminal (and COLUMNS, as findings): else at 80 columns.
      getOutHelpWidth: () => terminalWidth(io, 'stdout') as number,
      getErrHelpWidth: () => terminalWidth(io, 'stderr') as number,
    });
  sessions.set(program, { io, exitCode: 0, language });

  program
    .command('init')
    .description(h('help.init.description'))
    .argument('[dir]', h('help.init.argument.dir'))
    .option('--network <name>', h('help.init.option.network'))
    .option('--name <name>', h('help.init.option.name'))
    .option('--municipality <name>', h('help.init.option.municipality'))
    .option('--name-latin <name>', h('help.init.option.name-latin'))
    .option('--municipality-latin <name>', h('help.init.option.municipality-latin'))
    .option('--slug <slug>', h('help.init.option.slug'))
    .option('--country <code>', h('help.init.option.country'))
    .option('--lang <codes>', h('help.init.option.lang'))
    .option('--lead-unit <name>', h('help.init.option.lead-unit'))
    .option('--partner <name>', h('help.init.option.partner'), (value: string, previous: string[] = []) => [...previous, value])
    .option('--start <date>', h('help.init.option.start'))
    .option('--end <date>', h('help.init.option.end'))
    .option('--sdg <goals>', h('help.init.option.sdg'))
    .option('--report-lang <codes>', h('help.init.option.report-lang'))
    .option('--lamd-package <spec>', h('help.init.option.lamd-package'))
    .option('-y, --yes', h('help.init.option.yes'))
    .option('--force', h('help.init.option.force'))
    .option('--dry-run', h('help.init.option.dry-run'))
    .action(lazy(() => import('./commands/init.js') as Promise<{ run: Run }>));

  program
    .command('new')
    .description(h('help.new.description'))
    .argument('<kind>', h('help.new.argument.kind'))
    .argument('[id]', h('help.new.argument.id'))
    .option('--municipality <slug>', h('help.new.option.municipality'))
    .option('--country <code>', h('help.new.option.country'))
    .option('--lang <codes>', h('help.new.option.lang'))
    .option('--name-latin <name>', h('help.new.option.name-latin'))
    .option('--lead-unit <name>', h('help.new.option.lead-unit'))
    .option('--local-partner <id>', h('help.new.option.local-partner'))
    .option('--title <title>', h('help.new.option.title'))
    .option('--cluster <cluster>', h('help.new.option.cluster'))
    .option('--sdg <goal>', h('help.new.option.sdg'))
    .option('--name <name>', h('help.new.option.name'))
    .option('--type <type>', h('help.new.option.type'))
    .option('--level <level>', h('help.new.option.level'))
    .option('--affiliation <name>', h('help.new.option.affiliation'))
    .option('--migration-background', h('help.new.option.migration-background'))
    .option('--date <yyyy-mm-dd>', h('help.new.option.date'))
    .option('--mode <mode>', h('help.new.option.mode'))
    .option('-y, --yes', h('help.new.option.yes'))
    .option('--dry-run', h('help.new.option.dry-run'))
    // Help per kind: `lamd new practice --help` explains the practice's flags and allowed values.
    .addHelpText('after', (context) => newHelp(context.command.args.find((a) => !a.startsWith('-')), language))
    .action(lazy(() => import('./commands/new.js') as Promise<{ run: Run }>));

  program
    .command('validate')
    .description(h('help.validate.description'))
    .argument('[paths...]', h('help.validate.argument.paths'))
    .addOption(new Option('-f, --format <format>', h('help.validate.option.format')).choices(['pretty', 'json', 'github', 'junit', 'sarif']))
    .option('--strict', h('help.validate.option.strict'))
    .option('-q, --quiet', h('help.validate.option.quiet'))
    .option('-o, --output <file>', h('help.validate.option.output'))
    .option('--force', h('help.validate.option.force'))
    .option('--today <date>', h('help.validate.option.today'))
    .option('--list-suppressions', h('help.validate.option.list-suppressions'))
    .option('--stdin-filename <path>', h('help.validate.option.stdin-filename'))
    .option('--lang <code>', h('help.validate.option.lang'))
    .option('--cache', h('help.validate.option.cache'))
    .option('--cache-location <path>', h('help.validate.option.cache-location'))
    .option('--jobs <n>', h('help.validate.option.jobs'))
    .action(lazy(() => import('./commands/validate.js') as Promise<{ run: Run }>));

  program
    .command('report')
    .description(h('help.report.description'))
    .argument('<phase>', h('help.report.argument.phase'))
    .option('-m, --municipality <slug>', h('help.report.option.municipality'))
    .addOption(new Option('-f, --format <format>', h('help.report.option.format')).choices(['md', 'html', 'pdf', 'docx']))
    .addOption(new Option('--paper <size>', h('help.report.option.paper')).choices(['a4', 'letter']))
    .option('--single', h('help.report.option.single'))
    .option('-o, --out <dir>', h('help.report.option.out'))
    .option('--lang <code>', h('help.report.option.lang'))
    .option('--today <date>', h('help.report.option.today'))
    .option('--period <period>', h('help.report.option.period'))
    .option('--draft', h('help.report.option.draft'))
    .action(lazy(() => import('./commands/report.js') as Promise<{ run: Run }>));

  program
    .command('rules')
    .description(h('help.rules.description'))
    .option('--json', h('help.rules.option.json'))
    .option('--lang <code>', h('help.rules.option.lang'))
    .action(lazy(() => import('./commands/rules.js') as Promise<{ run: Run }>));

  program
    .command('export')
    .description(h('help.export.description'))
    .argument('<what>', h('help.export.argument.what'))
    .addOption(new Option('-f, --format <format>', h('help.export.option.format')).choices(['csv', 'xlsx']))
    .option('-o, --output <file>', h('help.export.option.output'))
    .option('-m, --municipality <slug>', h('help.export.option.municipality'))
    .option('--period <period>', h('help.export.option.period'))
    .option('--lang <code>', h('help.export.option.lang'))
    .option('--today <date>', h('help.export.option.today'))
    .option('--force', h('help.export.option.force'))
    .addHelpText('after', `\n${h('help.export.exit-codes')}`)
    .action(lazy(() => import('./commands/export.js') as Promise<{ run: Run }>));

  program
    .command('import')
    .description(h('help.import.description'))
    .argument('<what>', h('help.import.argument.what'))
    .argument('<file>', h('help.import.argument.file'))
    .option('--period <period>', h('help.import.option.period'))
    .option('--dry-run', h('help.import.option.dry-run'))
    .option('--force', h('help.import.option.force'))
    .option('--lang <code>', h('help.import.option.lang'))
    .option('--today <date>', h('help.import.option.today'))
    .addHelpText('after', `\n${h('help.import.exit-codes')}`)
    .action(lazy(() => import('./commands/import.js') as Promise<{ run: Run }>));

  program
    .command('explain')
    .description(h('help.explain.description'))
    .argument('<rule>', h('help.explain.argument.rule'))
    .option('--lang <code>', h('help.explain.option.lang'))
    .addHelpText('after', `\n${h('help.explain.exit-codes')}`)
    .action(lazy(() => import('./commands/explain.js') as Promise<{ run: Run }>));

  program
    .command('schema')
    .description(h('help.schema.description'))
    .argument('[kind]', h('help.schema.argument.kind'))
    .option('--out <dir>', h('help.schema.option.out'))
    .option('--force', h('help.schema.option.force'))
    .action(lazy(() => import('./commands/schema.js') as Promise<{ run: Run }>));

  program
    .command('sdg')
    .description(h('help.sdg.description'))
    .argument('[query]', h('help.sdg.argument.query'))
    .option('-m, --migration', h('help.sdg.option.migration'))
    .option('--lang <code>', h('help.sdg.option.lang'))
    .option('--json', h('help.sdg.option.json'))
    // Rendered when shown: the one help text with a value to put in, whose ICU parse and first Intl
    // lookup (~15 ms) every other command would otherwise pay at start.
    .addHelpText('after', () => `\n${render(language, t('help.sdg.after', { views: SDG_JSON_VIEWS }))}`)
    .action(lazy(() => import('./commands/sdg.js') as Promise<{ run: Run }>));

  return program;
}

/** The JSON views of `lamd sdg`, named by their fields (the same in every language), for its help. */
const SDG_JSON_VIEWS = `  goals       goals: [Goal]
  goal        goal: Goal, targets: [Target]
  target      target: Target, goal: Goal, indicators: [{id, target, title}]
  indicator   indicator: {id, title, targets: [id]}, targets: [Target],
              alsoListedAs: [{id, target}]
  migration   goal: Goal | null, direct: [Target], related: [Target]
  Goal = {id, short, title}
  Target = {id, goal, title, migration: null | {relevance: "direct" | "related", reason}}`;

/**
 * Runs lamd on `argv` (as process.argv: node, script, then the arguments) against a terminal, and returns
 * the exit code. The process entry (entry.ts) passes the real one; tests pass their own.
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const program = buildProgram(io, helpLanguage(argv.slice(2), io.env));
  try {
    await program.parseAsync(argv as string[]);
    return sessions.get(program)!.exitCode;
  } catch (error) {
    return report(error, io, sessions.get(program)!.language);
  }
}

/** Options of the program itself that take a value, to skip when looking for the command's name. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['-C', '--workspace']);

/**
 * The language of help and of commander's own messages, chosen from the arguments before commander
 * parses them: the command's --lang where it names the language of lamd's messages or of the command's
 * output (as commandLanguage decides once the command runs), else the locale. A --lang lamd cannot
 * speak is left for the command to refuse; help then follows the locale.
 */
export function helpLanguage(args: readonly string[], env: NodeJS.ProcessEnv): MessageLanguage {
  let command: string | undefined;
  let lang: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (command === undefined) {
      if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) i++;
      else if (!arg.startsWith('-')) command = arg;
      continue;
    }
    if (arg === '--lang') lang = args[++i];
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
  }
  if (command !== undefined && LANG_MEANS_OUTPUT.has(command)) return messageLanguageNear(env, lang);
  return languageFromEnv(env);
}

/** Commands whose --lang is the language lamd speaks or writes in (init's and new's is the municipality's). */
const LANG_MEANS_OUTPUT = new Set(['validate', 'rules', 'explain', 'report', 'export', 'import', 'sdg']);

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
