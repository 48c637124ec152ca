// lamd's commands by name, for the process entry to tell which command a run is before the command
// line loads (src/cli/entry.ts keeps a code cache per command). test/speed/compile-cache.test.ts holds
// this list to the program's commands. Which cache a run takes never changes what it does, only
// which of its functions come compiled.
export const COMMAND_NAMES = ['init', 'new', 'validate', 'report', 'rules', 'export', 'import', 'explain', 'schema', 'sdg'] as const;

/** The command a run's arguments name: the first argument that is a command's name, else 'other'. */
export function commandOf(args: readonly string[]): string {
  const names: readonly string[] = COMMAND_NAMES;
  return args.find((arg) => names.includes(arg)) ?? 'other';
}

/**
 * Which code cache a run takes: a command's help compiles the help, not the command, so 'help'; a
 * `validate --cache` run, warm, compiles a third less than a cold one, so 'validate-cache'; else its command.
 */
export function purposeOf(args: readonly string[]): string {
  if (args.includes('--help') || args.includes('-h') || args.includes('help')) return 'help';
  const command = commandOf(args);
  return command === 'validate' && args.some((arg) => arg === '--cache' || arg === '--cache-location' || arg.startsWith('--cache-location=')) ? 'validate-cache' : command;
}
