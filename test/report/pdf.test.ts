// `lamd report --format pdf`, read back with poppler-utils (pdfinfo, pdftotext) as a partner's PDF
// reader would: A4, tagged, titled, every page numbered and titled, the donor's logos and funding
// statement at the foot of every page, no page left near-empty. Printed from a branded copy of the pilot. Runs the
// command in-process with Debian's Chromium; two reports are printed, once each, for the whole file: the
// road map alone, and every phase bound into one.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/report.js';
import { UsageError } from '../../src/errors.js';
import { bindReports } from '../../src/report/bind.js';
import { plainFromMarkdown, REPORT_PHASES } from '../../src/report/index.js';
import type { Md } from '../../src/report/markdown.js';
import { LAS_PILOT, loadValid, render, TODAY, type LoadedWorkspace } from './helpers.js';
import { captureIO } from '../helpers/lamd.js';

const CHROMIUM = process.env.LAMD_CHROMIUM ?? '/usr/bin/chromium';

interface Run {
  code: number;
  stderr: string;
}

async function report(args: { phase: string; out: string; env?: NodeJS.ProcessEnv; options?: Record<string, string | boolean> }): Promise<Run> {
  const io = captureIO(BRANDED, args.env ?? { PATH: process.env.PATH, LAMD_CHROMIUM: CHROMIUM });
  try {
    const code = await run(io, { workspace: BRANDED }, args.phase, { format: 'pdf', out: args.out, today: TODAY, lang: 'en', ...args.options });
    return { code, stderr: io.err };
  } catch (error) {
    // The CLI's one place for errors maps a UsageError to exit 2 and prints its message.
    if (error instanceof UsageError) return { code: 2, stderr: `${io.err}lamd: ${error.message}\n` };
    throw error;
  }
}

const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
/** The text of each page, in reading order. */
const pages = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').slice(0, -1);

interface PageBox {
  /** Share of the page's printable height that text reaches, 0–1. */
  fullness: number;
  /** The first words inside the printable area (below the top margin box). */
  first: string;
}

/** Where the text of each page ends, from pdftotext's word boxes, leaving out the margin boxes. */
function pageBoxes(file: string): PageBox[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return [...xml.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => {
    const height = Number(page[1]);
    const margin = (20 / 25.4) * 72; // the 20 mm margins of the report's @page rule
    const words = [...page[2]!.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)]
      .map((w) => ({ top: Number(w[1]), bottom: Number(w[2]), text: w[3]! }))
      .filter((w) => w.top > margin && w.bottom < height - margin);
    const bottom = Math.max(margin, ...words.map((w) => w.bottom));
    return { fullness: (bottom - margin) / (height - 2 * margin), first: words.slice(0, 8).map((w) => w.text).join(' ') };
  });
}

