// Things in a workspace that are not documents, and files lamd may not read: each gets words a user
// can act on (a finding, exit 1; or a usage error, exit 2), never silence and never "a bug in lamd".
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLoaded } from '../../src/check/index.js';
import { loadWorkspace, readDocumentFile } from '../../src/workspace/load.js';
import { asOrdinaryUser, BIN, copyFixture } from '../helpers/lamd.js';
import { validate } from '../validate/in-process.js';

const BUG = /bug in lamd|unexpected failure/i;

function permissionDenied(path: string): never {
  throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', errno: -13, syscall: 'open', path });
}

describe('files lamd may not read (EACCES)', () => {
  // Tests run as root, for whom chmod 000 does not stop a read; the loader's read seam raises the
  // very error Node raises for a user without permission (code EACCES), where Node would raise it.
  it('says an unreadable lamd.yaml is unreadable, and does not claim there is none', async () => {
    const root = copyFixture('valid');
    const load = await loadWorkspace({ cwd: root, readFile: (path) => (path.endsWith('lamd.yaml') ? permissionDenied(path) : readDocumentFile(path)) });
    const result = await checkLoaded(load, { today: '2024-06-01' });
    const finding = result.diagnostics.find((d) => d.file === 'lamd.yaml');
    expect(finding).toMatchObject({ severity: 'error', ruleId: 'file/unreadable' });
    expect(finding!.message).toBe('The file cannot be read: permission denied (your user may not read it; its owner can allow it with chmod a+r, or a+rx for a folder).');
    expect(result.notes.join('\n')).toMatch(/^lamd\.yaml could not be used \(see its error above\)/);
    expect(result.notes.join('\n')).not.toMatch(/No lamd\.yaml was found/);
  });

  it('says which document is unreadable and checks the others', async () => {
    const root = copyFixture('valid');
    const load = await loadWorkspace({ cwd: root, readFile: (path) => (path.endsWith('one-stop-shop.yaml') ? permissionDenied(path) : readDocumentFile(path)) });
    const result = await checkLoaded(load, { today: '2024-06-01' });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ file: 'municipalities/sfax/practices/one-stop-shop.yaml', ruleId: 'file/unreadable', message: expect.stringMatching(/^The file cannot be read: permission denied/) })]);
    expect(result.files).toHaveLength(8);
  });
});

describe('things in a workspace that are not documents', () => {
  it('reports a FIFO, a socket, a link to itself, a loop of links and a folder named like a document', async () => {
    const root = copyFixture('valid');
    execFileSync('mkfifo', [join(root, 'municipalities/sfax/practices/pipe.yaml')]);
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(root, 'activities/socket.yaml'), done));
    try {
      symlinkSync('self.yaml', join(root, 'municipalities/self.yaml'));
      symlinkSync('b.yaml', join(root, 'municipalities/a.yaml'));
      symlinkSync('a.yaml', join(root, 'municipalities/b.yaml'));
      mkdirSync(join(root, 'activities/2024-01-01-meeting.yaml'));
      const started = Date.now();
      const result = await validate(root, []);
      // A FIFO is never opened for reading, so nothing waits for a writer that will not come.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(result.code).toBe(1);
      const out = result.stdout;
      expect(out).not.toMatch(BUG);
      expect(out).toMatch(/municipalities\/sfax\/practices\/pipe\.yaml\n {2}- {2}error {2}This is a named pipe \(FIFO\), not a file; lamd reads documents only from regular files \(reading a pipe could keep it waiting forever\)\. Remove it, or rename it/);
      expect(out).toMatch(/activities\/socket\.yaml\n {2}- {2}error {2}This is a socket, not a file;/);
      expect(out).toMatch(/municipalities\/self\.yaml\n {2}- {2}error {2}This symbolic link points to itself, so it leads to no file\. Remove it, or point it at a document\./);
      expect(out).toMatch(/municipalities\/a\.yaml\n {2}- {2}error {2}This symbolic link leads into a loop of links that point to each other/);
      expect(out).toMatch(/activities\/2024-01-01-meeting\.yaml\n {2}- {2}error {2}This is a folder named like a document, with no YAML file inside\./);
      expect(out).not.toMatch(/points to nothing/);
    } finally {
      server.close();
    }
  });

  it('reports lamd.yaml or stakeholders.yaml made a folder', async () => {
    const root = copyFixture('valid');
    rmSync(join(root, 'stakeholders.yaml'));
    mkdirSync(join(root, 'stakeholders.yaml'));
    const result = await validate(root, []);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/stakeholders\.yaml\n {2}- {2}error {2}This is a folder, not a file\. A lamd document is a file; rename or remove the folder\./);

    rmSync(join(root, 'lamd.yaml'));
    mkdirSync(join(root, 'lamd.yaml'));
    const noWorkspace = await validate(root, []);
    expect(noWorkspace.code).toBe(1);
    expect(noWorkspace.stdout).toMatch(/^lamd\.yaml\n {2}- {2}error {2}This is a folder, not a file\./m);
  });
});

describe('things named on the command line that are not documents', () => {
  it('refuses a FIFO without opening it, with exit 2 and the way to check a stream', async () => {
    const root = copyFixture('valid');
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    const result = await validate(root, ['pipe.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('lamd: pipe.yaml is a named pipe (FIFO), not a file; lamd checks files and folders. To check what a command writes, pipe it to `lamd validate -`.\n');
  });

  it('refuses a device and a link to itself', async () => {
    const root = copyFixture('valid');
    expect((await validate(root, ['/dev/null'])).stderr).toBe('lamd: /dev/null is a device, not a file; lamd checks files and folders. To check what a command writes, pipe it to `lamd validate -`.\n');
    symlinkSync('loop.yaml', join(root, 'loop.yaml'));
    const loop = await validate(root, ['loop.yaml']);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toBe('lamd: loop.yaml is a symbolic link that points to itself, so it leads to no file.\n');
  });
});

describe('files lamd may not read, in a real process without permission', () => {
  it('reports an unreadable lamd.yaml and document as findings, never as a bug in lamd', () => {
    const root = copyFixture('valid');
    // Root reads anything, so the check runs as an ordinary user (nobody) where the tests run as root;
    // as any other user, chmod alone takes the permission away.
    execFileSync('chmod', ['-R', 'a+rX', root]);
    chmodSync(join(root, 'lamd.yaml'), 0o000);
    chmodSync(join(root, 'municipalities/sfax/practices/one-stop-shop.yaml'), 0o000);
    const asUser = asOrdinaryUser();
    const result = spawnSync(process.execPath, [BIN, 'validate'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' }, ...asUser });
    expect(result.stderr).not.toMatch(BUG);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^lamd\.yaml\n {2}- {2}error {2}The file cannot be read: permission denied \(your user may not read it; its owner can allow it with chmod a\+r/m);
    expect(result.stdout).toMatch(/^municipalities\/sfax\/practices\/one-stop-shop\.yaml\n {2}- {2}error {2}The file cannot be read: permission denied/m);
    expect(result.stderr).toMatch(/lamd\.yaml could not be used \(see its error above\)/);
  });
});
