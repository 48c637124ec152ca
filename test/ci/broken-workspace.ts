// A copy of the pilot example, broken the ways CI sees most (a goal written as a number, a practice
// that does not exist, an empty file, a binary file, a name with spaces and markup), and lamd
// validate run on it in-process, the way a CI job runs it.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run as validate, type ValidateOptions } from '../../src/cli/commands/validate.js';
import { captureIO, REPO, tempDir } from '../helpers/lamd.js';

export const BROKEN_ROADMAP = 'municipalities/milan/roadmaps/milan-pilot-roadmap.yaml';

/** Copies an example workspace into a fresh temporary folder. */
export function copyExample(name: string): string {
  const root = tempDir();
  cpSync(join(REPO, 'examples', name), root, { recursive: true });
  return root;
}

/** The pilot example with errors and warnings of every shape a format must carry. */
export function brokenWorkspace(): string {
  const root = copyExample('las-pilot');
  const roadmap = join(root, BROKEN_ROADMAP);
  const text = readFileSync(roadmap, 'utf8').replace('  not_recorded: true\n', '  goal: 16\n').replace('builds_on: [migration-service-centre]', 'builds_on: [migration-service-centre, "<b>nowhere</b> & co"]');
  writeFileSync(roadmap, text);
  writeFileSync(join(root, 'municipalities/milan/practices/empty.yaml'), '');
  writeFileSync(join(root, 'municipalities/milan/practices/binary.yaml'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]));
  writeFileSync(join(root, 'municipalities/milan/practices/one, two & <three>.yaml'), 'kind: practice\nschema_version: 1\nid: one-two\n');
  return root;
}

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** `lamd validate` in-process, in `cwd`, with a terminal that records what it is told. */
export async function validateIn(cwd: string, options: ValidateOptions, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const io = captureIO(cwd, env);
  const status = await validate(io, {}, [], options);
  return { status, stdout: io.out, stderr: io.err };
}
