// Turns ajv's errors into messages a municipal officer can act on: one per problem, at the value
// concerned, with the likeliest branch of an anyOf/oneOf instead of a wall of alternatives.
import { refDescriptions, type AjvError } from './validators.js';
import { pointerSegments, pointerToPath } from '../diagnostics.js';
import type { Target } from '../workspace/locate.js';
import { closest } from './suggest.js';
import type { FromSource } from './source-hints.js';

export interface SchemaProblem {
  ruleId: string;
  message: string;
  pointer: string;
  target: Target;
  /** Rebuilds the message from the characters written in the file, where they matter. */
  fromSource?: FromSource;
}

const KIND_NAMES: Record<string, string> = {
  workspace: 'The workspace file',
  profile: 'The profile',
  practice: 'The practice',
  roadmap: 'The road map',
  stakeholders: 'The stakeholder registry',
  activity: 'The activity',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  null: 'nothing',
};

/** What a value is, for a message: `"Sfax"`, `the number 10`, `a list`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `\`${value}\``;
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

// Hints for the patterns of common.schema.json, keyed by definition name.
const PATTERN_HINTS: Record<string, string> = {
  date: 'is not a date: write YYYY-MM-DD, or YYYY-MM or YYYY when only that is known',
  slug: 'is not a safe id: use lowercase letters a-z, digits and single hyphens, like `pal-policy-paper`',
  countryCode: 'is not an ISO 3166-1 country code: two capital letters, like IT, AL, TN or MA',
  languageCode: 'is not a language code: two lowercase letters, like it, fr, ar or sq',
  sdgGoal: 'is not an SDG goal: a number from 1 to 17, written as text ("10")',
  sdgTarget: 'is not an SDG target id: the goal, a dot and a number or letter, like 10.7 or 10.c',
};

const PROPERTY_HINTS: Record<string, string> = {
  url: 'is not a web address: it must start with http:// or https://',
  currency: 'is not a currency code: three capital letters, like EUR, ALL, TND or MAD',
  sdg_indicator: 'is not an SDG indicator id, like 10.7.2',
  answers_challenges: 'is not a challenge reference: write <municipality>/<challenge id>, like `milan/inclusive-communication`',
};

function subject(pointer: string, kind: string): string {
  return pointer === '' ? (KIND_NAMES[kind] ?? 'The document') : `\`${pointerToPath(pointer)}\``;
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
        message: `${who} is missing \`${property}\`${propertyInfo(error.parentSchema, property)}.`,
      };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const property = String(params.additionalProperty ?? params.unevaluatedProperty);
      const known = Object.keys((error.parentSchema?.properties ?? {}) as object);
      const guess = closest(property, known);
      const where = at === '' ? '' : ` in ${who}`;
      return {
        ruleId: 'schema/unknown-property',
        pointer: `${at}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        target: 'key',
        message: `\`${property}\` is not a field lamd knows${where}${guess ? `; did you mean \`${guess}\`?` : `. Known fields: ${known.map((k) => `\`${k}\``).join(', ')}.`}`.replace(/\.\.$/, '.'),
      };
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
      if (error.data === null) {
        return { ruleId: 'schema/type', pointer: at, target: 'value', message: `${who} is empty; write ${expected} or remove the line.` };
      }
      if (params.type === 'string' && (typeof error.data === 'number' || typeof error.data === 'boolean')) {
        // YAML turned `8.10` into 8.1: the advice must quote what the user wrote, not the number.
        const quoted = (written: string) => `${who} should be ${expected}, not ${/^[-+.\d]/.test(written) ? `the number ${written}` : describeValue(error.data)}; put it in quotes: "${written}".`;
        return { ruleId: 'schema/type', pointer: at, target: 'value', message: quoted(String(error.data)), fromSource: (written) => (/^["'[{]/.test(written) ? undefined : quoted(written)) };
      }
      let hint = '';
      if (typeof error.data === 'string' && /^[-+]?\d+,\d+$/.test(error.data.trim()) && /number/.test(String(params.type))) {
        hint = `; write decimals with a point: ${error.data.trim().replace(',', '.')}`;
      }
      return { ruleId: 'schema/type', pointer: at, target: 'value', message: `${who} should be ${expected}, not ${describeValue(error.data)}${hint}.` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
      return {
        ruleId: 'schema/enum',
        pointer: at,
        target: 'value',
        message: `${who} is ${describeValue(error.data)}, which is not one of: ${allowed.join(', ')}${guess ? `. Did you mean \`${guess}\`?` : '.'}`,
      };
    }
    case 'const': {
      if (lastKey(at) === 'schema_version') {
        return { ruleId: 'schema/version', pointer: at, target: 'value', message: `${who} is ${describeValue(error.data)}, but this version of lamd reads documents of schema version ${String(params.allowedValue)}.` };
      }
      return { ruleId: 'schema/enum', pointer: at, target: 'value', message: `${who} must be ${JSON.stringify(params.allowedValue)}, not ${describeValue(error.data)}.` };
    }
    case 'pattern': {
      const def = /\$defs\/(\w+)\/pattern$/.exec(error.schemaPath)?.[1];
      const hint = (def && PATTERN_HINTS[def]) ?? PROPERTY_HINTS[lastKey(at)] ?? `does not have the expected form${error.parentSchema?.title ? ` of ${String(error.parentSchema.title).toLowerCase()}` : ''}`;
      return { ruleId: 'schema/format', pointer: at, target: 'value', message: `${who} is ${describeValue(error.data)}, which ${hint}.` };
    }
    case 'not': {
      return { ruleId: 'schema/format', pointer: at, target: 'value', message: `${who} is ${describeValue(error.data)}, a name reserved by Windows for devices; choose another id.` };
    }
    case 'minLength':
      return { ruleId: 'schema/empty', pointer: at, target: 'value', message: `${who} is empty; write something or remove the line.` };
    case 'maxLength':
      return { ruleId: 'schema/format', pointer: at, target: 'value', message: `${who} is longer than ${String(params.limit)} characters.` };
    case 'minItems':
      return { ruleId: 'schema/empty', pointer: at, target: 'value', message: `${who} lists nothing; list at least ${String(params.limit)}.` };
    case 'uniqueItems': {
      const items = error.data as unknown[];
      const j = Number(params.j);
      return { ruleId: 'schema/duplicate-item', pointer: `${at}/${Number(params.i)}`, target: 'value', message: `${who} lists ${describeValue(items?.[j])} twice.` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const bound = error.keyword.includes('inimum') ? 'at least' : 'at most';
      return { ruleId: 'schema/range', pointer: at, target: 'value', message: `${who} is ${String(error.data)}; it must be ${bound} ${String(params.limit)}.` };
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      const hint = lastKey(at) === 'rules' ? ' Rule ids look like `roadmap/single-sdg`; `lamd rules` lists them.' : '';
      return { ruleId: 'schema/format', pointer: `${at}/${name}`, target: 'key', message: `\`${name}\` is not a valid key in ${who}.${hint}` };
    }
    case 'if':
    case 'then':
    case 'else':
    case 'allOf':
      return undefined;
    default:
      return { ruleId: 'schema/invalid', pointer: at, target: 'value', message: `${who} ${error.message ?? 'is not valid'}.` };
  }
}

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + '/');
}

/**
 * For every anyOf/oneOf error keeps only the errors of its likeliest branch: the one whose type
 * matches the value, then the one with the fewest errors. When no branch's type matches, one
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
    const branches = new Map<number, number[]>();
    let unknown: number[] = [];
    for (let i = k - 1; i >= 0; i--) {
      if (!live[i]) continue;
      const e = errors[i]!;
      if (!under(e.instancePath, error.instancePath)) break;
      if (e.schemaPath.startsWith(base + '/')) {
        const branch = Number(e.schemaPath.slice(base.length + 1).split('/')[0]);
        branches.set(branch, [...(branches.get(branch) ?? []), i, ...unknown]);
        unknown = [];
      } else if (e.schemaPath.startsWith(level + '/') && !e.schemaPath.startsWith(base)) {
        break;
      } else {
        unknown.push(i);
      }
    }
    if (unknown.length) branches.set(0, [...(branches.get(0) ?? []), ...unknown]);
    if (branches.size === 0) return;
    const typeMismatch = (idx: number[]) => idx.some((i) => errors[i]!.instancePath === error.instancePath && (errors[i]!.keyword === 'type' || errors[i]!.keyword === 'const'));
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
            message: `${subject(error.instancePath, kind)} needs one of ${(error.params.names as string[]).join(' or ')}.`,
          }
        : toProblem(error, kind);
    if (!problem) continue;
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
