// Builds a workspace on disk from a map of file → YAML, and checks it in-process.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkLoaded, type CheckResult } from '../../src/check/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { METHOD_RULES } from '../../src/check/method/index.js';
import { copyFixture, tempDir } from './lamd.js';

export const WORKSPACE_YAML = `kind: workspace
schema_version: 1
programme: { name: Test network }
partners:
  - { id: partner, name: Partner, country: IT, role: Accompanies }
municipalities:
  - { slug: milan, name: Milano, country: IT, languages: [it], local_partner: partner }
  - { slug: tirana, name: Tiranë, country: AL, languages: [sq] }
`;

export const STAKEHOLDERS_YAML = `kind: stakeholders
schema_version: 1
stakeholders:
  - { id: welfare, name: Welfare Area, type: municipal-department, level: local }
  - { id: experts, name: Experts with a migrant background, type: expert, level: local, migration_background: true }
`;

export function writeWorkspace(files: Record<string, string | Buffer>): string {
  const root = tempDir();
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return root;
}

export async function check(files: Record<string, string | Buffer>, paths: string[] = []): Promise<CheckResult> {
  const root = writeWorkspace(files);
  return checkLoaded(await loadWorkspace({ cwd: root, paths }));
}

const METHOD_IDS = new Set(METHOD_RULES.map((r) => r.meta.id));

/** `file:line:col rule message` lines, compact for assertions; method rules only when asked. */
export function lines(result: CheckResult, options: { methodRules?: boolean } = {}): string[] {
  return result.diagnostics.filter((d) => options.methodRules || !METHOD_IDS.has(d.ruleId)).map((d) => `${d.file}:${d.range ? `${d.range.start.line}:${d.range.start.column}` : '-'} ${d.severity} ${d.ruleId} ${d.message}`);
}

/** The road map of the `valid` fixture that withSfaxError breaks. */
export const SFAX_ROADMAP = 'municipalities/sfax/roadmaps/inclusive-services.yaml';

/** A copy of the `valid` fixture with one error, in Sfax's road map only: it builds on a practice that does not exist. */
export function withSfaxError(): string {
  const root = copyFixture('valid');
  const path = join(root, SFAX_ROADMAP);
  writeFileSync(path, readFileSync(path, 'utf8').replace('builds_on: [one-stop-shop]', 'builds_on: [one-stop-shop, no-such-practice]'));
  return root;
}
