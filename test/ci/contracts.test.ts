// Small contracts found on the way: a lamd.yaml that is a folder is the person's to fix (exit 2, not
// "a bug in lamd"), a reader closing the pipe early is not a failure, and "today" has one meaning.
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropOutputToClosedPipes, type CliIO } from '../../src/cli/io.js';
import { run as newDocument } from '../../src/cli/commands/new.js';
import { run as rules } from '../../src/cli/commands/rules.js';
import { WorkspaceError } from '../../src/errors.js';
import { today } from '../../src/calendar/today.js';
import { BIN, captureIO, copyFixture, REPO } from '../helpers/lamd.js';

function terminal(cwd: string): CliIO {
  return captureIO(cwd, { CI: 'true' });
}

describe('a lamd.yaml that is a folder', () => {
  it('is a workspace error (exit 2) with a message for the person, in lamd rules and lamd new', async () => {
    const root = copyFixture('valid');
    rmSync(join(root, 'lamd.yaml'));
    mkdirSync(join(root, 'lamd.yaml'));
    const expected = `${join(root, 'lamd.yaml')} is a folder, not a file. A workspace's lamd.yaml is the file that describes the programme; fix it, or pass -C <folder> to work on another workspace.`;
    await expect(rules(terminal(root), {})).rejects.toThrow(WorkspaceError);
    await expect(rules(terminal(root), {})).rejects.toThrow(expected);
    await expect(rules(terminal(REPO), { workspace: root })).rejects.toThrow(expected);
    await expect(newDocument(terminal(root), {}, 'practice', 'p', { municipality: 'milan', yes: true })).rejects.toThrow(expected);
    await expect(newDocument(terminal(root), {}, 'stakeholder', 's', { name: 'S', type: 'expert', yes: true })).rejects.toThrow(WorkspaceError);
  });
});

describe('a reader that closes the pipe early', () => {
  it('does not turn the exit code into a failure (lamd rules 2>&1 | head)', () => {
    // Six runs, since whether stderr's write lands after head has gone depends on timing.
    const script = `for i in 1 2 3 4 5 6; do "$NODE" "$BIN" rules 2>&1 | head -c 10 >/dev/null; printf '%s ' "\${PIPESTATUS[0]}"; done`;
    const result = spawnSync('bash', ['-c', script], { env: { ...process.env, NODE: process.execPath, BIN, NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout.trim().split(' ')).toEqual(Array(6).fill('0'));
  });

  it('drops what is written after EPIPE, and lets every other error through', () => {
    const stream = new EventEmitter() as unknown as NodeJS.WritableStream;
    dropOutputToClosedPipes([stream]);
    expect(() => stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).not.toThrow();
    expect(() => stream.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
  });
});

describe('today', () => {
  it('is the local calendar date where lamd runs, for every command', () => {
    // Built from local parts: whatever the time zone, today() gives back the same day.
    expect(today(new Date(2026, 0, 2, 0, 30))).toBe('2026-01-02');
    expect(today(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
    expect(today(new Date(999, 4, 6, 12))).toBe('0999-05-06');
  });

  it('is computed in one place: no command takes the UTC date of now on its own', () => {
    const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', 'src'], { cwd: REPO, encoding: 'utf8' }).stdout.split('\n').filter((f) => f.endsWith('.ts'));
    const own = files.filter((f) => f !== 'src/today.ts' && /new Date\(\)\.toISOString\(\)|new Date\(\)\.get(?:UTC)?(?:FullYear|Month|Date)\(\)/.test(readFileSync(join(REPO, f), 'utf8')));
    expect(own).toEqual([]);
  });
});
