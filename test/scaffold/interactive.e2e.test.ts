// The real prompts, driven through a pseudo-terminal (Python's pty module, see pty-driver.py):
// answers land in the files, bad answers are asked again, Ctrl-C exits 130 with nothing written,
// and --yes asks nothing even on a terminal.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { BIN, runLamd, tempDir } from '../helpers/lamd.js';
import { fingerprint, validateSummary } from './helpers.js';

interface Step {
  expect: string;
  send: string;
}

interface Driven {
  status: number | null;
  output: string;
  timedOut: boolean;
  pending: number | null;
}

const ENTER = '\r';
const CTRL_C = '\u0003';
const DOWN = '\u001b[B';

/**
 * Runs lamd in a pseudo-terminal, typing each step's keys once its prompt shows. Without blocking: the
 * tests of this file run at once, since most of a test is waiting for a prompt to draw.
 */
function drive(args: string[], cwd: string, steps: Step[]): Promise<Driven> {
  const script = { argv: [process.execPath, BIN, ...args], cwd, env: { CI: null, NO_COLOR: '1', FORCE_COLOR: null, TERM: 'xterm' }, timeout: 40, steps };
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [join(import.meta.dirname, 'pty-driver.py')], { stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) reject(new Error(`the pty driver failed (exit ${status}): ${stderr}`));
      else resolve(JSON.parse(stdout) as Driven);
    });
    child.stdin.end(JSON.stringify(script));
  });
}

describe.concurrent('lamd init on a terminal', { timeout: 90_000 }, () => {
  it('asks every question, searches countries, and writes the answers', async () => {
    const cwd = tempDir({ until: 'file' });
    const run = await drive(['init', 'demo'], cwd, [
      { expect: 'Name of the programme or network', send: `Réseau "Med": # 2025${ENTER}` },
      { expect: 'Name of the first municipality', send: `Tiranë${ENTER}` },
      { expect: 'Folder name \\(slug\\)[\\s\\S]*\\(tirane\\)', send: ENTER },
      { expect: 'Country of the municipality', send: 'Alban' },
      // Wait for the list of the whole term: results of a shorter term can linger a moment.
      { expect: 'Alban\\n❯ Albania \\(AL\\)', send: ENTER },
      { expect: 'Languages the municipality works in', send: `sq,en${ENTER}` },
      { expect: 'Unit leading the process', send: `Urban Economic Development Directory${ENTER}` },
      { expect: 'Implementing partners', send: `CDI (AL); CeSPI (IT)${ENTER}` },
      { expect: 'Programme start', send: `2025-01-01${ENTER}` },
      { expect: 'Programme end[\\s\\S]*2025-12-31', send: ENTER },
      { expect: 'SDGs of interest', send: ENTER },
    ]);
    expect(run.timedOut).toBe(false);
    expect(run.pending).toBeNull();
    expect(run.status).toBe(0);
    expect(run.output).toMatch(/Created a lamd workspace for Tiranë, Albania \(AL\), in demo/);
    const workspace = YAML.parse(readFileSync(join(cwd, 'demo/lamd.yaml'), 'utf8')) as Record<string, unknown>;
    expect(workspace).toMatchObject({
      programme: { name: 'Réseau "Med": # 2025' },
      partners: [
        { id: 'cdi', name: 'CDI', country: 'AL' },
        { id: 'cespi', name: 'CeSPI', country: 'IT' },
      ],
      municipalities: [{ slug: 'tirane', name: 'Tiranë', country: 'AL', languages: ['sq', 'en'], lead_unit: 'Urban Economic Development Directory', local_partner: 'cdi' }],
      calendar: { preparatory: { start: '2025-01-01' }, final: { end: '2025-12-31' } },
    });
    const { status, summary } = await validateSummary(join(cwd, 'demo'));
    expect(status).toBe(0);
    expect(summary).toMatchObject({ errors: 0, warnings: 4, infos: 1 });
  });

  it('asks again after a bad answer, in words that name no flag, and asks for the slug of a name in another script', async () => {
    const cwd = tempDir({ until: 'file' });
    const run = await drive(['init', 'demo', '--network', 'Net', '--lang', 'ar', '--partner', 'CeSPI (IT)', '--lead-unit', 'Direction'], cwd, [
      { expect: 'Name of the first municipality', send: `صفاقس${ENTER}` },
      // A name in another script is asked in Latin letters too, offered as transliterated.
      { expect: 'in Latin letters[\\s\\S]*Sfqs', send: `Sfax${ENTER}` },
      // Typed as a name, the slug is read as the id it stands for, and lamd says so.
      { expect: 'Folder name \\(slug\\)', send: `Sfax${ENTER}` },
      { expect: 'lamd reads this as: sfax[\\s\\S]*Country of the municipality', send: 'tunis' },
      { expect: 'tunis\\n❯ Tunisia \\(TN\\)', send: ENTER },
      { expect: 'Programme start', send: `2025-06-01${ENTER}` },
      { expect: 'Programme end', send: `\u0015${'\u0008'.repeat(10)}2025-05-01${ENTER}` },
      { expect: 'The programme end 2025-05-01 is before the programme start 2025-06-01', send: `${'\u0008'.repeat(10)}2026-05-31${ENTER}` },
      { expect: 'SDGs of interest', send: `${DOWN} ${ENTER}` },
    ]);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(0);
    const workspace = YAML.parse(readFileSync(join(cwd, 'demo/lamd.yaml'), 'utf8')) as { municipalities: unknown[]; calendar: unknown };
    // Arabic only among its languages: the Latin name goes under English, for the network's reports.
    expect(workspace.municipalities).toMatchObject([{ slug: 'sfax', name: { ar: 'صفاقس', en: 'Sfax' }, country: 'TN' }]);
    expect(workspace.calendar).toEqual({ preparatory: { start: '2025-06-01' }, final: { end: '2026-05-31' } });
    // SDG 10 was ticked by default and SDG 2 added: the example road map, about coordinating the
    // work on migration, takes 10, since zero hunger has no target that fits its text.
    const roadmap = YAML.parse(readFileSync(join(cwd, 'demo/municipalities/sfax/roadmaps/example-roadmap.yaml'), 'utf8')) as { sdg: { goal: string } };
    expect(roadmap.sdg.goal).toBe('10');
    expect((await validateSummary(join(cwd, 'demo'))).status).toBe(0);
  });

  it.each([
    ['the first question', 'Name of the programme or network'],
    ['the country search', 'Country of the municipality'],
    ['the last question', 'SDGs of interest'],
  ])('Ctrl-C at %s exits 130 and writes nothing', async (_, prompt) => {
    const cwd = tempDir({ until: 'file' });
    const steps: Step[] = [
      { expect: 'Name of the programme or network', send: ENTER },
      { expect: 'Name of the first municipality', send: `Sfax${ENTER}` },
      { expect: 'Folder name', send: ENTER },
      { expect: 'Country of the municipality', send: 'TN' },
      { expect: 'TN\\n❯ Tunisia \\(TN\\)', send: ENTER },
      { expect: 'Languages', send: ENTER },
      { expect: 'Unit leading', send: ENTER },
      { expect: 'Implementing partners', send: ENTER },
      { expect: 'Programme start', send: ENTER },
      { expect: 'Programme end', send: ENTER },
      { expect: 'SDGs of interest', send: ENTER },
    ];
    const at = steps.findIndex((s) => s.expect.startsWith(prompt));
    const run = await drive(['init', 'demo'], cwd, [...steps.slice(0, at), { expect: prompt, send: CTRL_C }]);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(130);
    expect(run.output).toMatch(/lamd: Interrupted; nothing was changed\./);
    expect(fingerprint(cwd)).toEqual({});
  });

  it('Ctrl-C in a folder with files leaves every file as it was', async () => {
    const cwd = tempDir({ until: 'file' });
    await runLamd(['init', 'repo', '--yes', '--name', 'Sfax', '--country', 'TN'], { cwd });
    const before = fingerprint(cwd);
    const run = await drive(['new', 'municipality'], join(cwd, 'repo'), [
      { expect: 'Name of the municipality', send: `Tunis${ENTER}` },
      { expect: 'Folder name', send: CTRL_C },
    ]);
    expect(run.status).toBe(130);
    expect(fingerprint(cwd)).toEqual(before);
  });

  it('asks nothing with --yes, even on a terminal', async () => {
    const cwd = tempDir({ until: 'file' });
    const run = await drive(['init', 'demo', '--yes'], cwd, []);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(2);
    expect(run.output).not.toMatch(/\?/);
    expect(run.output).toMatch(/lamd init needs --name <name> and --country <code>/);
    expect(fingerprint(cwd)).toEqual({});
  });
});

