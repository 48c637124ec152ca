// `lamd --version` answers from the process entry before the command line loads (src/cli/entry.ts):
// the built binary's answer must be commander's, byte for byte, in every form the shortcut takes; and
// the process, which leaves as soon as its output is with the system, still gives a slow reader all of it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, lamd, REPO, runLamd, tempDir } from '../helpers/lamd.js';
import { writeNetwork } from '../speed/network.js';

describe('lamd --version', () => {
  it('prints what the full command line prints, with exit 0', async () => {
    const full = await runLamd(['--version']);
    expect(full.status).toBe(0);
    for (const flag of ['--version', '-V']) {
      const fast = lamd([flag]);
      expect(fast, flag).toEqual({ status: 0, stdout: full.stdout, stderr: '' });
    }
    // Anything more than the flag alone takes the full path, as before.
    expect(lamd(['-C', '.', '--version'])).toEqual({ status: 0, stdout: full.stdout, stderr: '' });
  });
});

// The process leaves as soon as its command is done and its output is with the system (entry.ts):
// output a slow reader has not taken yet is still written whole, with the command's exit code. (Where
// Node writes pipes synchronously, on Windows, this passes either way; here it fails without the check.)
describe('the end of a run', () => {
  it('writes the whole output to a reader that empties the pipe late, with the exit code', () => {
    const dir = tempDir();
    writeNetwork(dir, 80);
    const args = ['validate', '--format', 'json', '--today', '2026-06-30'];
    const direct = lamd(args, { cwd: dir });
    expect(direct.status).toBe(1);
    // More than a pipe holds (64 KiB on Linux): the last writes wait for the reader.
    expect(Buffer.byteLength(direct.stdout)).toBeGreaterThan(1 << 16);
    const script = `"$NODE" "$BIN" ${args.join(' ')} 2>/dev/null | (sleep 0.5; cat); printf '\\n%s' "\${PIPESTATUS[0]}"`;
    const late = spawnSync('bash', ['-c', script], { cwd: dir, env: { ...process.env, NODE: process.execPath, BIN, NO_COLOR: '1' }, encoding: 'utf8', timeout: 20_000, maxBuffer: 1 << 26 });
    const status = late.stdout.slice(late.stdout.lastIndexOf('\n') + 1);
    expect(status).toBe('1');
    expect(late.stdout.slice(0, late.stdout.lastIndexOf('\n'))).toBe(direct.stdout);
  });

  it('leaves at once when the command is done, not by the natural exit', () => {
    const dir = tempDir();
    writeNetwork(dir, 2);
    // --trace-exit (Node's own, not V8's: the code cache still fits) reports a process.exit(); the
    // natural exit, which also tears the heap down, reports nothing.
    const run = spawnSync(process.execPath, ['--trace-exit', BIN, 'validate', '--format', 'json', '--today', '2026-06-30'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Exited the environment with code 1');
  });

  it('says lamd is not built yet, with exit 2, where dist/ or its bundle is missing', () => {
    const dir = tempDir();
    cpSync(join(REPO, 'bin'), join(dir, 'bin'), { recursive: true });
    const run = () => spawnSync(process.execPath, [join(dir, 'bin', 'lamd.js'), 'validate'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    const notBuilt = 'lamd: the program is not built yet. Run `npm run build` in the lamd folder first.\n';
    expect(run()).toMatchObject({ status: 2, stdout: '', stderr: notBuilt });
    // The entry there, the bundle it loads not.
    mkdirSync(join(dir, 'dist'));
    copyFileSync(join(REPO, 'dist', 'lamd.cjs'), join(dir, 'dist', 'lamd.cjs'));
    expect(run()).toMatchObject({ status: 2, stdout: '', stderr: notBuilt });
  });
});
