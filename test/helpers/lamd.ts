// Runs the built lamd binary the way a user or CI does: a real process, its exit code, its streams.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';

export const REPO = resolve(import.meta.dirname, '../..');
export const BIN = join(REPO, 'bin/lamd.js');
export const FIXTURES = join(REPO, 'test/fixtures');

export interface LamdResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function lamd(args: readonly string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {}): LamdResult {
  // The caller's environment must not leak in (a developer's FORCE_COLOR, a CI runner's step summary);
  // what a test passes explicitly does.
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.FORCE_COLOR;
  delete base.GITHUB_STEP_SUMMARY;
  const env: Record<string, string | undefined> = { ...base, NO_COLOR: '1', CI: 'true', ...options.env };
  for (const [k, v] of Object.entries(options.env ?? {})) if (v === undefined) delete env[k];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temps: string[] = [];
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lamd-test-'));
  temps.push(dir);
  return dir;
}

/** A copy of a fixture workspace in a temporary folder. */
export function copyFixture(name: string): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'workspaces', name), dir, { recursive: true });
  return dir;
}
