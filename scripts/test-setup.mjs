// Makes sure this machine has the programs the test suite drives (a browser, a pseudo-terminal driver, …),
// installing the missing ones from Debian when it can, so that `npm ci && npm test` works on a fresh machine.
//
// To need another program in a test, add it to MACHINE_PACKAGES below (nowhere else): `npm test` and
// .ci/run then install it. Run by `npm test` before anything else; `node scripts/test-setup.mjs --check`
// only reports.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The machine's programs the tests need: the Debian package that provides each, the command (and, where
 * several packages share a command, the file) that proves it is there, an environment variable that may point at another copy instead, and which tests need it.
 */
export const MACHINE_PACKAGES = [
  { debian: 'chromium', command: 'chromium', env: 'LAMD_CHROMIUM', neededBy: 'test/report/browser.test.ts (HTML reports in a real browser)' },
  { debian: 'cmark-gfm', command: 'cmark-gfm', env: 'LAMD_CMARK_GFM', neededBy: 'test/report/renderers.test.ts (the Markdown reports in GitHub\'s own parser)' },
  { debian: 'poppler-utils', command: 'pdfinfo', neededBy: 'test/report/pdf.test.ts (pdfinfo and pdftotext read the PDF reports)' },
  { debian: 'libreoffice-calc-nogui', command: 'soffice', env: 'LAMD_SOFFICE', neededBy: 'test/progress/spreadsheet.test.ts (LibreOffice opens and converts the XLSX exports)' },
  // The same soffice command; Writer's own library proves the part that opens Word files is there too.
  { debian: 'libreoffice-writer-nogui', command: 'soffice', file: '/usr/lib/libreoffice/program/libswlo.so', env: 'LAMD_SOFFICE', neededBy: 'test/report/docx.test.ts (LibreOffice converts the Word reports to PDF)' },
  { debian: 'default-jre-headless', command: 'java', neededBy: 'test/report/nu-checker.test.ts (the Nu HTML checker, vnu-jar, is Java)' },
  { debian: 'python3', command: 'python3', neededBy: 'test/scaffold/interactive.e2e.test.ts (the prompts, typed at through a pseudo-terminal by pty-driver.py)' },
];

/** The executable `command` on PATH (as `command -v` finds it), or undefined. */
export function findCommand(command, path = process.env.PATH ?? '') {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The packages of `list` this machine lacks: neither its variable names an executable, nor is its command on PATH. */
export function missingPackages(list = MACHINE_PACKAGES, env = process.env) {
  return list.filter((p) => {
    const pointed = p.env ? env[p.env] : undefined;
    if (pointed) return !isExecutable(pointed);
    return findCommand(p.command, env.PATH ?? '') === undefined || (p.file !== undefined && !existsSync(p.file));
  });
}

/**
 * What to do about the missing packages: nothing, install them with apt-get (root on a machine that has
 * it), or stop with the one command a person has to run.
 */
export function plan(missing, machine) {
  if (missing.length === 0) return { action: 'none' };
  const names = missing.map((p) => p.debian).join(' ');
  // A variable that points at nothing is the user's setting, not a missing package: apt cannot fix it.
  const badPointer = missing.find((p) => p.env && machine.env[p.env]);
  if (badPointer) {
    return { action: 'fail', message: `${badPointer.env} is set to ${machine.env[badPointer.env]}, which is not an executable file. Point it at a ${badPointer.command} program, or unset it to use the one on PATH.` };
  }
  if (machine.hasAptGet && machine.isRoot) return { action: 'install', packages: missing.map((p) => p.debian) };
  // A CI runner (GitHub's Ubuntu images) is not root but may use sudo without a password.
  if (machine.hasAptGet && machine.canSudo) return { action: 'install', packages: missing.map((p) => p.debian), sudo: true };
  const needs = missing.map((p) => `  ${p.command} (Debian package ${p.debian}), for ${p.neededBy}`).join('\n');
  const command = machine.hasAptGet ? `sudo apt-get update && sudo apt-get install -y ${names}` : `your package manager's equivalent of: apt-get install -y ${names}`;
  return { action: 'fail', message: `The tests need programs this machine lacks:\n${needs}\nInstall them, then run the tests again:\n  ${command}` };
}

function apt(args, sudo) {
  // No questions (CI has no stdin), and wait for another apt on this machine instead of failing on its lock.
  const aptArgs = ['-o', 'DPkg::Lock::Timeout=300', ...args];
  const [program, programArgs] = sudo ? ['sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...aptArgs]] : ['apt-get', aptArgs];
  const result = spawnSync(program, programArgs, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `${result.stderr}${result.stdout}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`apt-get ${args.join(' ')} failed:\n${why}`);
  }
}

function main() {
  const checkOnly = process.argv.includes('--check');
  const missing = missingPackages();
  if (missing.length === 0) return 0; // The usual case: nothing to do, and nothing fetched.
  const hasAptGet = findCommand('apt-get') !== undefined;
  const isRoot = process.getuid?.() === 0;
  // Asked only when it matters: `sudo -n` answers at once, never prompts for a password.
  const canSudo = hasAptGet && !isRoot && findCommand('sudo') !== undefined && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  const machine = { hasAptGet, isRoot, canSudo, env: process.env };
  const decision = plan(missing, machine);
  if (checkOnly && decision.action === 'install') {
    process.stderr.write(`test set-up: missing Debian packages: ${decision.packages.join(' ')} (\`npm test\` installs them)\n`);
    return 1;
  }
  if (decision.action === 'fail') {
    process.stderr.write(`test set-up: ${decision.message}\n`);
    return 1;
  }
  process.stderr.write(`test set-up: installing ${decision.packages.join(' ')} with apt-get, for the tests (once: later runs find them)…\n`);
  try {
    apt(['update', '-qq'], decision.sudo === true);
    apt(['install', '-y', '-qq', ...decision.packages], decision.sudo === true);
  } catch (error) {
    process.stderr.write(`test set-up: ${error.message}\nInstall them by hand, then run the tests again:\n  apt-get update && apt-get install -y ${decision.packages.join(' ')}\n`);
    return 1;
  }
  const still = missingPackages();
  if (still.length > 0) {
    process.stderr.write(`test set-up: apt-get installed ${decision.packages.join(' ')}, yet ${still.map((p) => p.command).join(', ')} is still not on PATH (${process.env.PATH}).\n`);
    return 1;
  }
  process.stderr.write('test set-up: done.\n');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
