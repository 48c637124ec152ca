// Turns ajv's errors into messages a municipal officer can act on: one per problem, at the value
// concerned, with the likeliest branch of an anyOf/oneOf instead of a wall of alternatives.
import type { AjvError } from './validators.js';
import { refDescriptions } from './ref-descriptions.js';
import { pointerSegments, pointerToPath } from '../diagnostics.js';
import type { Target } from '../workspace/locate.js';
import { closest } from './suggest.js';
import type { FromSource } from './source-hints.js';
import { or, t, type Text, type TextValue } from '../i18n/messages.js';

export interface SchemaProblem {
  ruleId: string;
  message: Text;
  pointer: string;
  target: Target;
  /** Rebuilds the message from the characters written in the file, where they matter. */
  fromSource?: FromSource;
}

// Document kinds and JSON types as messages name them (catalogue ids `schema.subject.<kind>`, `schema.type.<type>`).
const KINDS = new Set(['workspace', 'profile', 'practice', 'roadmap', 'stakeholders', 'activity', 'progress']);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

const typeName = (type: string): TextValue => (TYPES.has(type) ? t(`schema.type.${type}`) : type);

/** What a value is, for a message: `"Sfax"`, `the number 10`, `a list`. */
export function describeValue(value: unknown): TextValue {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (typeof value === 'number') return t('schema.value.number', { number: String(value) });
  if (typeof value === 'boolean') return `\`${value}\``;
  if (value === null || value === undefined) return t('schema.value.empty');
  if (Array.isArray(value)) return t('schema.value.list');
  return t('schema.value.mapping');
}

// Hints for the patterns of common.schema.json, keyed by definition name (catalogue `schema/format.<name>`).
const PATTERN_HINTS = new Set(['date', 'slug', 'countryCode', 'languageCode', 'sdgGoal', 'sdgTarget', 'reportingPeriod']);
/** The pattern of `slug`, which the references to documents (`municipalityRef`, `stakeholderRef`…) take over under their own names. */
const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

// Hints for patterns of single properties, keyed by the property's name.
const PROPERTY_HINTS: Record<string, string> = {
  url: 'url',
  currency: 'currency',
  sdg_indicator: 'sdgIndicator',
  answers_challenges: 'challengeReference',
};

function subject(pointer: string, kind: string): TextValue {
  return pointer === '' ? t(KINDS.has(kind) ? `schema.subject.${kind}` : 'schema.subject.document') : `\`${pointerToPath(pointer)}\``;
}

function lastKey(pointer: string): string {
  const segments = pointerSegments(pointer);
  for (let i = segments.length - 1; i >= 0; i--) if (!/^\d+$/.test(segments[i]!)) return segments[i]!;
  return '';
}

function propertyInfo(schema: Record<string, unknown> | undefined, property: string): string {
  const props = (schema?.properties ?? {}) as Record<string, { description?: string; $ref?: string }>;
  const p = props[property];
  const description = p?.description ?? (p?.$ref ? refDescriptions[absoluteRef(p.$ref)] : undefined);
  if (!description) return '';
  const first = description.split(/(?<=[.;:])\s/)[0]!.replace(/[.;:]$/, '');
  return ` (${first})`;
}

function absoluteRef(ref: string): string {
  if (ref.startsWith('http')) return ref;
  // A local `#/$defs/x` ref: the definitions are named uniquely across lamd's schemas.
  if (ref.startsWith('#')) return Object.keys(refDescriptions).find((k) => k.endsWith(ref)) ?? ref;
  return `https://lamd.dev/schemas/1/${ref}`;
}