describe.concurrent('lamd new on a terminal', { timeout: 90_000 }, () => {
  it('asks for a practice: title, id from the title, municipality and cluster', async () => {
    const cwd = tempDir({ until: 'file' });
    expect((await runLamd(['init', 'demo', '--yes', '--name', 'Sfax', '--country', 'TN'], { cwd })).status).toBe(0);
    const root = join(cwd, 'demo');
    const run = await drive(['new', 'practice'], root, [
      { expect: 'Title of the practice', send: `One-stop shop${ENTER}` },
      { expect: 'Id of the practice[\\s\\S]*\\(one-stop-shop\\)', send: ENTER },
      { expect: 'Municipality the practice belongs to', send: ENTER },
      { expect: 'Thematic cluster', send: `${DOWN}${DOWN}${DOWN}${DOWN}${ENTER}` },
    ]);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(0);
    const practice = YAML.parse(readFileSync(join(root, 'municipalities/sfax/practices/one-stop-shop.yaml'), 'utf8')) as Record<string, unknown>;
    expect(practice).toMatchObject({ id: 'one-stop-shop', title: 'One-stop shop', municipality: 'sfax', cluster: 'access-to-services' });
    expect((await validateSummary(root)).status).toBe(0);
  });

  it('refuses an id already taken at its prompt, and asks again', async () => {
    const cwd = tempDir({ until: 'file' });
    expect((await runLamd(['init', 'demo', '--yes', '--name', 'Sfax', '--country', 'TN'], { cwd })).status).toBe(0);
    const root = join(cwd, 'demo');
    // init made example-practice; a second practice may not take its id.
    const run = await drive(['new', 'practice'], root, [
      { expect: 'Title of the practice', send: `Example practice${ENTER}` },
      { expect: 'Id of the practice[\\s\\S]*\\(', send: `example-practice${ENTER}` },
      { expect: 'already has a practice with the id `example-practice`', send: `${'\u0008'.repeat(16)}second-practice${ENTER}` },
      { expect: 'Municipality the practice belongs to', send: ENTER },
      { expect: 'Thematic cluster', send: ENTER },
    ]);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(0);
    expect(YAML.parse(readFileSync(join(root, 'municipalities/sfax/practices/second-practice.yaml'), 'utf8'))).toMatchObject({ id: 'second-practice', title: 'Example practice' });
  });
});
