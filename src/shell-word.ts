// A path or value inside a command lamd suggests, as one word of a POSIX shell.

/** `word` as is when no shell reads anything into it, else in single quotes (the set of Python's shlex.quote). */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
