// Runs lamd as a user or CI does: in this process through its terminal injection (fast), or as the built binary.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliIO } from '../../src/cli/io.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const BIN = join(REPO, 'bin/lamd.js');

/** The ordinary user permission tests run lamd as when the tests run as root (nobody). */
const ORDINARY_USER = { uid: 65534, gid: 65534 };
let ordinaryUserChecked = false;

/**
 * Spawn options that run lamd as an ordinary user where the tests run as root, since root reads
 * anything and a permission test would prove nothing; none otherwise. That user must reach the
 * build: a clone under a folder closed to others (mkdtemp's 0700) fails here with that said, rather
 * than as lamd's own failure further on.
 */
export function asOrdinaryUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  if (!ordinaryUserChecked) {
    const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}, require('fs').constants.R_OK)`], { ...ORDINARY_USER, encoding: 'utf8' });
    if (probe.status !== 0) {
      throw new Error(`The permission tests run lamd as user nobody (uid ${ORDINARY_USER.uid}), which cannot read ${BIN}: a folder above the repository is closed to other users. Clone it where others may enter (chmod o+x on the folders above it).`);
    }
    ordinaryUserChecked = true;
  }
  return ORDINARY_USER;
}
export const FIXTURES = join(REPO, 'test/fixtures');

export interface LamdResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface LamdOptions {
  /** The current folder (default: the repository). */
  cwd?: string;
  /** Standard input, all of it (default: empty). */
  input?: string | Buffer;
  /** Variables to set, or with `undefined` to remove, over this process's environment. */
  env?: Record<string, string | undefined>;
}

/**
 * The environment lamd sees: the caller's must not leak in (a developer's FORCE_COLOR, a CI runner's step
 * summary); what a test passes explicitly does. Standard streams are pipes, so no colours, no prompts.
 */
function lamdEnv(extra: LamdOptions['env']): NodeJS.ProcessEnv {
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.FORCE_COLOR;
  delete base.GITHUB_STEP_SUMMARY;
  // lamd speaks the locale's language: tests read English unless they set a locale themselves.
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) delete base[name];
  const env: Record<string, string | undefined> = { ...base, NO_COLOR: '1', CI: 'true', ...extra };
  for (const [k, v] of Object.entries(extra ?? {})) if (v === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

/** Runs the built binary (bin/lamd.js) in a process of its own: for exit codes, signals, real pipes and the build itself. */
export function lamd(args: readonly string[], options: LamdOptions = {}): LamdResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    env: lamdEnv(options.env),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A CliIO that keeps what a command prints, for tests that call a command's `run` directly; the Ctrl-C
 * handlers a command registers are kept in `interrupts` (the test runner's process is left alone).
 */
export function captureIO(cwd: string, env: NodeJS.ProcessEnv = {}): CliIO & { out: string; err: string; interrupts: Array<() => void> } {
  const state = { out: '', err: '', interrupts: [] as Array<() => void> };
  return Object.assign(state, {
    stdout: (text: string) => void (state.out += text),
    stderr: (text: string) => void (state.err += text),
    cwd,
    env,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    readStdin: async () => new Uint8Array(),
    onInterrupt: (handler: () => void) => void state.interrupts.push(handler),
  });
}

/**
 * Runs lamd from source in this process, through its CliIO injection, as `lamd` would in a process whose
 * standard streams are pipes (no terminal): the same output, the same exit code, a fraction of the time.
 */
export async function runLamd(args: readonly string[], options: LamdOptions = {}): Promise<LamdResult> {
  const { main } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const input = options.input ?? '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: options.cwd ?? REPO,
    env: lamdEnv(options.env),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    readStdin: async () => (typeof input === 'string' ? Buffer.from(input) : input),
    // A command's Ctrl-C handler (init and new register one once they write) is for its own process;
    // here the process is the test runner's, which no run touches: runs may go on side by side.
    onInterrupt: () => {},
  };
  const status = await main(['node', BIN, ...args], io);
  return { status, stdout, stderr };
}

const temps: string[] = [];
const fileTemps: string[] = [];

/** Removes the temporary folders made so far for one test; test/helpers/setup.ts runs it after each test. */
export function removeTempDirs(): void {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
}

/** Removes the folders made `until: 'file'`; test/helpers/setup.ts runs it after each test file. */
export function removeFileTempDirs(): void {
  while (fileTemps.length) rmSync(fileTemps.pop()!, { recursive: true, force: true });
}

/**
 * A fresh temporary folder, removed after the test; with `until: 'file'`, after the test file: for
 * tests that run at once (describe.concurrent), where the end of one would remove another's folders.
 */
export function tempDir({ until = 'test' }: { until?: 'test' | 'file' } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'lamd-test-'));
  (until === 'file' ? fileTemps : temps).push(dir);
  return dir;
}

/** A copy of a fixture workspace in a temporary folder. */
export function copyFixture(name: string): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'workspaces', name), dir, { recursive: true });
  return dir;
}
