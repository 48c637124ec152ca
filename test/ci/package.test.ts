// The package as npm sees it: built when packed, every file lamd reads at run time shipped, a
// LICENSE that matches package.json, and addresses only from package.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/lamd.js';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, any>;
const setAddress = (await import(join(REPO, 'scripts/set-package-address.mjs'))) as { addresses: (web: string) => Record<string, unknown> };

describe('the npm package', () => {
  it('builds when packed, so a tarball from a clean clone holds dist/', () => {
    expect(pkg.scripts.prepack).toBe('npm run build');
  });

  it('ships the program and every folder it reads at run time', () => {
    expect(pkg.bin).toEqual({ lamd: 'bin/lamd.js' });
    // package-root.ts reads schemas, templates, docs (rule pages) and data beside dist/. The source
    // maps stay out: lamd prints no stack traces, and they were 15 of the 26 MB installed.
    expect([...pkg.files].sort()).toEqual(['!dist/**/*.map', 'bin', 'data', 'dist', 'docs', 'messages', 'schemas', 'templates']);
  });

  it('installs only its native module: every other library is bundled into dist/, with its licence in the notices', () => {
    // scripts/build.mjs bundles them; test/ci/workflow.e2e.test.ts runs the installed package's commands.
    expect(Object.keys(pkg.dependencies)).toEqual(['@resvg/resvg-js']);
    // A package required by name at run time is out of the bundler's sight: only the native module, and
    // the vendored libraries through src/vendored.ts, which finds their bundles.
    const byName = execFileSync('git', ['grep', '-h', '-o', 'createRequire(import.meta.url)([^)]*)', '--', 'src'], { cwd: REPO, encoding: 'utf8' }).trim().split('\n');
    expect(byName.sort()).toEqual(["createRequire(import.meta.url)('@resvg/resvg-js')", 'createRequire(import.meta.url)(library)']);
    const notices = readFileSync(join(REPO, 'dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
    const bundles = readdirSync(join(REPO, 'dist/vendor')).filter((f) => f.endsWith('.cjs'));
    expect(bundles.length).toBeGreaterThanOrEqual(8);
    for (const bundle of bundles) {
      const name = bundle.replace(/\.cjs$/, '').replace('+', '/');
      expect(notices, name).toMatch(new RegExp(`^  ${name.replace(/[/.]/g, '\\$&')}@\\d+\\.\\d+\\.\\d+\\S*  \\S.*$`, 'm'));
    }
  });

  it('has the MIT LICENSE package.json declares', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(REPO, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  });

  it('names no address of its own until its maintainers set one, and then all three from one', () => {
    for (const key of ['repository', 'homepage', 'bugs']) {
      if (pkg[key] === undefined) continue;
      // Set by scripts/set-package-address.mjs: all three agree.
      expect(setAddress.addresses(String(pkg.homepage).replace(/#readme$/, ''))[key]).toEqual(pkg[key]);
    }
    expect(setAddress.addresses('https://github.com/org/lamd.git/')).toEqual({
      repository: { type: 'git', url: 'git+https://github.com/org/lamd.git' },
      homepage: 'https://github.com/org/lamd#readme',
      bugs: { url: 'https://github.com/org/lamd/issues' },
    });
    expect(() => setAddress.addresses('github.com/org/lamd')).toThrow(/not a web address/);
  });

  it('writes no address the project does not control into what it ships', () => {
    const shipped = ['src', 'templates', 'docs', 'schemas', 'README.md'];
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', ...shipped], { cwd: REPO, encoding: 'utf8' }).split('\n').filter((f) => f && existsSync(join(REPO, f)));
    const offenders = files.filter((f) => /github\.com\/lamd-dev|lamd-dev\.github\.io|npmjs\.com\/package\/lamd\b/.test(readFileSync(join(REPO, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