let out: string;
let roadmap: Run;
let all: Run;
let pilot: LoadedWorkspace;
/** The pilot with a donor's branding: two logos and a funding statement at the foot of every page. */
let BRANDED: string;
const PNG_LOGO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SVG_LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><rect width="300" height="100" fill="#0b5cad"/></svg>';
const FUNDING = 'This report was produced with the financial support of the Test Donor.';
beforeAll(async () => {
  pilot = await loadValid(LAS_PILOT);
  out = mkdtempSync(join(tmpdir(), 'lamd-pdf-test-'));
  BRANDED = join(out, 'las-pilot');
  cpSync(LAS_PILOT, BRANDED, { recursive: true, filter: (src) => !src.includes(`${sep}reports`) });
  mkdirSync(join(BRANDED, 'branding'));
  writeFileSync(join(BRANDED, 'branding/iom.png'), PNG_LOGO);
  writeFileSync(join(BRANDED, 'branding/donor.svg'), SVG_LOGO);
  appendFileSync(
    join(BRANDED, 'lamd.yaml'),
    `branding:\n  logos:\n    - { file: branding/iom.png, alt: IOM }\n    - { file: branding/donor.svg, alt: The donor }\n  funding_statement: ${FUNDING}\n`,
  );
  // At once: each waits mostly on its own Chromium, and they write different files.
  [roadmap, all] = await Promise.all([report({ phase: 'roadmap', out }), report({ phase: 'all', out, options: { single: true } })]);
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('lamd report --format pdf', () => {
  it('prints the pilot road-map report on A4, tagged, with its language and title', () => {
    expect(roadmap, roadmap.stderr).toMatchObject({ code: 0 });
    const info = pdfinfo(join(out, 'roadmap.en.pdf'));
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Road maps$/m);
    expect(readFileSync(join(out, 'roadmap.en.pdf')).includes('/Lang (en)')).toBe(true);
  });

  it('carries on every page its number of the total, the report title and the network', () => {
    const text = pages(join(out, 'roadmap.en.pdf'));
    expect(text.length).toBeGreaterThan(3);
    text.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${text.length}`);
      expect(page, `page ${i + 1}`).toContain('Road maps');
      expect(page, `page ${i + 1}`).toContain('Local Authorities Network for Migration and Development');
      expect(page, `page ${i + 1}`).toContain(`1 June 2024 · lamd`);
    });
  });

  it('carries the logos and the funding statement at the foot of every page', () => {
    const file = join(out, 'roadmap.en.pdf');
    const text = pages(file);
    text.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(FUNDING));
    // pdfimages lists each picture where it is drawn: the two logos on every page (the raster one as an image, the SVG as vectors or an image).
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    const perPage = new Map<number, number>();
    for (const line of images) perPage.set(Number(line.trim().split(/\s+/)[0]), (perPage.get(Number(line.trim().split(/\s+/)[0])) ?? 0) + 1);
    for (let page = 1; page <= text.length; page++) expect(perPage.get(page) ?? 0, `images on page ${page}`).toBeGreaterThanOrEqual(1);
  });

  it('leaves no page of the bound programme less than a third full, except the last of a section', () => {
    expect(all, all.stderr).toMatchObject({ code: 0 });
    // Every phase's report, as `all --single` binds them (bind.ts demotes each report's headings by one).
    const { markdown } = bindReports(REPORT_PHASES.map((phase) => render(pilot, phase, 'en')), "The programme's record: every phase" as Md);
    const sections = [...markdown.matchAll(/^#{1,3} (.+)$/gm)].map((m) => plainFromMarkdown(m[1]!));
    const boxes = pageBoxes(join(out, 'all.en.pdf'));
    expect(boxes.length).toBeGreaterThan(10);
    boxes.forEach((box, i) => {
      const next = boxes[i + 1];
      // The cover, the last page, and a page after which a new section starts may end early.
      const endsSection = i === 0 || next === undefined || sections.some((s) => next.first.startsWith(s.split(' ').slice(0, 3).join(' ')));
      if (!endsSection) expect(box.fullness, `page ${i + 1} of ${boxes.length}: ${box.first}`).toBeGreaterThan(1 / 3);
    });
  });

  it('binds every phase into one PDF with `all --single`: one cover, one contents, each phase from a new page', () => {
    expect(all, all.stderr).toMatchObject({ code: 0 });
    const file = join(out, 'all.en.pdf');
    expect(pdfinfo(file)).toMatch(/^Title:\s+The programme's record: every phase$/m);
    const text = pages(file);
    expect(text.filter((page) => /^\s*Contents\s*$/m.test(page))).toHaveLength(1);
    text.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${text.length}`));
    const titles = ['Preparatory phase', 'City Migration Profiles', 'Capitalization: practices shared', 'Road maps', 'Final event: state of the art', 'Progress of the road maps'];
    // Each phase's title opens a page of its own (below the page's margin texts).
    const boxes = pageBoxes(file);
    for (const title of titles) expect(boxes.some((box) => box.first.startsWith(title.split(' ').slice(0, 2).join(' '))), title).toBe(true);
  });

  it('without a Chromium, exits 2 with the one command that installs it, and writes nothing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'lamd-pdf-none-'));
    try {
      const result = await report({ phase: 'roadmap', out: empty, env: { PATH: empty } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/none was found/);
      expect(result.stderr).toContain('apt-get install -y chromium');
      expect(() => readFileSync(join(empty, 'roadmap.en.pdf'))).toThrow();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('stops a Chromium that hangs within the time allowed, and passes on what a failing one says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lamd-pdf-fake-'));
    try {
      const hang = join(dir, 'hang');
      writeFileSync(hang, '#!/bin/sh\nsleep 30\n');
      const fail = join(dir, 'fail');
      writeFileSync(fail, '#!/bin/sh\necho "cannot open display: no X server" >&2\nexit 3\n');
      chmodSync(hang, 0o755);
      chmodSync(fail, 0o755);
      const started = Date.now();
      const hung = await report({ phase: 'roadmap', out: dir, env: { PATH: '', LAMD_CHROMIUM: hang, LAMD_CHROMIUM_TIMEOUT: '1' } });
      expect(hung.code).toBe(2);
      expect(hung.stderr).toMatch(/did not finish printing the report within 1 s and was stopped/);
      expect(Date.now() - started).toBeLessThan(10_000);
      const failed = await report({ phase: 'roadmap', out: dir, env: { PATH: '', LAMD_CHROMIUM: fail } });
      expect(failed.code).toBe(2);
      expect(failed.stderr).toMatch(/failed to print the report \(exit 3\)\. It said:\ncannot open display: no X server/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
