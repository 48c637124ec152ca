// Writing a plan is all or nothing, never over an existing file, and leaves no staging behind.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InterruptedError, UsageError } from '../../src/errors.js';
import { applyPlan, checkPlan, fsError, type PlannedFile } from '../../src/scaffold/apply.js';
import { tempDir } from '../helpers/lamd.js';

const PLAN: PlannedFile[] = [
  { path: 'lamd.yaml', content: 'kind: workspace\n' },
  { path: 'municipalities/sfax/profile.yaml', content: 'kind: profile\n' },
  { path: '.github/workflows/lamd.yml', content: 'name: lamd\n' },
];

function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

describe('checkPlan', () => {
  it('tells new, identical and existing files apart', () => {
    const root = tempDir();
    writeFileSync(join(root, 'lamd.yaml'), 'kind: workspace\n');
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github/workflows'), 'a file where a folder is planned');
    mkdirSync(join(root, 'municipalities/sfax/profile.yaml'), { recursive: true });
    expect(checkPlan(root, PLAN).map((f) => [f.path, f.state])).toEqual([
      ['lamd.yaml', 'same'],
      ['municipalities/sfax/profile.yaml', 'exists'],
      ['.github/workflows/lamd.yml', 'exists'],
    ]);
  });

  it('refuses to edit a file that changed since it was read', () => {
    const root = tempDir();
    writeFileSync(join(root, 'lamd.yaml'), 'changed\n');
    expect(() => checkPlan(root, [{ path: 'lamd.yaml', content: 'new\n', replaces: 'original\n' }])).toThrow(/changed while lamd was working/);
  });

  it('refuses paths that leave the root (a bug, never a user input)', () => {
    expect(() => checkPlan(tempDir(), [{ path: '../x', content: '' }])).toThrow(/unsafe path/);
    expect(() => checkPlan(tempDir(), [{ path: '/etc/x', content: '' }])).toThrow(/unsafe path/);
  });
});

describe('applyPlan', () => {
  it('creates a new folder in one move, with its parents, and leaves no staging folder', () => {
    const parent = tempDir();
    const root = join(parent, 'a/b/demo');
    const written = applyPlan(root, PLAN.map((f) => ({ ...f, state: 'new' as const })));
    expect(written).toHaveLength(3);
    expect(tree(root)).toEqual(['.github/workflows/lamd.yml', 'lamd.yaml', 'municipalities/sfax/profile.yaml']);
    expect(readdirSync(join(parent, 'a/b'))).toEqual(['demo']);
  });

  it('adds to an existing folder without touching what is there', () => {
    const root = tempDir();
    writeFileSync(join(root, 'README.md'), 'mine\n');
    const checked = checkPlan(root, [...PLAN, { path: 'README.md', content: 'lamd\n' }]);
    applyPlan(root, checked);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('mine\n');
    expect(tree(root)).toEqual(['.github/workflows/lamd.yml', 'README.md', 'lamd.yaml', 'municipalities/sfax/profile.yaml']);
  });

  it('edits a file only when it still holds what was read', () => {
    const root = tempDir();
    writeFileSync(join(root, 'lamd.yaml'), 'old\n');
    applyPlan(root, checkPlan(root, [{ path: 'lamd.yaml', content: 'new\n', replaces: 'old\n' }]));
    expect(readFileSync(join(root, 'lamd.yaml'), 'utf8')).toBe('new\n');
    const checked = checkPlan(root, [{ path: 'lamd.yaml', content: 'newer\n', replaces: 'new\n' }]);
    writeFileSync(join(root, 'lamd.yaml'), 'edited meanwhile\n');
    expect(() => applyPlan(root, checked)).toThrow(/changed while lamd was writing/);
    expect(readFileSync(join(root, 'lamd.yaml'), 'utf8')).toBe('edited meanwhile\n');
  });

  it('leaves nothing when interrupted after staging (new folder)', () => {
    const parent = tempDir();
    const root = join(parent, 'demo');
    expect(() =>
      applyPlan(root, PLAN.map((f) => ({ ...f, state: 'new' as const })), {
        beforeCommit: () => {
          throw new InterruptedError();
        },
      }),
    ).toThrow(InterruptedError);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('undoes every file already moved when a later one fails (existing folder)', () => {
    const root = tempDir();
    writeFileSync(join(root, 'lamd.yaml'), 'old\n');
    writeFileSync(join(root, 'keep.txt'), 'mine\n');
    const checked = checkPlan(root, [
      { path: 'lamd.yaml', content: 'new\n', replaces: 'old\n' },
      { path: 'a/new.yaml', content: 'x\n' },
      { path: 'z/late.yaml', content: 'y\n' },
    ]);
    // A file appears where the last one goes, after the plan was checked: the move must fail.
    mkdirSync(join(root, 'z'));
    writeFileSync(join(root, 'z/late.yaml'), 'someone else\n');
    expect(() => applyPlan(root, checked)).toThrow(/appeared while lamd was writing/);
    expect(tree(root)).toEqual(['keep.txt', 'lamd.yaml', 'z/late.yaml']);
    expect(readFileSync(join(root, 'lamd.yaml'), 'utf8')).toBe('old\n');
    expect(readFileSync(join(root, 'z/late.yaml'), 'utf8')).toBe('someone else\n');
    expect(readdirSync(root).filter((e) => e.startsWith('.lamd'))).toEqual([]);
  });

  it('says in one sentence why it cannot write, and writes nothing', () => {
    const root = tempDir();
    writeFileSync(join(root, 'file'), '');
    expect(() => applyPlan(join(root, 'file/demo'), [{ path: 'x.yaml', content: '', state: 'new' }])).toThrow(UsageError);
    const refused = fsError(Object.assign(new Error('x'), { code: 'EACCES' }), '/ro');
    expect(refused).toBeInstanceOf(UsageError);
    expect(refused.message).toBe('Cannot write in /ro: permission denied (the folder is read-only for you). Nothing was written.');
    expect(fsError(Object.assign(new Error('x'), { code: 'EROFS' }), '/ro').message).toMatch(/read-only/);
    expect(fsError(Object.assign(new Error('x'), { code: 'ENOSPC' }), '/ro').message).toMatch(/no space/);
  });

  it('reports a read-only folder as a usage error (when permissions apply)', () => {
    if (process.getuid?.() === 0 || process.platform === 'win32') {
      // Root ignores permission bits; the end-to-end test runs this case as another user.
      expect(fsError(Object.assign(new Error('x'), { code: 'EACCES' }), 'x')).toBeInstanceOf(UsageError);
      return;
    }
    const root = tempDir();
    chmodSync(root, 0o555);
    try {
      expect(() => applyPlan(root, checkPlan(root, PLAN))).toThrow(/permission denied/);
      expect(readdirSync(root)).toEqual([]);
    } finally {
      chmodSync(root, 0o755);
    }
  });
});
