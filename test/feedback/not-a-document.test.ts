// Issue 13 item 8: `lamd validate README.md` says the file is not a lamd document.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/lamd.js';
import { validate } from '../validate/in-process.js';

describe('a file that is not a lamd document', () => {
  it('README.md is named as not a lamd document, not as a YAML syntax error', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'README.md'), '# Our workspace\n\nSee: the road maps: in municipalities/.\n- item\n');
    const result = await validate(root, ['README.md']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('This is not a lamd document');
    expect(result.stdout).not.toContain('YAML syntax error');
  });

  it('a .yaml file keeps its YAML error', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'roadmap.yaml'), 'kind: roadmap\ntitle: Objectif 1 : les migrants\n');
    const result = await validate(root, ['roadmap.yaml']);
    expect(result.stdout).toContain('YAML syntax error');
  });
});
