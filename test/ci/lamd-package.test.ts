// `lamd init --lamd-package`: npm's own parser decides what is a package spec; lamd.yaml records it,
// and the workspace's .github/lamd-package.mjs reads it back for the workflow, in every YAML style.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { run as init } from '../../src/cli/commands/init.js';
import { UsageError } from '../../src/errors.js';
import { ownPackage, parseLamdPackage } from '../../src/scaffold/lamd-package.js';
import { captureIO, REPO, tempDir } from '../helpers/lamd.js';

// The reader the workflow runs, as shipped in the workspace template (plain JavaScript, so typed here).
const READER = '../../templates/workspace/_github/lamd-package.mjs';
const { lamdPackage } = (await import(READER)) as { lamdPackage: (text: string) => string | undefined };

function terminal(cwd: string) {
  const io = captureIO(cwd, { CI: 'true' });
  return { io, stderr: () => io.err };
}

const SFAX = { yes: true, municipality: 'Sfax', country: 'TN', lang: 'fr' };

describe('--lamd-package', () => {
  it('takes a registry version, a tarball URL, a git URL or a committed tarball, and says which are pinned', () => {
    expect(parseLamdPackage('lamd@1.2.0', '--lamd-package')).toEqual({ spec: 'lamd@1.2.0', pinned: true });
    expect(parseLamdPackage(' @org/lamd@1.2.0 ', '--lamd-package')).toEqual({ spec: '@org/lamd@1.2.0', pinned: true });
    expect(parseLamdPackage('http://127.0.0.1:4873/lamd/-/lamd-1.2.0.tgz', '--lamd-package')).toEqual({ spec: 'http://127.0.0.1:4873/lamd/-/lamd-1.2.0.tgz', pinned: true });
    expect(parseLamdPackage('git+https://example.org/lamd.git#v1.2.0', '--lamd-package').pinned).toBe(true);
    expect(parseLamdPackage('./vendor/lamd-1.2.0.tgz', '--lamd-package').pinned).toBe(true);
    expect(parseLamdPackage('lamd@^1', '--lamd-package').pinned).toBe(false);
    expect(parseLamdPackage('lamd', '--lamd-package').pinned).toBe(false);
    expect(parseLamdPackage('git+https://example.org/lamd.git', '--lamd-package').pinned).toBe(false);
  });

  it('refuses what is not an npm package spec, naming the flag', () => {
    for (const bad of ['', '  ', 'lamd@not a version', 'LAMD@1.0.0', 'lamd@1.0.0\nrm -rf /', './some-folder', '$(curl evil)']) {
      expect(() => parseLamdPackage(bad, '--lamd-package'), JSON.stringify(bad)).toThrow(UsageError);
      expect(() => parseLamdPackage(bad, '--lamd-package'), JSON.stringify(bad)).toThrow(/^--lamd-package /);
    }
  });

  it('defaults to this lamd, by the name and version of its package.json', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(ownPackage(manifest)).toBe(`${manifest.name}@${manifest.version}`);
  });

  it('is recorded in lamd.yaml by lamd init, where the workflow reads it back', async () => {
    const cwd = tempDir();
    const t = terminal(cwd);
    expect(await init(t.io, {}, 'ws', { ...SFAX, lamdPackage: '@org/lamd@2.0.0' })).toBe(0);
    const text = readFileSync(join(cwd, 'ws/lamd.yaml'), 'utf8');
    expect((YAML.parse(text) as { lamd_package: string }).lamd_package).toBe('@org/lamd@2.0.0');
    expect(lamdPackage(text)).toBe('@org/lamd@2.0.0');
    expect(readFileSync(join(cwd, 'ws/README.md'), 'utf8')).toMatch(/c'était\s+@org\/lamd@2\.0\.0/);
  });

  it('stops lamd init before anything is written when it is not a spec (exit 2 through the CLI)', async () => {
    const cwd = tempDir();
    const t = terminal(cwd);
    await expect(init(t.io, {}, 'ws', { ...SFAX, lamdPackage: 'lamd@not a version' })).rejects.toThrow(/^--lamd-package "lamd@not a version" is not an npm package spec/);
    expect(existsSync(join(cwd, 'ws'))).toBe(false);
  });

  it('warns when it does not name one release', async () => {
    const cwd = tempDir();
    const t = terminal(cwd);
    expect(await init(t.io, {}, 'ws', { ...SFAX, lamdPackage: 'lamd@^1' })).toBe(0);
    expect(t.stderr()).toMatch(/--lamd-package lamd@\^1 does not name one release/);
  });
});

describe("the workspace's reader of lamd_package", () => {
  it('reads every way YAML writes the line, and nothing nested or empty', () => {
    expect(lamdPackage('kind: workspace\nlamd_package: lamd@0.1.0\n')).toBe('lamd@0.1.0');
    expect(lamdPackage('lamd_package: "@org/lamd@1.0.0"   # pinned\n')).toBe('@org/lamd@1.0.0');
    expect(lamdPackage("lamd_package: 'https://example.org/it''s.tgz'\n")).toBe("https://example.org/it's.tgz");
    expect(lamdPackage('lamd_package: git+https://example.org/l.git#v1.0.0  # tag\r\n')).toBe('git+https://example.org/l.git#v1.0.0');
    expect(lamdPackage('lamd_package: "caf\\u00e9"\n')).toBe('café');
    expect(lamdPackage('programme:\n  lamd_package: lamd@1.0.0\n')).toBeUndefined();
    expect(lamdPackage('lamd_package:\n')).toBeUndefined();
    expect(lamdPackage('# lamd_package: lamd@1.0.0\n')).toBeUndefined();
  });

  it('agrees with a YAML parser on what lamd init writes', () => {
    for (const spec of ['lamd@1.2.0', '@org/lamd@1.2.0', 'https://example.org/lamd-1.2.0.tgz?x=1&y=2', 'git+ssh://git@example.org/lamd.git#v1.2.0', './vendor/lamd 1.2.0.tgz']) {
      const line = `lamd_package: ${YAML.stringify(spec, { version: '1.1' }).trim()}\n`;
      expect(lamdPackage(line), line).toBe((YAML.parse(line) as { lamd_package: string }).lamd_package);
    }
  });
});
