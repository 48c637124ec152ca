// The rule cases under test/fixtures/rules (see its README), read and laid out in a workspace: shared
// by the rules' own test (test/rules/method-rules.test.ts) and the named runs' (test/speed/named-rules.test.ts).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FIXTURES, tempDir } from './lamd.js';

export const CASES = join(FIXTURES, 'rules');
/** The day a case is checked on when it names none (`# today:`). */
export const CASE_TODAY = '2024-06-01';

export interface RuleCase {
  name: string;
  /** Where the case's document goes in the workspace. */
  path: string;
  text: string;
  /** `# expect:` lines, sorted. */
  expect: string[];
  today: string;
  /** Companion cases laid out beside it. */
  with: string[];
}

export function readCase(name: string): RuleCase {
  const text = readFileSync(join(CASES, name), 'utf8');
  const header = (key: string) => [...text.matchAll(new RegExp(`^# ${key}: (.+)$`, 'gm'))].map((m) => m[1]!.trim());
  return { name, text, path: header('path')[0]!, expect: header('expect').sort(), today: header('today')[0] ?? CASE_TODAY, with: header('with') };
}

/** A copy of the valid workspace with the case and its companions in their places: its root. */
export function caseWorkspace(c: RuleCase): string {
  const root = tempDir();
  cpSync(join(FIXTURES, 'workspaces/valid'), root, { recursive: true });
  for (const other of [...c.with.map(readCase), c]) {
    mkdirSync(dirname(join(root, other.path)), { recursive: true });
    writeFileSync(join(root, other.path), other.text);
  }
  return root;
}
