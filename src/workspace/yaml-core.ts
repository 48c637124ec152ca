// YAML 1.2 core schema for js-yaml, resolved exactly as the `yaml` package resolves it, so the
// fast path (js-yaml, values only) and the position path (`yaml`, nodes and ranges) read every
// file the same way. `NO` stays the string "NO" (Norway), `2021-05-01` stays a string.
import jsyaml from 'js-yaml';

const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const nullType = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string) => NULL.test(data),
  construct: () => null,
  predicate: (value: unknown) => value === null,
  represent: () => 'null',
  defaultStyle: 'lowercase',
});

const boolType = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string) => BOOL.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
  predicate: (value: unknown) => typeof value === 'boolean',
});

const intType = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string) => INT.test(data),
  construct: (data: string) => {
    if (data.startsWith('0o')) return parseInt(data.slice(2), 8);
    if (data.startsWith('0x')) return parseInt(data.slice(2), 16);
    return Number(data);
  },
  predicate: (value: unknown) => typeof value === 'number' && Number.isInteger(value),
});

const floatType = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string) => FLOAT.test(data),
  construct: (data: string) => {
    const lower = data.toLowerCase();
    if (lower.endsWith('.nan')) return NaN;
    if (lower.endsWith('.inf')) return lower.startsWith('-') ? -Infinity : Infinity;
    return Number(data);
  },
  predicate: (value: unknown) => typeof value === 'number',
});

/** The implicit types in the order js-yaml tries them on a plain scalar: the first that resolves wins. */
const IMPLICIT = [nullType, boolType, intType, floatType];

export const YAML_12_CORE = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: IMPLICIT });

/**
 * What a plain (unquoted) scalar means under YAML_12_CORE, exactly as js-yaml resolves it: the
 * first implicit type that takes the text constructs the value, else it stays a string. For
 * yaml-block.ts, which must read every scalar as js-yaml does.
 */
export function resolvePlainScalar(text: string): unknown {
  // Every pattern above needs one of these first characters (or an empty text): most scalars in
  // lamd's documents are words and skip the four regular expressions.
  if (text.length > 0 && staysText(text.charCodeAt(0))) return text;
  for (const type of IMPLICIT) if (type.resolve(text)) return type.construct(text);
  return text;
}

/** Whether a plain scalar of one character or more starting with `first` (a char code) is its own text, whatever follows. */
export function staysText(first: number): boolean {
  return !MAY_BE_TYPED[first];
}

/** The first characters of ~ null Null NULL, true/false in their three cases, and numbers (+ - . digits). */
const MAY_BE_TYPED: boolean[] = [];
for (const c of '~nNtTfF+-.0123456789') MAY_BE_TYPED[c.charCodeAt(0)] = true;
