// Reports are written as they are made but put in place together (src/cli/staged-files.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StagedFiles } from '../../src/cli/staged-files.js';
import { tempDir } from '../helpers/lamd.js';

describe('StagedFiles', () => {
  it('puts every staged file in place at commit, in order, and nothing before', () => {
    const cwd = tempDir();
    const files = new StagedFiles(join(cwd, 'reports', 'en'), cwd);
    files.stage('a.html', 'A');
    files.stage('b.html', new TextEncoder().encode('B'));
    expect(readdirSync(join(cwd, 'reports', 'en')).filter((f) => !f.startsWith('.'))).toEqual([]);
    const written: string[] = [];
    files.commit((shown) => written.push(shown));
    expect(written).toEqual([join('reports', 'en', 'a.html'), join('reports', 'en', 'b.html')]);
    expect(readFileSync(join(cwd, 'reports', 'en', 'a.html'), 'utf8')).toBe('A');
    expect(readdirSync(join(cwd, 'reports', 'en'))).toEqual(['a.html', 'b.html']);
  });

  it('on discard leaves the old files as they were and removes the folder it made', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'old'));
    writeFileSync(join(cwd, 'old', 'a.html'), 'old A');
    const kept = new StagedFiles(join(cwd, 'old'), cwd);
    kept.stage('a.html', 'new A');
    kept.discard();
    expect(readdirSync(join(cwd, 'old'))).toEqual(['a.html']);
    expect(readFileSync(join(cwd, 'old', 'a.html'), 'utf8')).toBe('old A');

    const made = new StagedFiles(join(cwd, 'new', 'deep'), cwd);
    made.stage('a.html', 'A');
    made.discard();
    expect(existsSync(join(cwd, 'new'))).toBe(false);
  });

  it('refuses a folder it cannot make as the user’s to fix, naming it', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'taken'), 'a file where the folder should be');
    const files = new StagedFiles(join(cwd, 'taken', 'reports'), cwd);
    expect(() => files.stage('a.html', 'A')).toThrow(/taken/);
    files.discard();
    expect(readFileSync(join(cwd, 'taken'), 'utf8')).toBe('a file where the folder should be');
  });
});
