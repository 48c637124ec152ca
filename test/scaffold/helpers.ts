// Shared by the scaffold end-to-end tests: fingerprints of folders, and lamd validate's verdict.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runLamd } from '../helpers/lamd.js';

/** Every file and folder under `dir` with a checksum of each file: equal fingerprints, untouched folder. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const rel = path.slice(dir.length + 1).split('\\').join('/');
    out[rel] = entry.isDirectory() ? 'dir' : createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

export function files(dir: string): string[] {
  return Object.entries(fingerprint(dir))
    .filter(([, v]) => v !== 'dir')
    .map(([k]) => k)
    .sort();
}

/** Runs `lamd validate -C root --format json` (in-process) and returns its summary. */
export async function validateSummary(root: string): Promise<{ status: number | null; summary: { errors: number; warnings: number; infos: number; files: number } }> {
  const result = await runLamd(['validate', '-C', root, '--format', 'json']);
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return { status: result.status, summary: (JSON.parse(result.stdout) as { summary: { errors: number; warnings: number; infos: number; files: number } }).summary };
}

export const NO_STACK = /\n\s+at .+:\d+:\d+/;
