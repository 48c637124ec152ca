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
// - Rendering has a work budget and a partial depth limit, so a template cannot loop or explode.
import Mustache from 'mustache';
import { readTemplateFile, TemplateError, type TemplateSources } from './template-files.js';

/** Tokens rendered per report before lamd gives up on a template. */
export const MAX_TEMPLATE_WORK = 2_000_000;
/** Partials nested deeper than this are taken for a loop. */
export const MAX_PARTIAL_DEPTH = 16;

const PARTIAL_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/** Only data: functions (and anything that is not JSON-like) render as nothing. */
function dataOnly(value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return undefined;
  return value;
}

class SafeContext extends Mustache.Context {
  constructor(view: unknown, parent?: SafeContext) {
    super(view, parent);
  }

  override push(view: unknown): SafeContext {
    return new SafeContext(view, this);
  }

  override lookup(name: string): unknown {
    if (name === '.') return dataOnly(this.view);
    const [first, ...rest] = name.split('.');
    // Mustache's rule: the first name is searched up the context stack, the rest descend from it.
    for (let context: Mustache.Context | undefined = this; context; context = context.parent) {
      const view: unknown = context.view;
      if (!isRecord(view) || !Object.hasOwn(view, first!)) continue;
      let value: unknown = view[first!];
      for (const part of rest) {
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
  private depth = 0;

  override renderTokens(tokens: Tokens, context: Mustache.Context, partials?: Mustache.PartialsOrLookupFn, originalTemplate?: string, config?: Mustache.RenderOptions): string {
    this.work += tokens.length;
    if (this.work > MAX_TEMPLATE_WORK) throw new TemplateError('The report template does too much work (a section or partial repeated without end?); lamd stopped rendering it.');
    return super.renderTokens(tokens, context, partials, originalTemplate, config);
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
    if (this.depth >= MAX_PARTIAL_DEPTH) throw new TemplateError(`Report partials are nested more than ${MAX_PARTIAL_DEPTH} deep (does a partial include itself?); lamd stopped rendering.`);
    this.depth++;
    try {
      return super.renderPartial(token, context, partials, config) ?? '';
    } finally {
      this.depth--;
    }
  }

  override escapedValue(token: Token, context: Mustache.Context): string {
    return printable(context.lookup(token[1]!));
  }

  override unescapedValue(token: Token, context: Mustache.Context): string {
    return printable(context.lookup(token[1]!));
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
  if (!main) throw new TemplateError(`There is no report template \`${name}.md.mustache\` in lamd's templates folder; reinstall lamd.`);
  const overrides = main.origin === 'override' ? [main.display] : [];
  let current = main.display;
  const partials = (partial: string): string => {
    if (!PARTIAL_NAME.test(partial)) throw new TemplateError(`${current}: \`{{> ${partial}}}\` is not a partial name lamd accepts (lowercase letters, digits and hyphens; the file is _<name>.md.mustache).`);
    const file = readTemplateFile(sources, `_${partial}.md.mustache`, 'any');
    if (!file) throw new TemplateError(`${current}: there is no partial \`_${partial}.md.mustache\` in the workspace's templates/reports/ or lamd's.`);
    if (file.origin === 'override' && !overrides.includes(file.display)) overrides.push(file.display);
    current = file.display;
    return file.text;
  };
  const writer = new SafeWriter();
  try {
    const text = writer.render(main.text, new SafeContext(plainData(view)), partials);
    return { text, overrides };
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    if (error instanceof RangeError) throw new TemplateError(`${current}: the template nests too deeply to render.`);
    throw new TemplateError(`${current}: ${(error as Error).message}`);
  }
}

/**
 * A deep copy holding only JSON data, so whatever a view builder left in, templates see plain values.
 * An `undefined` value becomes `null` rather than disappearing: a key that is present stops Mustache's
 * lookup at that context, where an absent one would let `{{#clusters}}` inside an activity find the
 * report's own `clusters` further up the stack. View types therefore declare every key (`T | undefined`).
 */
export function plainData(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? {}, (_key, v: unknown) => (v === undefined ? null : v))) as unknown;
}
