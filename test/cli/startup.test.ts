// `lamd --version` answers from the process entry before the command line loads (src/cli/entry.ts):
// the built binary's answer must be commander's, byte for byte, in every form the shortcut takes.
import { describe, expect, it } from 'vitest';
import { lamd, runLamd } from '../helpers/lamd.js';

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
