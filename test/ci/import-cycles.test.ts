// The house is one-way: no module imports, even for a type, a module that imports it back. Every
// import is read from TypeScript's own syntax tree: static, type-only, re-exports, `import x =
// require()`, dynamic `import()` and `import('…').T` in types.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/lamd.js';

const ROOT = join(import.meta.dirname, '../..');
/** The schema validators scripts/compile-schemas.mjs writes: 1.5 MB of code that imports nothing of lamd's (checked below). */
const GENERATED = join(ROOT, 'src/check/generated');

const posix = (path: string) => path.split(sep).join('/');

/** The module names a file imports, in every form TypeScript knows. */
function moduleSpecifiers(path: string): string[] {
  const names: string[] = [];
  const literal = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) names.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) literal(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) literal(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  // Comments are not parsed: an import in a JSDoc type (`@type {import('…')}`) is no import of the code's.
  visit(ts.createSourceFile(path, readFileSync(path, 'utf8'), { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, ts.ScriptKind.TS));
  return names;
}

/** Every .ts module under `dir` (but `skip`) and the modules of `dir` it imports, as paths relative to `dir`. */
function importGraph(dir: string, skip?: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && path !== skip) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const targets = moduleSpecifiers(path)
          .filter((name) => name.startsWith('./') || name.startsWith('../'))
          // lamd's modules import each other as the .js files they compile to.
          .map((name) => posix(relative(dir, join(dirname(path), name.replace(/\.js$/, '.ts')))));
        graph.set(posix(relative(dir, path)), [...new Set(targets)]);
      }
    }
  };
  walk(dir);
  return graph;
}

/** The cycles of a graph: each strongly connected component of more than one module, or a module that imports itself (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)!.includes(node)) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

describe('imports', () => {
  it('form no cycle in src/, type-only imports included', () => {
    const graph = importGraph(join(ROOT, 'src'), GENERATED);
    expect(graph.size).toBeGreaterThan(100);
    // Every relative import names a module of src/: none is lost to a wrong resolution.
    const missing = [...graph].flatMap(([from, targets]) => targets.filter((to) => !graph.has(to) && !to.startsWith('check/generated/')).map((to) => `${from} -> ${to}`));
    expect(missing).toEqual([]);
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle closed by a type-only import, a re-export, a dynamic import or an import-equals', () => {
    const dir = tempDir();
    const write = (name: string, text: string) => {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    };
    write('a.ts', "import type { B } from './b.js';\nexport type A = B;\n");
    // A backtick in a regular expression before the dynamic import: a token scanner loses what follows.
    write('b.ts', "export type B = number;\nconst tick = /[`]/;\nexport async function load() {\n  return tick.test('') || import('./c/c.js');\n}\n");
    write('c/c.ts', "export * from '../a.js';\n");
    write('user.ts', "import { load } from './b.js';\nexport const use = load;\n");
    write('self.ts', "export type Self = import('./self.js').Other;\nexport type Other = string;\n");
    write('e.ts', "import f = require('./f.js');\nexport const e = f;\n");
    write('f.ts', "export * as e from './e.js';\n");
    expect(cycles(importGraph(dir))).toEqual([['a.ts', 'b.ts', 'c/c.ts'], ['e.ts', 'f.ts'], ['self.ts']]);
  });

  it('from the generated validators reach no module of lamd, so no cycle can pass through them', () => {
    const generated = readdirSync(GENERATED).filter((f) => f.endsWith('.js'));
    expect(generated).toContain('validator-roadmap.js');
    // Any relative specifier (a module of src/) after `from`, `import(` or `require(`.
    const relative = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["'`]\.{1,2}\//;
    expect(generated.filter((f) => relative.test(readFileSync(join(GENERATED, f), 'utf8')))).toEqual([]);
    // The pattern does find such an import.
    expect(relative.test('const x = require("../report/index.js")')).toBe(true);
  });
});
