// Branding from lamd.yaml: logos embedded (never fetched) on the cover and at the foot of HTML reports,
// the funding statement and disclaimer in every format, and a logo that cannot be embedded reported
// as references/logo on lamd.yaml while the reports are still written without it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkBranding, imageType, MAX_LOGO_BYTES } from '../../src/check/branding.js';
import { run as report } from '../../src/cli/commands/report.js';
import { run as validate } from '../../src/cli/commands/validate.js';
import { captureIO, copyFixture } from '../helpers/lamd.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n';

/** The valid fixture with a branding block: two good logos and every kind of bad one. */
function brandedWorkspace(): string {
  const root = copyFixture('valid');
  mkdirSync(join(root, 'branding'));
  writeFileSync(join(root, 'branding/iom.png'), PNG);
  writeFileSync(join(root, 'branding/city.svg'), SVG);
  writeFileSync(join(root, 'branding/notes.png'), 'not an image\n');
  writeFileSync(join(root, 'branding/huge.png'), Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES)]));
  const yaml = readFileSync(join(root, 'lamd.yaml'), 'utf8');
  writeFileSync(
    join(root, 'lamd.yaml'),
    yaml.replace(
      'languages: [en, fr]',
      `languages: [en, fr]
branding:
  logos:
    - { file: branding/iom.png, alt: International Organization for Migration }
    - { file: branding/city.svg, alt: City of Sfax }
    - { file: branding/missing.png, alt: Missing }
    - { file: branding/notes.png, alt: Not an image }
    - { file: branding/huge.png, alt: Too large }
    - { file: "https://example.org/logo.png", alt: Remote }
    - { file: ../outside.png, alt: Outside }
  funding_statement: This report was produced with the financial support of the Test Donor.
  disclaimer: The opinions expressed are those of the authors.`,
    ),
  );
  return root;
}

describe('logos that cannot be embedded', () => {
  it('are warnings on lamd.yaml (references/logo), one per logo, pointing at its file', async () => {
    const root = brandedWorkspace();
    const cli = captureIO(root, { NO_COLOR: '1' });
    const code = await validate(cli, { workspace: root }, [], { format: 'json' });
    expect(code).toBe(0);
    const result = JSON.parse(cli.out) as { files: { file: string; diagnostics: { ruleId: string; severity: string; message: string; pointer: string }[] }[] };
    const logos = result.files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === 'references/logo').map((d) => ({ ...d, file: f.file })));
    expect(logos.map((d) => [d.file, d.severity, d.pointer])).toEqual([2, 3, 4, 5, 6].map((i) => ['lamd.yaml', 'warning', `/branding/logos/${i}/file`]));
    expect(logos.map((d) => d.message.split(/[.:;] /)[0])).toEqual([
      'There is no logo `branding/missing.png` in the workspace',
      '`branding/notes.png` is not an image lamd can embed',
      'The logo `branding/huge.png` is 2.0 MB',
      '`https://example.org/logo.png` is not a file of the workspace',
      '`../outside.png` is outside the workspace',
    ]);
    expect(logos.every((d) => d.message.endsWith('Reports are written without it.'))).toBe(true);
  });

  it('recognises images by their first bytes, not their names', () => {
    expect(imageType(PNG)).toBe('image/png');
    expect(imageType(Buffer.from(SVG))).toBe('image/svg+xml');
    expect(imageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(imageType(Buffer.from('GIF89a...'))).toBe('image/gif');
    expect(imageType(Buffer.from('<html><svg></svg></html>'))).toBeUndefined();
    expect(checkBranding(undefined, '/')).toEqual([]);
  });
});

describe('a branded report', () => {
  it('embeds the usable logos on the cover and at the foot, with the funding statement and disclaimer', async () => {
    const root = brandedWorkspace();
    const cli = captureIO(root, { NO_COLOR: '1' });
    expect(await report(cli, { workspace: root }, 'roadmap', { format: 'html', today: '2024-06-01', lang: 'en' })).toBe(0);
    const html = readFileSync(join(root, 'reports/roadmap.en.html'), 'utf8');
    const cover = html.slice(html.indexOf('<header class="cover">'), html.indexOf('</header>'));
    expect(cover).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}" alt="International Organization for Migration">`);
    expect(cover).toContain('<img src="data:image/svg+xml;base64,');
    expect(cover).toContain('<p class="funding">This report was produced with the financial support of the Test Donor.</p>');
    expect(html.match(/<img /g)).toHaveLength(4); // two logos, on the cover and at the foot
    expect(html).toMatch(/<footer class="report-foot">\n<div class="logos logos-foot"><img src="data:image\/png/);
    expect(html).not.toMatch(/src="(?!data:)/);
    expect(html).toContain('<em>The opinions expressed are those of the authors.</em>');

    expect(await report(cli, { workspace: root }, 'final', { today: '2024-06-01', lang: 'en' })).toBe(0);
    const markdown = readFileSync(join(root, 'reports/final.en.md'), 'utf8');
    expect(markdown).toContain('\n---\n\nThis report was produced with the financial support of the Test Donor.\n\n*The opinions expressed are those of the authors.*\n\n');
  });

  it('writes the Word report too, with the usable logos on the cover and in the footer and the others left out', async () => {
    const root = brandedWorkspace();
    const cli = captureIO(root, { NO_COLOR: '1' });
    expect(await report(cli, { workspace: root }, 'roadmap', { format: 'docx', today: '2024-06-01', lang: 'en' })).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(root, 'reports/roadmap.en.docx')));
    const pictures = async (part: string) => [...(await zip.file(part)!.async('string')).matchAll(/<wp:docPr id="(\d+)" name="([^"]*)"/g)].map((m) => ({ id: m[1]!, name: m[2]! }));
    const logos = ['International Organization for Migration', 'City of Sfax'];
    const footer = await pictures('word/footer1.xml');
    expect(footer.map((p) => p.name)).toEqual(logos);
    const body = await pictures('word/document.xml');
    expect(body.filter((p) => !p.name.startsWith('Timeline of ')).map((p) => p.name)).toEqual(logos);
    // Every picture has an id of its own, as Word requires.
    const ids = [...footer, ...body].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await zip.file('word/footer1.xml')!.async('string')).toContain('This report was produced with the financial support of the Test Donor.');
  });
});
