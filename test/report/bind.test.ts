// `lamd report all --single`: the phase reports bound into one document with one title, one cover and
// one table of contents, each phase a top-level section, timelines still found, the foot said once.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/report.js';
import { bindReports, demoteHeadings } from '../../src/report/bind.js';
import { REPORT_PHASES, reportToHtml, svgLabels, type MarkdownReport } from '../../src/report/index.js';
import type { Md } from '../../src/report/markdown.js';
import { LAS_PILOT, loadValid, render, TODAY } from './helpers.js';
import { captureIO } from '../helpers/lamd.js';

let phases: MarkdownReport[];
let bound: MarkdownReport;
beforeAll(async () => {
  const pilot = await loadValid(LAS_PILOT);
  phases = REPORT_PHASES.map((p) => render(pilot, p, 'en'));
  bound = bindReports(phases, 'The programme\'s record: every phase' as Md);
});

const headings = (markdown: string, depth: number) => [...markdown.matchAll(new RegExp(`^${'#'.repeat(depth)} (.+)$`, 'gm'))].map((m) => m[1]!);

describe('binding the phase reports', () => {
  it('has one title, and each phase as a section holding its own sections one level down', () => {
    expect(headings(bound.markdown, 1)).toEqual(["The programme's record: every phase"]);
    expect(headings(bound.markdown, 2)).toEqual(phases.map((p) => headings(p.markdown, 1)[0]));
    expect(headings(bound.markdown, 3)).toEqual(phases.flatMap((p) => headings(p.markdown, 2)));
    expect(headings(bound.markdown, 4)).toEqual(phases.flatMap((p) => headings(p.markdown, 3)));
  });

  it('says the network once, on the cover, and the foot (how it was made) once, at the end', () => {
    const lead = /^\*\*Local Authorities Network for Migration and Development\*\*.*$/gm;
    expect(phases[0]!.markdown.match(lead)).toHaveLength(1);
    expect(bound.markdown.match(lead)).toHaveLength(1);
    expect(bound.markdown.indexOf('**Local Authorities Network')).toBeLessThan(bound.markdown.indexOf('\n## '));
    const foot = /^Rendered by lamd from the workspace's documents/gm;
    expect(bound.markdown.match(foot)).toHaveLength(1);
    expect(bound.markdown.trimEnd().split('\n').at(-1)).toMatch(foot);
  });

  it('keeps every timeline drawable: ids stay unique and the HTML draws each one', () => {
    const ids = bound.timelines.map((t) => t.id);
    expect(ids.length).toBe(phases.reduce((n, p) => n + p.timelines.length, 0));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    const html = reportToHtml(bound);
    expect(html.match(/<figure class="timeline">/g)).toHaveLength(ids.length);
    expect(html).not.toContain('lamd-timeline');
    // One table of contents: the phases, each with its sections.
    expect(html.match(/<nav id="contents"/g)).toHaveLength(1);
    expect(svgLabels(bound.messages)(bound.timelines[0]!).title).toContain(bound.timelines[0]!.title);
  });

  it('moves headings one level down outside code only, and leaves level 6 alone', () => {
    expect(demoteHeadings('# A\n\n```\n# not a heading\n```\n\n###### F')).toBe('## A\n\n```\n# not a heading\n```\n\n###### F');
  });
});

describe('lamd report --single', () => {
  const out = mkdtempSync(join(tmpdir(), 'lamd-single-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const io = () => captureIO(LAS_PILOT);

  it('writes one file, all.<lang>.<format>, for the whole programme', async () => {
    const cli = io();
    expect(await run(cli, { workspace: LAS_PILOT }, 'all', { format: 'html', single: true, out, today: TODAY, lang: 'en' })).toBe(0);
    expect(readdirSync(out)).toEqual(['all.en.html']);
    expect(cli.err).toContain('wrote');
  });

  it('is a usage error with one phase or with Markdown, naming what works', async () => {
    await expect(run(io(), { workspace: LAS_PILOT }, 'roadmap', { format: 'pdf', single: true, out })).rejects.toThrow('--single binds the phases of `lamd report all` into one document: `lamd report all --format pdf --single`.');
    await expect(run(io(), { workspace: LAS_PILOT }, 'all', { single: true, out })).rejects.toThrow(/--single makes one HTML, PDF or Word document \(--format html, pdf or docx\)/);
  });
});