function toProblem(error: AjvError, kind: string): SchemaProblem | undefined {
  const at = error.instancePath;
  const who = subject(at, kind);
  const params = error.params;
  switch (error.keyword) {
    case 'required': {
      const property = String(params.missingProperty);
      return {
        ruleId: 'schema/required',
        pointer: at,
        target: 'value',
        message: t('schema/required.missing', { who, property, info: propertyInfo(error.parentSchema, property) }),
      };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return unknownProperty(error, at, who);
    case 'type':
      return wrongType(error, at, who);
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
      return {
        ruleId: 'schema/enum',
        pointer: at,
        target: 'value',
        message: t(guess ? 'schema/enum.did-you-mean' : 'schema/enum.not-allowed', { who, value: describeValue(error.data), allowed: allowed.join(', '), ...(guess ? { guess } : {}) }),
      };
    }
    case 'const': {
      if (lastKey(at) === 'schema_version') {
        return { ruleId: 'schema/version', pointer: at, target: 'value', message: t('schema/version.other', { who, value: describeValue(error.data), version: String(params.allowedValue) }) };
      }
      return { ruleId: 'schema/enum', pointer: at, target: 'value', message: t('schema/enum.const', { who, allowed: JSON.stringify(params.allowedValue), value: describeValue(error.data) }) };
    }
    case 'pattern':
      return wrongForm(error, at, who);
    case 'not': {
      return { ruleId: 'schema/format', pointer: at, target: 'value', message: t('schema/format.reserved', { who, value: describeValue(error.data) }) };
    }
    case 'minLength':
      return { ruleId: 'schema/empty', pointer: at, target: 'value', message: t('schema/empty.empty', { who }) };
    case 'maxLength':
      return { ruleId: 'schema/format', pointer: at, target: 'value', message: t('schema/format.too-long', { who, limit: Number(params.limit) }) };
    case 'minItems':
      return { ruleId: 'schema/empty', pointer: at, target: 'value', message: t('schema/empty.no-items', { who, limit: Number(params.limit) }) };
    case 'uniqueItems': {
      const items = error.data as unknown[];
      const j = Number(params.j);
      return { ruleId: 'schema/duplicate-item', pointer: `${at}/${Number(params.i)}`, target: 'value', message: t('schema/duplicate-item.twice', { who, value: describeValue(items?.[j]) }) };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const bound = error.keyword.includes('inimum') ? 'at-least' : 'at-most';
      return { ruleId: 'schema/range', pointer: at, target: 'value', message: t(`schema/range.${bound}`, { who, value: String(error.data), limit: String(params.limit) }) };
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      return { ruleId: 'schema/format', pointer: `${at}/${name}`, target: 'key', message: t(lastKey(at) === 'rules' ? 'schema/format.rule-key' : 'schema/format.key', { name, who }) };
    }
    case 'if':
    case 'then':
    case 'else':
    case 'allOf':
      return undefined;
    default:
      // ajv's own English words, for a keyword lamd's schemas do not use today.
      return { ruleId: 'schema/invalid', pointer: at, target: 'value', message: error.message ? t('schema/invalid.ajv', { who, words: error.message }) : t('schema/invalid.invalid', { who }) };
  }
}

/** A key the schema does not know, with the nearest known key or the list of them. */
function unknownProperty(error: AjvError, at: string, who: TextValue): SchemaProblem {
  const params = error.params;
  const property = String(params.additionalProperty ?? params.unevaluatedProperty);
  const known = Object.keys((error.parentSchema?.properties ?? {}) as object);
  const guess = closest(property, known);
  return {
    ruleId: 'schema/unknown-property',
    pointer: `${at}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    target: 'key',
    message: t(guess ? 'schema/unknown-property.did-you-mean' : 'schema/unknown-property.known', {
      property,
      where: at === '' ? 'document' : 'inside',
      who,
      ...(guess ? { guess } : { known: known.map((k) => `\`${k}\``).join(', ') }),
    }),
  };
}

