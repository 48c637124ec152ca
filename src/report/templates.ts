// Renders report templates with Mustache, logic-less and boxed in further, because CI renders
// templates that arrive in pull requests:
//
// - Values are looked up as own properties of plain data only: no prototype (`constructor`,
//   `__proto__`), and never a function, so "lambdas" cannot exist and nothing is ever called.
// - `{{x}}`, `{{{x}}}` and `{{&x}}` all print the same thing: the view's value as it is. Views hold
//   Markdown that is already escaped (see markdown.ts), so no template can unescape user text; that is
//   why lamd escapes in the view model and not in the template.
// - Partials are looked up by name (`{{> sdg}}` → `_sdg.md.mustache`) in the workspace's override
//   folder, then lamd's; a name is matched against a strict pattern, never used as a path.
// - Rendering has budgets (tokens, partial inclusions, characters produced) and a partial depth
//   limit, so a template cannot loop or explode; one that hits a budget is named with the partial
//   it was in. Each partial file is read once per report, however often it is included.
import Mustache from 'mustache';
import { readTemplateFile, TemplateError, type TemplateFile, type TemplateSources } from './template-files.js';
import { mustacheSyntaxError } from './template-syntax.js';
import { plainData } from './plain-data.js';
import { t } from '../i18n/messages.js';

/** Tokens rendered per report before lamd gives up on a template. */
export const MAX_TEMPLATE_WORK = 2_000_000;
/** Partials nested deeper than this are taken for a loop. */
export const MAX_PARTIAL_DEPTH = 16;
/**
 * Partial inclusions per report. The shipped templates include a few per practice or activity, so
 * a programme of thousands stays far below; sixteen partials that each include the next three
 * times (43 million inclusions) stop here in a fraction of a second.
 */
export const MAX_PARTIAL_INCLUSIONS = 100_000;
/** Characters of Markdown per report: far more than any programme's report, far less than memory. */
export const MAX_REPORT_CHARS = 64 * 1024 * 1024;

const PARTIAL_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/** Only data: functions (and anything that is not JSON-like) render as nothing. */
function dataOnly(value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return undefined;
  return value;
}

/** A tag's name split at its dots, once per name: a report looks the same few names up thousands of times. */
const namePaths = new Map<string, readonly string[]>();

class SafeContext extends Mustache.Context {
  constructor(view: unknown, parent?: SafeContext) {
    super(view, parent);
  }

  override push(view: unknown): SafeContext {
    return new SafeContext(view, this);
  }

  override lookup(name: string): unknown {
    if (name === '.') return dataOnly(this.view);
    let path = namePaths.get(name);
    if (path === undefined) namePaths.set(name, (path = name.split('.')));
    const first = path[0]!;
    // Mustache's rule: the first name is searched up the context stack, the rest descend from it.
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk up the stack starts at this context
    for (let context: Mustache.Context | undefined = this; context; context = context.parent) {
      const view: unknown = context.view;
      if (!isRecord(view) || !Object.hasOwn(view, first)) continue;
      let value: unknown = view[first];
      for (let at = 1; at < path.length; at++) {
        const part = path[at]!;
        if (isRecord(value) && Object.hasOwn(value, part)) value = value[part];
        else return undefined;
      }
      return dataOnly(value);
    }
    return undefined;
  }
}

function printable(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  // Objects, lists, booleans and non-finite numbers print nothing rather than "[object Object]" or "NaN".
  return '';
}

type Tokens = Parameters<Mustache.Writer['renderTokens']>[0];
type Token = Parameters<Mustache.Writer['renderSection']>[0];

class SafeWriter extends Mustache.Writer {
  private work = 0;
  private inclusions = 0;
  private produced = 0;
  /** The partials being rendered, outermost first, to say where a budget ran out. */
  readonly chain: string[] = [];

  /** `template`: the template being rendered, as named to the user; `display`: a partial's file name. */
  constructor(
    private readonly template: string,
    private readonly display: (partial: string) => string,
  ) {
    super();
  }

  private stop(why: 'too_long' | 'too_much_work' | 'too_deep' | 'too_many', limit: number): never {
    // The innermost partial by its file, the way there by partial names: `{{> a}} → {{> b}}`.
    const via = this.chain.slice(0, -1).map((name) => `{{> ${name}}}`);
    const shown = via.length > 6 ? [...via.slice(0, 3), '…', ...via.slice(-2)] : via;
    const file = this.chain.length ? this.display(this.chain.at(-1)!) : undefined;
    const where = file === undefined ? '' : shown.length ? t('template.stopped-in-through', { file, chain: shown.join(' → ') }) : t('template.stopped-in', { file });
    throw new TemplateError(t('template.stopped', { template: this.template, why, limit, where }));
  }

