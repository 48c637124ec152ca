// The test suite's own set-up: which machine programs it finds, and what it does when one is missing.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCommand, MACHINE_PACKAGES, missingPackages, plan, type MachinePackage } from '../../scripts/test-setup.mjs';
import { REPO, tempDir } from '../helpers/lamd.js';

const BROWSER: MachinePackage = { debian: 'chromium', command: 'chromium', env: 'LAMD_CHROMIUM', neededBy: 'browser tests' };
const PTY: MachinePackage = { debian: 'python3', command: 'python3', neededBy: 'prompt tests' };

function fakeProgram(dir: string, name: string, executable = true): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, executable ? 0o755 : 0o644);
  return path;
}

describe('finding the programs', () => {
  it('finds an executable on PATH, as `command -v` does, and ignores a file that is not executable', () => {
    const a = tempDir();
    const b = tempDir();
    fakeProgram(a, 'chromium', false);
    const good = fakeProgram(b, 'chromium');
    expect(findCommand('chromium', ['', a, b].join(process.platform === 'win32' ? ';' : ':'))).toBe(good);
    expect(findCommand('python3', a)).toBeUndefined();
  });

  it('tells two packages of one command apart by the file each must add (LibreOffice Calc and Writer)', () => {
    const dir = tempDir();
    fakeProgram(dir, 'soffice');
    const calc: MachinePackage = { debian: 'libreoffice-calc-nogui', command: 'soffice', neededBy: 'spreadsheet tests' };
    const writer: MachinePackage = { debian: 'libreoffice-writer-nogui', command: 'soffice', file: join(dir, 'libswlo.so'), neededBy: 'Word tests' };
    expect(missingPackages([calc, writer], { PATH: dir })).toEqual([writer]);
    writeFileSync(join(dir, 'libswlo.so'), '');
    expect(missingPackages([calc, writer], { PATH: dir })).toEqual([]);
  });

  it('takes the variable over PATH when it is set, and reports it when it points at nothing', () => {
    const dir = tempDir();
    const chromium = fakeProgram(dir, 'my-chromium');
    expect(missingPackages([BROWSER, PTY], { PATH: '', LAMD_CHROMIUM: chromium })).toEqual([PTY]);
    expect(missingPackages([BROWSER], { PATH: dir, LAMD_CHROMIUM: join(dir, 'nowhere') })).toEqual([BROWSER]);
    fakeProgram(dir, 'chromium');
    fakeProgram(dir, 'python3');
    expect(missingPackages([BROWSER, PTY], { PATH: dir })).toEqual([]);
  });
});

describe('what the set-up does', () => {
  const env = {};
  it('does nothing when everything is there', () => {
    expect(plan([], { hasAptGet: true, isRoot: true, env })).toEqual({ action: 'none' });
  });

  it('installs every missing package with apt-get when it runs as root on Debian', () => {
    expect(plan([BROWSER, PTY], { hasAptGet: true, isRoot: true, env })).toEqual({ action: 'install', packages: ['chromium', 'python3'] });
  });

  it('installs them through sudo where it may use it without a password (a CI runner that is not root)', () => {
    expect(plan([BROWSER], { hasAptGet: true, isRoot: false, canSudo: true, env })).toEqual({ action: 'install', packages: ['chromium'], sudo: true });
  });

  it('otherwise stops with the one command to run, naming every missing package and why', () => {
    const result = plan([BROWSER, PTY], { hasAptGet: true, isRoot: false, env });
    expect(result.action).toBe('fail');
    const message = result.action === 'fail' ? result.message : '';
    expect(message).toContain('\n  sudo apt-get update && sudo apt-get install -y chromium python3');
    expect(message).toContain('browser tests');
    expect(message).toContain('prompt tests');
    const elsewhere = plan([PTY], { hasAptGet: false, isRoot: true, env });
    expect(elsewhere.action === 'fail' && elsewhere.message).toContain('apt-get install -y python3');
  });

  it('does not try apt-get for a variable that points at nothing: it names the variable', () => {
    const result = plan([BROWSER], { hasAptGet: true, isRoot: true, env: { LAMD_CHROMIUM: '/nowhere/chrome' } });
    expect(result).toEqual({ action: 'fail', message: expect.stringContaining('LAMD_CHROMIUM is set to /nowhere/chrome') });
  });

  it('lists each package once, with the command that proves it and the tests that need it', () => {
    expect(new Set(MACHINE_PACKAGES.map((p) => p.debian)).size).toBe(MACHINE_PACKAGES.length);
    for (const p of MACHINE_PACKAGES) {
      expect(p.command).toMatch(/^[\w.+-]+$/);
      expect(p.neededBy).toMatch(/^test\//);
    }
  });
});

describe('one test command everywhere', () => {
  it('the README, npm test and .ci/run agree: CI runs the README command verbatim, and npm test sets the machine up first', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const ci = readFileSync(join(REPO, '.ci/run'), 'utf8');
    const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const command = 'npm ci && npm test';
    expect(readme).toContain(`\`\`\`sh\n${command}\n\`\`\``);
    expect(ci.split('\n')).toContain(command);
    expect(scripts.test).toMatch(/^node scripts\/test-setup\.mjs && /);
    // Lint and typecheck are part of the one command, ahead of the tests.
    expect(scripts.test).toMatch(/ && npm run lint && npm run typecheck && npm run build && vitest run$/);
  });
});
