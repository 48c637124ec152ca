// Issue 13 item 3: a report needs only the files it reads to be valid; --draft writes anyway, marked.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/report.js';
import { copyFixture } from '../helpers/lamd.js';
import { exitCode, recordIO } from './io.js';
import { SFAX_ROADMAP, withSfaxError } from '../helpers/workspace.js';


async function report(root: string, phase: string, options: Record<string, unknown>) {
  const rec = recordIO(root);
  const code = await exitCode(() => run(rec.io, { workspace: root }, phase, { today: '2024-06-01', ...options }), rec);
  return { code, stderr: rec.err() };
}

describe('reports scoped to what they read', () => {
  it('writes the Tangier report while Sfax has an error, and names the file left out', async () => {
    const root = withSfaxError();
    const result = await report(root, 'roadmap', { municipality: 'tangier' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`left out of this report, because they have errors: ${SFAX_ROADMAP} (1 error)`);
    expect(readdirSync(join(root, 'reports'))).toEqual(['roadmap.tangier.en.md']);
  });

  it('still refuses the Sfax report, and the whole-network report, and points at --draft', async () => {
    const root = withSfaxError();
    const sfax = await report(root, 'roadmap', { municipality: 'sfax' });
    expect(sfax.code).toBe(1);
    expect(sfax.stderr).toContain('no report was written: the files this report reads have 1 error');
    expect(sfax.stderr).toContain('add --draft');
    const all = await report(root, 'roadmap', {});
    expect(all.code).toBe(1);
    expect(existsSync(join(root, 'reports'))).toBe(false);
  });

  it('--draft writes the report with a banner and "draft" in the file name', async () => {
    const root = withSfaxError();
    const result = await report(root, 'roadmap', { draft: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('writing a draft');
    expect(readdirSync(join(root, 'reports'))).toEqual(['roadmap.en.draft.md']);
    expect(readFileSync(join(root, 'reports/roadmap.en.draft.md'), 'utf8')).toMatch(/^> \*\*Draft: contains unchecked data\./);
  });

  it('--draft marks every printed page of an HTML report, in the report language', async () => {
    const root = withSfaxError();
    const result = await report(root, 'roadmap', { draft: true, format: 'html', lang: 'fr' });
    expect(result.code).toBe(0);
    const html = readFileSync(join(root, 'reports/roadmap.fr.draft.html'), 'utf8');
    expect(html).toContain('@page { @top-center { content: "BROUILLON\u202f: contient des données non vérifiées"');
    expect(html).toContain('Brouillon\u202f: contient des données non vérifiées.');
  });

  it('--draft on documents without errors writes the final report', async () => {
    const root = copyFixture('valid');
    const result = await report(root, 'roadmap', { draft: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('written as a final report, not a draft');
    expect(readdirSync(join(root, 'reports'))).toEqual(['roadmap.en.md']);
  });

  it('a draft leaves out a document whose shape is broken, and says so', async () => {
    const root = copyFixture('valid');
    writeFileSync(join(root, SFAX_ROADMAP), 'kind: roadmap\nschema_version: 1\nid: inclusive-services\nmunicipality: sfax\ntitle: [broken\n');
    const result = await report(root, 'roadmap', { draft: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`left out of this report, because they have errors: ${SFAX_ROADMAP}`);
  });
});

describe('a draft PDF', () => {
  it('says "draft" at the top of every page', async () => {
    const { execFileSync } = await import('node:child_process');
    const root = withSfaxError();
    const rec = recordIO(root);
    rec.io.env = { PATH: process.env.PATH, LAMD_CHROMIUM: process.env.LAMD_CHROMIUM ?? '/usr/bin/chromium' };
    const code = await exitCode(() => run(rec.io, { workspace: root }, 'roadmap', { today: '2024-06-01', draft: true, format: 'pdf', lang: 'en' }), rec);
    expect(code, rec.err()).toBe(0);
    const pages = execFileSync('pdftotext', ['-layout', join(root, 'reports/roadmap.en.draft.pdf'), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThan(1);
    // The mark may wrap inside its margin box; pdftotext lays the two lines out side by side.
    for (const page of pages) expect(page.replace(/\s+/g, ' ')).toMatch(/DRAFT: contains .*unchecked data/);
  }, 60_000);
});
