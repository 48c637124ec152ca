// The terminal prompts of init and new, behind the Asker the scaffold's questions are written against.
import { InterruptedError } from '../errors.js';
import type { Asker } from '../scaffold/questions.js';

/**
 * The prompts, with @inquirer/prompts on standard error (standard output stays for data). Inquirer
 * rejects with ExitPromptError on Ctrl-C; lamd turns it into an interruption: exit 130, nothing written.
 */
export async function inquirerAsker(): Promise<Asker> {
  const prompts = await import('@inquirer/prompts');
  const context = { input: process.stdin, output: process.stderr };
  const interrupted = (error: unknown): never => {
    const name = (error as Error | undefined)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new InterruptedError();
    throw error;
  };
  return {
    text: (o) => prompts.input({ message: o.message, ...(o.default !== undefined ? { default: o.default } : {}), validate: o.validate }, context).catch(interrupted),
    search: (o) => prompts.search({ message: o.message, source: async (term) => o.source(term ?? undefined) }, context).catch(interrupted),
    select: (o) => prompts.select({ message: o.message, choices: o.choices, ...(o.default !== undefined ? { default: o.default } : {}) }, context).catch(interrupted),
    checkbox: (o) => prompts.checkbox({ message: o.message, choices: o.choices, validate: (items) => o.validate(items.map((i) => i.value)) }, context).catch(interrupted),
  };
}
