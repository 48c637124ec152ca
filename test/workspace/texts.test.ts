// File texts are kept up to a budget, else read again only for files that have something to report,
// and never misplace.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointerOf, pointerSegment, pointerSegments } from '../../src/diagnostics.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { LazySourceTexts } from '../../src/workspace/texts.js';
import { tempDir } from '../helpers/lamd.js';
import { WORKSPACE_YAML, writeWorkspace } from '../helpers/workspace.js';

describe('source texts', () => {
  it('reads a file again on demand and keeps standard input', () => {
    const dir = tempDir();
    const path = join(dir, 'a.yaml');
    writeFileSync(path, 'kind: practice\n');
    const texts = new LazySourceTexts();
    texts.add('a.yaml', 'kind: practice\n', path, 15);
    texts.add('<stdin>', 'kind: roadmap\n', undefined, 14);
    expect(texts.has('a.yaml') && texts.has('<stdin>')).toBe(true);
    expect(texts.has('b.yaml')).toBe(false);
    expect(texts.get('a.yaml')).toBe('kind: practice\n');
    expect(texts.get('<stdin>')).toBe('kind: roadmap\n');
  });

  it('keeps texts up to its budget and leaves the rest on disk, to read again', () => {
    const dir = tempDir();
    const texts = new LazySourceTexts(20);
    for (const name of ['a.yaml', 'b.yaml']) writeFileSync(join(dir, name), 'kind: practice\n');
    texts.add('a.yaml', 'kind: practice\n', join(dir, 'a.yaml'), 15);
    texts.add('b.yaml', 'kind: practice\n', join(dir, 'b.yaml'), 15);
    // Both files change on disk: the kept text is the one checked, the other is read again.
    for (const name of ['a.yaml', 'b.yaml']) writeFileSync(join(dir, name), 'kind: stakeholders\n');
    expect(texts.get('a.yaml')).toBe('kind: practice\n');
    expect(texts.get('b.yaml')).toBeUndefined();
  });

  it('gives no text for a file read again that changed since it was checked, rather than wrong positions', () => {
    const dir = tempDir();
    const path = join(dir, 'a.yaml');
    writeFileSync(path, 'kind: practice\n');
    const texts = new LazySourceTexts(0);
    texts.add('a.yaml', 'kind: practice\n', path, 15);
    writeFileSync(path, '# a comment added meanwhile\nkind: practice\n');
    expect(texts.get('a.yaml')).toBeUndefined();
  });

  it('serves the loaded workspace; the documents and their texts keep what was read even when the file changes', async () => {
    const root = writeWorkspace({ 'lamd.yaml': WORKSPACE_YAML, 'stakeholders.yaml': 'kind: stakeholders\nschema_version: 1\n' });
    const load = await loadWorkspace({ cwd: root });
    expect(load.texts.get('lamd.yaml')).toBe(WORKSPACE_YAML);
    writeFileSync(join(root, 'stakeholders.yaml'), 'kind: something else entirely\n');
    expect(load.texts.get('stakeholders.yaml')).toBe('kind: stakeholders\nschema_version: 1\n');
    expect(load.documents.map((d) => d.value.kind)).toEqual(['workspace', 'stakeholders']);
  });
});

describe('JSON Pointer segments', () => {
  it('escapes ~ and / and leaves every other key as it is', () => {
    expect(pointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(pointerSegment('plain key')).toBe('plain key');
    expect(pointerSegment(3)).toBe('3');
    expect(pointerSegments(`/${pointerSegment('a/b~c')}/0`)).toEqual(['a/b~c', '0']);
  });

  it('joins a walk’s path into a pointer, with or without a last key', () => {
    expect(pointerOf([])).toBe('');
    expect(pointerOf([], 'start')).toBe('/start');
    expect(pointerOf(['actions', 2, 'a/b~c'])).toBe('/actions/2/a~1b~0c');
    expect(pointerOf(['actions', 2], 0)).toBe('/actions/2/0');
    expect(pointerSegments(pointerOf(['x/y', 1], '~'))).toEqual(['x/y', '1', '~']);
  });
});