/** A value of the wrong type, with the advice that fits what YAML made of what was written. */
function wrongType(error: AjvError, at: string, who: TextValue): SchemaProblem {
  const params = error.params;
  const expected = or(String(params.type).split(',').map(typeName));
  if (error.data === null) {
    return { ruleId: 'schema/type', pointer: at, target: 'value', message: t('schema/type.empty', { who, expected }) };
  }
  if (params.type === 'string' && (typeof error.data === 'number' || typeof error.data === 'boolean')) {
    // YAML turned `8.10` into 8.1: the advice must quote what the user wrote, not the number.
    const quoted = (written: string) =>
      t('schema/type.quote', { who, expected, value: /^[-+.\d]/.test(written) ? t('schema.value.number', { number: written }) : describeValue(error.data), written });
    return { ruleId: 'schema/type', pointer: at, target: 'value', message: quoted(String(error.data)), fromSource: (written) => (/^["'[{]/.test(written) ? undefined : quoted(written)) };
  }
  if (typeof error.data === 'string' && /^[-+]?\d+,\d+$/.test(error.data.trim()) && /number/.test(String(params.type))) {
    return { ruleId: 'schema/type', pointer: at, target: 'value', message: t('schema/type.decimal-comma', { who, expected, value: describeValue(error.data), decimal: error.data.trim().replace(',', '.') }) };
  }
  return { ruleId: 'schema/type', pointer: at, target: 'value', message: t('schema/type.wrong', { who, expected, value: describeValue(error.data) }) };
}

/** A value that does not have the form its pattern asks for, said in the words of that form. */
function wrongForm(error: AjvError, at: string, who: TextValue): SchemaProblem {
  const def = /\$defs\/(\w+)\/pattern$/.exec(error.schemaPath)?.[1];
  const value = describeValue(error.data);
  const hint = def && PATTERN_HINTS.has(def) ? def : error.parentSchema?.pattern === SLUG_PATTERN ? 'slug' : PROPERTY_HINTS[lastKey(at)];
  if (hint) return { ruleId: 'schema/format', pointer: at, target: 'value', message: t(`schema/format.${hint}`, { who, value }) };
  const title = error.parentSchema?.title ? String(error.parentSchema.title).toLowerCase() : undefined;
  return { ruleId: 'schema/format', pointer: at, target: 'value', message: title ? t('schema/format.form-of', { who, value, title }) : t('schema/format.form', { who, value }) };
}

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + '/');
}

/**
 * For every anyOf/oneOf error keeps only the errors of its likeliest branch: the one whose type
 * matches the value (a $ref branch included), then the one with the fewest errors. When no branch's type matches, one
 * combined "should be X or Y" error replaces them all.
 */
export function pickBranches(errors: readonly AjvError[]): AjvError[] {
  const live = errors.map(() => true);
  const replaced = new Map<number, AjvError>();
  errors.forEach((error, k) => {
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') return;
    // propertyNames errors are reported by their own keyword; oneOf passing twice is a schema matter.
    if (error.keyword === 'oneOf' && (error.params as { passingSchemas?: unknown }).passingSchemas) return;
    const base = error.schemaPath;
    const level = base.slice(0, base.lastIndexOf('/'));
    // A value's type mismatch at the anyOf's own level: the error that fails a branch as a whole.
    const atLevel = (i: number) => errors[i]!.instancePath === error.instancePath && (errors[i]!.keyword === 'type' || errors[i]!.keyword === 'const');
    const branches = new Map<number, number[]>();
    // Errors not under `base`: a $ref branch's (ajv reports them under the referenced definition's
    // path) or a $ref nested in a branch. Each goes with the branch listed just before it, by position.
    const placed: { i: number; branch: number }[] = [];
    let unknown: number[] = [];
    for (let i = k - 1; i >= 0; i--) {
      if (!live[i]) continue;
      const e = errors[i]!;
      if (!under(e.instancePath, error.instancePath)) break;
      if (e.schemaPath.startsWith(base + '/')) {
        const branch = Number(e.schemaPath.slice(base.length + 1).split('/')[0]);
        branches.set(branch, [...(branches.get(branch) ?? []), i]);
        placed.push(...unknown.map((u) => ({ i: u, branch })));
        unknown = [];
      } else if (e.schemaPath.startsWith(level + '/') && !e.schemaPath.startsWith(base) && !e.schemaPath.startsWith(level + '/$defs/')) {
        // A sibling keyword of the anyOf; a definition under `$defs` is a $ref's target, not a sibling
        // (at a definition's root, `level` is `#`, which every local path starts with).
        break;
      } else {
        unknown.push(i);
      }
    }
    placed.push(...unknown.map((u) => ({ i: u, branch: 0 })));
    // Where position misleads: a type mismatch outside `base` is a $ref branch failing on its type,
    // a branch of its own; and a branch whose own type does not fit the value reports nothing deeper,
    // so an error placed there belongs to the branch that fits (a $ref branch: `FITTING`).
    const mismatched = new Set([...branches].filter(([, idx]) => idx.some(atLevel)).map(([b]) => b));
    const OWN = 1_000_000;
    const FITTING = 2 * OWN;
    for (const { i, branch } of placed.reverse()) {
      const to = atLevel(i) ? OWN + i : mismatched.has(branch) ? FITTING : branch;
      branches.set(to, [...(branches.get(to) ?? []), i]);
    }
    if (branches.size === 0) return;
    const typeMismatch = (idx: number[]) => idx.some(atLevel);
    const ranked = [...branches.entries()].sort(
      ([a, ai], [b, bi]) => Number(typeMismatch(ai)) - Number(typeMismatch(bi)) || ai.length - bi.length || a - b,
    );
    for (const [, indexes] of ranked.slice(1)) for (const i of indexes) live[i] = false;
    live[k] = false;
    const [, best] = ranked[0]!;
    if (typeMismatch(best)) {
      // No branch fits the value's type: say what would fit.
      for (const i of best) live[i] = false;
      const types = [...branches.entries()].sort(([a], [b]) => a - b).map(([, idx]) => idx).flatMap((idx) => idx.filter((i) => errors[i]!.instancePath === error.instancePath && errors[i]!.keyword === 'type').map((i) => String(errors[i]!.params.type)));
      replaced.set(k, { ...error, keyword: 'type', params: { type: [...new Set(types.join(',').split(','))].join(',') } });
      live[k] = true;
      return;
    }
    const allRequired = ranked.every(([, idx]) => idx.length === 1 && errors[idx[0]!]!.keyword === 'required' && errors[idx[0]!]!.instancePath === error.instancePath);
    if (allRequired && ranked.length > 1) {
      for (const i of best) live[i] = false;
      const names = ranked.map(([, idx]) => `\`${String(errors[idx[0]!]!.params.missingProperty)}\``);
      replaced.set(k, { ...error, keyword: 'requiredOneOf', params: { names } });
      live[k] = true;
    }
  });
  return errors.flatMap((e, i) => (live[i] ? [replaced.get(i) ?? e] : []));
}

export function schemaProblems(errors: readonly AjvError[], kind: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of pickBranches(errors)) {
    const problem =
      error.keyword === 'requiredOneOf'
        ? {
            ruleId: 'schema/required',
            pointer: error.instancePath,
            target: 'value' as const,
            message: t('schema/required.one-of', { who: subject(error.instancePath, kind), names: or(error.params.names as string[]) }),
          }
        : toProblem(error, kind);
    if (!problem) continue;
    const key = `${problem.pointer}\u0000${JSON.stringify(problem.message)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
