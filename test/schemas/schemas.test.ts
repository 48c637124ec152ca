// The schemas are lamd's public contract: they must satisfy an independent implementation
// (@sourcemeta/jsonschema), agree with lamd on every fixture, and be the source of the TS types.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from '@sourcemeta/jsonschema';
import { describe, expect, it } from 'vitest';
import { validatorsFor } from '../../src/check/validators-for.js';
import { parseSource } from '../../src/workspace/source.js';
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '../../src/workspace/kinds.js';
import { FIXTURES, REPO } from '../helpers/lamd.js';
// @ts-expect-error -- plain ESM build script without type declarations
import { generateTypes } from '../../scripts/gen-types.mjs';

const SCHEMAS = join(REPO, 'schemas');
/** Runs the @sourcemeta/jsonschema CLI through its package entry: its native binary, without a Node process in front. */
async function sourcemeta(args: string[]) {
  const result = await spawn(args, { cwd: REPO });
  return { status: result.code, stdout: result.stdout, stderr: result.stderr };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const schemaFiles = readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json'));

describe('the JSON Schemas', () => {
  it('pass the draft 2020-12 metaschema in @sourcemeta/jsonschema', async () => {
    for (const file of schemaFiles) {
      const result = await sourcemeta(['metaschema', join('schemas', file)]);
      expect(result.status, `${file}: ${result.stdout}${result.stderr}`).toBe(0);
    }
  });

  it('pass @sourcemeta/jsonschema lint', async () => {
    // common.schema.json is a library of definitions used by the other schemas, never by itself.
    const documents = schemaFiles.filter((f) => f !== 'common.schema.json').map((f) => join('schemas', f));
    // patternErrorMessage and markdownEnumDescriptions are yaml-language-server's names: an x- prefix
    // would hide them from the editors they are there for.
    const editorKeywords = ['--exclude', 'unknown_keywords_prefix'];
    // A field required next to a $ref is defined by the definition it refers to (the plan link road
    // maps and progress reports share, each requiring its own field of it); the linter looks only at
    // the local subschema.
    const requiredOfShared = ['--exclude', 'required_properties_in_properties'];
    const lint = await sourcemeta(['lint', '-r', 'schemas', ...editorKeywords, ...requiredOfShared, ...documents]);
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
    const common = await sourcemeta(['lint', '-r', 'schemas', ...editorKeywords, '--exclude', 'orphan_definitions', 'schemas/common.schema.json']);
    expect(common.status, common.stdout + common.stderr).toBe(0);
  });

  it('give every property a title and a description, so editors show help', () => {
    const schemas = new Map(schemaFiles.map((f) => [f, JSON.parse(readFileSync(join(SCHEMAS, f), 'utf8')) as Record<string, unknown>]));
    // A property that is only a $ref shows its definition's title and description in an editor.
    const resolve = (ref: string, file: string): Record<string, unknown> | undefined => {
      const [target, fragment = ''] = ref.split('#');
      let node: unknown = schemas.get(target || file);
      for (const segment of fragment.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[segment];
      return node as Record<string, unknown> | undefined;
    };
    const help = (prop: Record<string, unknown>, file: string, key: 'title' | 'description'): unknown => {
      if (prop[key]) return prop[key];
      if (typeof prop.$ref !== 'string') return undefined;
      const [target] = prop.$ref.split('#');
      const def = resolve(prop.$ref, file);
      return def ? help(def, target || file, key) : undefined;
    };
    const missing: string[] = [];
    const visit = (node: unknown, path: string, file: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}/${i}`, file));
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      for (const [name, prop] of Object.entries((record.properties ?? {}) as Record<string, Record<string, unknown> | boolean>)) {
        if (typeof prop !== 'object') continue;
        for (const key of ['title', 'description'] as const) if (!help(prop, file, key)) missing.push(`${path}/properties/${name}: no ${key}`);
      }
      for (const [key, value] of Object.entries(record)) if (key !== 'examples') visit(value, `${path}/${key}`, file);
    };
    for (const [file, schema] of schemas) visit(schema, file, file);
    expect(missing).toEqual([]);
  });

  it('give every pattern a readable message and every enum value a description, so editors explain them', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}/${i}`));
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (typeof record.pattern === 'string') {
        const message = record.patternErrorMessage;
        if (typeof message !== 'string' || !message.trim()) missing.push(`${path}: pattern without patternErrorMessage`);
        // The message is for an officer: an example, never the regular expression itself.
        else if (message.includes(record.pattern) || !/e\.g\. `/.test(message)) missing.push(`${path}: patternErrorMessage shows the regex or no example`);
      }
      // An enum under `not` lists forbidden values (reserved file names), which an editor never offers.
      if (Array.isArray(record.enum) && !path.endsWith('/not')) {
        const descriptions = record.markdownEnumDescriptions;
        const complete = Array.isArray(descriptions) && descriptions.length === record.enum.length && descriptions.every((d) => typeof d === 'string' && d.trim() !== '');
        if (!complete) missing.push(`${path}: enum of ${record.enum.length} without as many markdownEnumDescriptions`);
      }
      for (const [key, value] of Object.entries(record)) if (key !== 'examples') visit(value, `${path}/${key}`);
    };
    for (const file of schemaFiles) visit(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')), file);
    expect(missing).toEqual([]);
  });

  it('each have an $id and declare draft 2020-12', () => {
    for (const file of schemaFiles) {
      const schema = JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8'));
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`https://lamd.dev/schemas/1/${file}`);
    }
  });

  it('are the source of the TypeScript document types (src/types/generated is up to date)', async () => {
    const files = (await generateTypes()) as Record<string, string>;
    for (const [name, content] of Object.entries(files)) {
      expect(readFileSync(join(REPO, 'src/types/generated', name), 'utf8'), `run npm run gen:types (${name})`).toBe(content);
    }
  });
});

describe('lamd and @sourcemeta/jsonschema agree on every fixture', () => {
  const fixtures = [...yamlFiles(join(FIXTURES, 'workspaces/valid')), ...yamlFiles(join(FIXTURES, 'invalid'))];
  for (const file of fixtures) {
    const name = file.slice(FIXTURES.length + 1);
    it(name, async () => {
      const parsed = parseSource(name, readFileSync(file));
      const value = parsed.value as Record<string, unknown>;
      expect(isDocumentKind(value.kind)).toBe(true);
      const kind = value.kind as DocumentKind;
      const lamdValid = (await validatorsFor(new Set([kind])))[kind]!(value);
      const independent = await sourcemeta(['validate', '-r', 'schemas', join('schemas', `${kind}.schema.json`), file]);
      expect(independent.status === 0, independent.stdout + independent.stderr).toBe(lamdValid);
      expect(lamdValid).toBe(name.startsWith('workspaces/valid'));
    });
  }
});

describe('validatorsFor', () => {
  it('loads the validators of the kinds asked for, and only those', async () => {
    expect(await validatorsFor(new Set())).toEqual({});
    expect(Object.keys(await validatorsFor(new Set(['roadmap', 'progress']))).sort()).toEqual(['progress', 'roadmap']);
    const every = await validatorsFor(new Set(DOCUMENT_KINDS));
    expect(Object.keys(every).sort()).toEqual([...DOCUMENT_KINDS].sort());
    // The same compiled function whichever set asked for it: a module is loaded once.
    expect((await validatorsFor(new Set(['roadmap']))).roadmap).toBe(every.roadmap);
  });

  it("gives each kind its own schema's validator", async () => {
    const every = await validatorsFor(new Set(DOCUMENT_KINDS));
    for (const kind of DOCUMENT_KINDS) {
      // A document of another kind fails on `kind` itself: the validator is that kind's, not a neighbour's.
      const other = DOCUMENT_KINDS.find((k) => k !== kind)!;
      expect(every[kind]!({ kind: other, schema_version: 1 }), kind).toBe(false);
      expect((every[kind]!.errors ?? []).some((e) => e.instancePath === '/kind'), kind).toBe(true);
    }
  });
});
