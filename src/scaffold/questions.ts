// The questions of `lamd init` and `lamd new`: every answer comes from its flag when given, else
// from the person when lamd may ask, else from its default; a required answer that is none of these
// is collected and reported once, naming every flag that is missing. The prompts themselves are
// injected (an Asker), so this module never touches the terminal.
import { UsageError } from '../errors.js';
import { and, render, t, type MessageLanguage, type Text, type TextValue } from '../i18n/messages.js';
import { ANSWER, type Source } from './answers.js';

export interface Choice {
  value: string;
  name: string;
  description?: string;
}

/** The prompts lamd uses; the CLI implements them with @inquirer/prompts, tests with scripts. */
export interface Asker {
  text(options: { message: string; default?: string; validate: (value: string) => string | true }): Promise<string>;
  search(options: { message: string; source: (term: string | undefined) => Choice[] }): Promise<string>;
  select(options: { message: string; choices: Choice[]; default?: string }): Promise<string>;
  checkbox(options: { message: string; choices: Array<Choice & { checked?: boolean }>; validate: (values: readonly string[]) => string | true }): Promise<string[]>;
}

/**
 * Whether lamd may ask questions, decided once per run: never with --yes; otherwise only when
 * standard input and standard error are terminals and CI is not set (`CI=false` or `CI=0` count as
 * unset). Inquirer cannot tell a closed input from Ctrl-C and waits forever on an open pipe, so
 * this decision must be lamd's own.
 */
export function mayAsk(input: { yes?: boolean; stdinIsTTY: boolean; stderrIsTTY: boolean; env: NodeJS.ProcessEnv }): boolean {
  if (input.yes) return false;
  const ci = input.env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return input.stdinIsTTY && input.stderrIsTTY && !inCi;
}

/** A required answer nobody gave, and why it could not be found. */
interface Missing {
  flag: TextValue;
  why?: Text;
}

export class Questions {
  private readonly missing: Missing[] = [];

  /** `tell` shows the person a line on the terminal (how lamd read an answer). */
  constructor(
    readonly asker: Asker | undefined,
    private readonly tell: (line: string) => void = () => {},
    /** The language lamd speaks to the person. */
    readonly language: MessageLanguage = 'en',
  ) {}

  /** A line for the person, such as a note on how lamd chose a default. */
  note(line: string): void {
    this.tell(line);
  }

  /** A message in the language lamd speaks to the person. */
  say(text: Text): string {
    return render(this.language, text);
  }

  /** Why an answer typed at a question is refused, in the person's language. */
  private problem(error: unknown): string {
    if (error instanceof UsageError) return error.text ? this.say(error.text) : error.message;
    throw error;
  }

  get interactive(): boolean {
    return this.asker !== undefined;
  }

  /**
   * A one-line answer. `given` is the flag's value; `parse` validates and converts, throwing a
   * UsageError that names its source's label: the flag for a flag's value, "The answer" at a
   * question, where the person typed no flag. When what was typed is read as something else
   * ("Sousse" as sousse, "French, Arabic" as fr, ar), the result is shown (`show` writes it).
   * Optional answers may stay empty (undefined).
   */
  async text<T>(spec: {
    flag: string;
    given: string | undefined;
    message: string;
    default?: string;
    optional?: boolean;
    parse: (raw: string, source: Source) => T;
    show?: (value: T) => string;
    why?: Text;
  }): Promise<T | undefined> {
    const fromFlag: Source = { label: spec.flag.split(' ')[0]!, prompted: false };
    const asked: Source = { label: ANSWER, prompted: true };
    if (spec.given !== undefined) return spec.parse(spec.given, fromFlag);
    if (this.asker) {
      const raw = await this.asker.text({
        message: spec.message,
        ...(spec.default !== undefined ? { default: spec.default } : {}),
        validate: (value) => {
          if (value.trim() === '') return spec.optional ? true : this.say(t('questions.answer-needed'));
          try {
            spec.parse(value, asked);
            return true;
          } catch (error) {
            return this.problem(error);
          }
        },
      });
      if (raw.trim() === '') return undefined;
      const value = spec.parse(raw, asked);
      const shown = spec.show ? spec.show(value) : typeof value === 'string' ? value : undefined;
      if (shown !== undefined && shown.replace(/\s+/g, '') !== raw.replace(/\s+/g, '')) this.tell(`  ${this.say(t('questions.read-as', { value: shown }))}\n`);
      return value;
    }
    if (spec.default !== undefined) return spec.parse(spec.default, fromFlag);
    if (!spec.optional) this.missing.push({ flag: spec.flag, ...(spec.why ? { why: spec.why } : {}) });
    return undefined;
  }

  /** One value from a searchable list (countries). */
  async search(spec: { flag: string; given: string | undefined; message: string; source: (term: string | undefined) => Choice[]; parse: (raw: string) => string }): Promise<string | undefined> {
    if (spec.given !== undefined) return spec.parse(spec.given);
    if (this.asker) return spec.parse(await this.asker.search({ message: spec.message, source: spec.source }));
    this.missing.push({ flag: spec.flag });
    return undefined;
  }

  /** One value from a closed list. */
  async choice(spec: { flag: string; given: string | undefined; message: string; choices: Choice[]; default?: string; parse: (raw: string) => string }): Promise<string | undefined> {
    if (spec.given !== undefined) return spec.parse(spec.given);
    if (this.asker) return spec.parse(await this.asker.select({ message: spec.message, choices: spec.choices, ...(spec.default !== undefined ? { default: spec.default } : {}) }));
    if (spec.default !== undefined) return spec.parse(spec.default);
    this.missing.push({ flag: spec.flag });
    return undefined;
  }

  /** Several values from a closed list, at least one. */
  async several(spec: { flag: string; given: string | undefined; message: string; choices: Choice[]; defaults: string[]; parse: (raw: string) => string[] }): Promise<string[]> {
    if (spec.given !== undefined) return spec.parse(spec.given);
    if (this.asker) {
      const picked = await this.asker.checkbox({
        message: spec.message,
        choices: spec.choices.map((c) => ({ ...c, checked: spec.defaults.includes(c.value) })),
        validate: (values) => (values.length ? true : this.say(t('questions.choose-one'))),
      });
      return spec.parse(picked.join(','));
    }
    return spec.parse(spec.defaults.join(','));
  }

  /** Records a required answer that cannot be found, for a reason the caller knows. */
  require(flag: TextValue, why?: Text): void {
    this.missing.push({ flag, ...(why ? { why } : {}) });
  }

  /** Throws one UsageError naming every missing flag, if any. */
  finish(command: string): void {
    if (this.missing.length === 0) return;
    const flags = this.missing.map((m) => m.flag);
    // Each reason is a sentence of its own, after the list of what is missing.
    const reasons = this.missing.flatMap((m) => (m.why ? [` ${this.say(m.why)}`] : [])).join('');
    throw new UsageError(t('questions.missing', { command, flags: and(flags), reasons, count: flags.length }));
  }
}
