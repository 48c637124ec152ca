// Whether a workspace's copy of the schemas (.lamd/schemas/) matches the running lamd's.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSchemaCopy, schemaCopyFiles, schemaCopyNote } from '../../src/scaffold/schema-copy.js';
import { render } from '../../src/i18n/messages.js';
import { REPO, tempDir } from '../helpers/lamd.js';

function withCopy(): string {
  const root = tempDir();
  mkdirSync(join(root, '.lamd'));
  cpSync(join(REPO, 'schemas'), join(root, '.lamd/schemas'), { recursive: true });
  return root;
}

describe('compareSchemaCopy', () => {
  it('is missing when the workspace carries no copy', () => {
    expect(compareSchemaCopy(tempDir()).status).toBe('missing');
    const root = tempDir();
    mkdirSync(join(root, '.lamd'));
    writeFileSync(join(root, '.lamd/schemas'), 'a file, not a folder');
    expect(compareSchemaCopy(root).status).toBe('missing');
  });

  it('is current when every schema matches byte for byte, extra files aside', () => {
    const root = withCopy();
    writeFileSync(join(root, '.lamd/schemas/extra.json'), '{}');
    expect(compareSchemaCopy(root).status).toBe('current');
    expect(schemaCopyNote(root, root, '1.0.0')).toBeUndefined();
  });

  it('is stale when a schema differs or is missing, and names the files', () => {
    const root = withCopy();
    writeFileSync(join(root, '.lamd/schemas/roadmap.schema.json'), '{"old": true}');
    rmSync(join(root, '.lamd/schemas/common.schema.json'));
    expect(compareSchemaCopy(root)).toEqual({ status: 'stale', differing: ['common.schema.json', 'roadmap.schema.json'] });
  });

  it('compares against any set of shipped schemas (a newer lamd)', () => {
    const root = withCopy();
    const newer = tempDir();
    for (const f of schemaCopyFiles()) writeFileSync(join(newer, f.path.split('/').pop()!), f.content);
    writeFileSync(join(newer, 'workspace.schema.json'), '{"newer": true}');
    expect(compareSchemaCopy(root, newer).status).toBe('stale');
  });

  it('says how to refresh the copy, with a path that works from where lamd runs', () => {
    const parent = tempDir();
    const root = join(parent, 'my demo');
    cpSync(withCopy(), root, { recursive: true });
    writeFileSync(join(root, '.lamd/schemas/roadmap.schema.json'), '{}');
    const note = render('en', schemaCopyNote(root, parent, '2.0.0')!);
    expect(note).toMatch(/differs from lamd 2\.0\.0's \(roadmap\.schema\.json\)/);
    expect(note).toContain("`lamd schema --out 'my demo/.lamd/schemas' --force`");
    expect(render('en', schemaCopyNote(root, root, '2.0.0')!)).toContain('`lamd schema --out .lamd/schemas --force`');
  });
});