  private count(text: string): string {
    this.produced += text.length;
    if (this.produced > MAX_REPORT_CHARS) this.stop('too_long', MAX_REPORT_CHARS / 1024 / 1024);
    return text;
  }

  override renderTokens(tokens: Tokens, context: Mustache.Context, partials?: Mustache.PartialsOrLookupFn, originalTemplate?: string, config?: Mustache.RenderOptions): string {
    this.work += tokens.length;
    if (this.work > MAX_TEMPLATE_WORK) this.stop('too_much_work', MAX_TEMPLATE_WORK);
    return super.renderTokens(tokens, context, partials, originalTemplate, config);
  }

  override rawValue(token: Token): string {
    // Literal text is output as it stands; what a template writes counts as it is written.
    return this.count(token[1]!);
  }

  override renderSection(token: Token, context: Mustache.Context, partials?: Mustache.PartialsOrLookupFn, _originalTemplate?: string, config?: Mustache.RenderOptions): string {
    const value = context.lookup(token[1]!);
    if (!value) return '';
    const inner = token[4] as unknown as Tokens;
    if (Array.isArray(value)) {
      let out = '';
      for (const item of value) out += this.renderTokens(inner, context.push(item), partials, undefined, config);
      return out;
    }
    if (typeof value === 'object' || typeof value === 'string' || typeof value === 'number') {
      return this.renderTokens(inner, context.push(value), partials, undefined, config);
    }
    return this.renderTokens(inner, context, partials, undefined, config);
  }

  override renderPartial(token: Token, context: Mustache.Context, partials?: Mustache.PartialsOrLookupFn, config?: Mustache.OpeningAndClosingTags | Mustache.RenderOptions): string {
    if (this.chain.length >= MAX_PARTIAL_DEPTH) this.stop('too_deep', MAX_PARTIAL_DEPTH);
    if (++this.inclusions > MAX_PARTIAL_INCLUSIONS) this.stop('too_many', MAX_PARTIAL_INCLUSIONS);
    this.chain.push(token[1]!);
    try {
      return super.renderPartial(token, context, partials, config) ?? '';
    } finally {
      this.chain.pop();
    }
  }

  override escapedValue(token: Token, context: Mustache.Context): string {
    return this.count(printable(context.lookup(token[1]!)));
  }

  override unescapedValue(token: Token, context: Mustache.Context): string {
    return this.count(printable(context.lookup(token[1]!)));
  }
}

export interface RenderedTemplate {
  text: string;
  /** The workspace's override files used, relative to the workspace. */
  overrides: string[];
}

/**
 * Renders the template `<name>.md.mustache` (a workspace override first, then lamd's) with a view of
 * plain data. Throws TemplateError for a template that is missing, malformed or too expensive.
 */
export function renderTemplate(sources: TemplateSources, name: string, view: unknown): RenderedTemplate {
  const main = readTemplateFile(sources, `${name}.md.mustache`, 'any');
  if (!main) throw new TemplateError(t('template.missing', { name }));
  const overrides = main.origin === 'override' ? [main.display] : [];
  let current = main.display;
  let currentText = main.text;
  // Read once per report: a partial included ten thousand times is not read ten thousand times.
  const loaded = new Map<string, TemplateFile>();
  const partials = (partial: string): string => {
    let file = loaded.get(partial);
    if (!file) {
      if (!PARTIAL_NAME.test(partial)) throw new TemplateError(t('template.bad-partial-name', { file: current, partial: `{{> ${partial}}}` }));
      file = readTemplateFile(sources, `_${partial}.md.mustache`, 'any');
      if (!file) throw new TemplateError(t('template.no-partial', { file: current, partial }));
      if (file.origin === 'override' && !overrides.includes(file.display)) overrides.push(file.display);
      loaded.set(partial, file);
    }
    current = file.display;
    currentText = file.text;
    return file.text;
  };
  const writer = new SafeWriter(main.display, (partial) => loaded.get(partial)?.display ?? `_${partial}.md.mustache`);
  try {
    const text = writer.render(main.text, new SafeContext(plainData(view)), partials);
    return { text, overrides };
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    if (error instanceof RangeError) throw new TemplateError(t('template.too-deep', { file: current }));
    const message = (error as Error).message;
    throw new TemplateError(mustacheSyntaxError(current, currentText, message) ?? t('template.failed', { file: current, error: message }));
  }
}

