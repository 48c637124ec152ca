// `lamd validate --cache` and the lazy load of named road maps give exactly what a cold run of every
// document gives: on a generated network with findings of many kinds, after changes to a road map and
// to the documents road maps depend on, with a damaged cache, with a blob that another run appended
// to or that a killed run left half-written, and with a cache that cannot be written.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { isAscii } from 'node:buffer';
import { crc32 } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { validateWithCache } from '../../src/check/cache.js';
import { FileLines, sha256 } from '../../src/check/cache-file.js';
import { checkLoaded } from '../../src/check/index.js';
import { loadWorkspace, readDocumentFile } from '../../src/workspace/load.js';
import { lamd, runLamd, tempDir } from '../helpers/lamd.js';
import { roadmapPath, writeNetwork } from './network.js';

const TODAY = '2026-06-30';
const FORMATS = ['json', 'pretty'] as const;

async function validate(dir: string, format: string, ...more: string[]) {
  return runLamd(['validate', '--format', format, '--today', TODAY, ...more], { cwd: dir });
}

let lastCold = '';

/**
 * A cold run's output, made once per state of the workspace and format: a cold run reads nothing but
 * the workspace's files (lamd's cache folder is never read without --cache), so the tests, which come
 * back to the same states (the generated network before any change, a cache damaged but the documents
 * not), need not check them cold again. Outputs name files relative to the workspace: one state gives
 * the same bytes in every test's folder.
 */
const coldRuns = new Map<string, ReturnType<typeof validate>>();
function coldRun(dir: string, format: string): ReturnType<typeof validate> {
  const key = `${format}\0${stateOf(dir)}`;
  let run = coldRuns.get(key);
  if (run === undefined) coldRuns.set(key, (run = validate(dir, format)));
  return run;
}

/** A hash of every entry under `dir` but lamd's cache folder: names, modes (which tell a FIFO), link targets, files' bytes. */
function stateOf(dir: string): string {
  const hash = createHash('sha256');
  const cacheFolder = join(dir, '.lamd', 'cache');
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (path === cacheFolder) continue;
      const stat = lstatSync(path);
      hash.update(`${relative(dir, path)}\0${stat.mode}\0`);
      if (stat.isDirectory()) walk(path);
      else if (stat.isSymbolicLink()) hash.update(readlinkSync(path));
      // A FIFO or a device is never read: a test may put one where a document goes.
      else if (!stat.isFile()) hash.update('\0not a file\0');
      else {
        try {
          hash.update(readFileSync(path));
        } catch {
          hash.update('\0unreadable\0');
        }
      }
      hash.update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Every format's output of a cold run and of a cached one must agree; the cached run's notes are returned. */
async function expectSameAsCold(dir: string, ...cacheArgs: string[]): Promise<string[]> {
  const notes: string[] = [];
  for (const format of FORMATS) {
    const cold = await coldRun(dir, format);
    if (format === 'json') lastCold = cold.stdout;
    const warm = await validate(dir, format, ...(cacheArgs.length ? cacheArgs : ['--cache']));
    expect(warm.stdout, format).toBe(cold.stdout);
    expect(warm.status, format).toBe(cold.status);
    const extra = warm.stderr.split('\n').filter((line) => !cold.stderr.split('\n').includes(line));
    notes.push(...extra);
  }
  return notes;
}

interface Header {
  format: string;
  files: Record<string, { st: string | null; own?: { r: { j: [number, number] } } }>;
  blob: { file: string; chunks: Array<[number, number, string]> };
}

/** A cache file's header: the line of JSON after its checksum, with the files from the lines after it (each the path and the entry as JSON, a comma after each). */
function cacheHeader(file: string): Header {
  const [, first, ...lines] = readFileSync(file, 'utf8').split('\n');
  const list = JSON.parse(`[${lines.join('')}null]`) as unknown[];
  const files: Header['files'] = {};
  for (let i = 0; i + 1 < list.length; i += 2) files[list[i] as string] = list[i + 1] as Header['files'][string];
  return { ...JSON.parse(first!), files };
}

/** The bytes of a header after its checksum line, as lamd lays them out: ASCII, every other character written as its JSON escape. */
function headerText({ files, ...first }: Header): string {
  const ascii = (json: string) => json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${ascii(JSON.stringify(first))}\n${Object.entries(files).map(([path, entry]) => `${ascii(JSON.stringify(path))},${ascii(JSON.stringify(entry))},\n`).join('')}`;
}

/** The blob file a cache's header names, beside it. */
function blobOf(file: string): string {
  return join(file, '..', cacheHeader(file).blob.file);
}

/** The notes of a run that set its cache aside: the one note that says so. */
function expectOneDamagedNote(notes: readonly string[]): void {
  expect(notes).toHaveLength(1);
  expect(notes[0]).toContain('.lamd/cache/validate.json is damaged or was not written by lamd');
}

/** A CRC-32 as a cache writes it: `crc32:`, eight hex digits, dots to the length of a SHA-256 in base64url. */
const crcSum = (crc: number) => `crc32:${(crc >>> 0).toString(16).padStart(8, '0')}`.padEnd(43, '.');

/** Files written a moment ago may share a tick of the file system's clock with the run: let one pass. */
const ticksPass = () => new Promise((done) => setTimeout(done, 100));

function network(count?: number): string {
  const dir = tempDir();
  writeNetwork(dir, count);
  return dir;
}

describe('lamd validate --cache', () => {
  it('gives a cold run\'s output when warm, after a road map changed, and reuses the others unparsed', async () => {
    const dir = network();
    const cold = await validate(dir, 'json');
    expect(cold.status).toBe(1);
    const rules = new Set((JSON.parse(cold.stdout).files as Array<{ diagnostics: Array<{ ruleId: string }> }>).flatMap((f) => f.diagnostics.map((d) => d.ruleId)));
    // The network carries findings of many kinds, from the schema, the references, dates and the method.
    for (const rule of ['schema/enum', 'dates/valid', 'dates/order', 'references/practice', 'references/indicator', 'endorsement/roadmap', 'privacy/contact-data', 'ids/unique', 'yaml/syntax', 'yaml/duplicate-key', 'settings/unused-suppression']) expect(rules).toContain(rule);

    expect(await expectSameAsCold(dir)).toEqual([]);
    appendFileSync(join(dir, roadmapPath(10)), 'horizon: Until 2030, then the council decides.\n');
    expect(await expectSameAsCold(dir)).toEqual([]);

    writeFileSync(join(dir, roadmapPath(11)), readFileSync(join(dir, roadmapPath(11)), 'utf8').replace('status: in-progress', 'status: started'));
    const run = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    // Only the changed road map is checked again: the other road maps' results and the other
    // documents' (which do not read the changed road map past its id and owner) are kept.
    expect(run.checked).toEqual([roadmapPath(11)]);
    expect(run.reused).toBeGreaterThan(40);
    expect(run.cacheNotes).toEqual([]);
    expect(run.restReused).toBe(true);
  });

  it('checks again the road maps whose results rest on a changed document', async () => {
    const dir = network();
    await validate(dir, 'json', '--cache');
    const before = (await validate(dir, 'json')).stdout;
    // A practice the road maps build on: no longer capitalized, which the road maps' results now say.
    const practice = join(dir, 'municipalities/valmare/practices/info-desk.yaml');
    writeFileSync(practice, readFileSync(practice, 'utf8').replace(/stage: \S+/, 'stage: identified'));
    expect(await expectSameAsCold(dir)).toEqual([]);
    expect(lastCold).not.toBe(before);
    expect(lastCold).toContain('roadmap/learning-continuum');
    // A progress report on a generated road map: now about another period.
    const progress = join(dir, 'municipalities/valmare/progress/gen-003-2025-H2.yaml');
    writeFileSync(progress, readFileSync(progress, 'utf8').replace('indicator: dup-objective\n', 'indicator: dup-objectives\n'));
    expect(await expectSameAsCold(dir)).toEqual([]);
    // The rule settings in lamd.yaml.
    appendFileSync(join(dir, 'lamd.yaml'), 'rules:\n  endorsement/roadmap: info\n');
    expect(await expectSameAsCold(dir)).toEqual([]);
    // A road map taking an id another one declares later: the later one now has the duplicate.
    writeFileSync(join(dir, roadmapPath(1)), readFileSync(join(dir, roadmapPath(1)), 'utf8').replace('id: gen-001', 'id: gen-002'));
    expect(await expectSameAsCold(dir)).toEqual([]);
    // --today and the language are part of the cache's key.
    const cold = await runLamd(['validate', '--format', 'json', '--today', '2030-01-01', '--lang', 'fr'], { cwd: dir });
    const warm = await runLamd(['validate', '--format', 'json', '--today', '2030-01-01', '--lang', 'fr', '--cache'], { cwd: dir });
    expect(warm.stdout).toBe(cold.stdout);
  });

  it('ignores a damaged or foreign cache file with one note, and still gives the right output', async () => {
    const dir = network(20);
    const file = join(dir, '.lamd/cache/validate.json');
    const damages: Array<(bytes: Buffer) => Buffer | string> = [
      () => '{"format": "lamd validate cache", "version": 2, "key": ',
      () => '{"some": "other tool"}',
      () => '',
      // One byte of the kept results changed: the checksum no longer agrees.
      (bytes) => Buffer.concat([bytes.subarray(0, -2), Buffer.from('X\n')]),
      // A header of the right key whose entries are not what lamd wrote: the checksum no longer agrees.
      (bytes) => {
        const sum = bytes.toString('utf8').split('\n')[0]!;
        const header = cacheHeader(file);
        const first = Object.keys(header.files)[0]!;
        header.files[first] = { ...header.files[first]!, st: '42' };
        return `${sum}\n${headerText(header)}`;
      },
      // Lines that are not lamd's, under a checksum that agrees: a file's entry that is not JSON, one
      // that is not an object, a file named twice, a line without its path.
      ...[
        (text: string) => text.replace(/",\{/, '",{{'),
        (text: string) => text.replace(/",\{.*\n/, '",[],\n'),
        (text: string) => text + text.slice(text.indexOf('\n') + 1, text.indexOf('\n', text.indexOf('\n') + 1) + 1),
        (text: string) => text.replace(/\n"[^"]*",/, '\n'),
        (text: string) => text.slice(0, -2),
      ].map((change) => () => {
        const text = change(headerText(cacheHeader(file)));
        return `${sha256(text)}\n${text}`;
      }),
      // A file cut short.
      (bytes) => bytes.subarray(0, bytes.length >> 1),
    ];
    for (const damage of damages) {
      await validate(dir, 'json', '--cache');
      writeFileSync(file, damage(readFileSync(file)));
      const notes = await expectSameAsCold(dir);
      expect(notes.filter((n) => n.includes('.lamd/cache/validate.json'))).toHaveLength(1);
      expect(notes[0]).toContain('damaged or was not written by lamd');
    }
    // The blob: one byte of the kept results changed, or cut short (one gone is no cache: see below).
    const blobDamages: Array<(blob: string) => void> = [
      (blob) => {
        const bytes = readFileSync(blob);
        bytes[bytes.length >> 1]! ^= 1;
        writeFileSync(blob, bytes);
      },
      (blob) => writeFileSync(blob, readFileSync(blob).subarray(0, -1)),
    ];
    const cold = await validate(dir, 'json');
    for (const damage of blobDamages) {
      await validate(dir, 'json', '--cache');
      damage(blobOf(file));
      const warm = await validate(dir, 'json', '--cache');
      expect(warm.stdout).toBe(cold.stdout);
      expectOneDamagedNote(warm.stderr.split('\n').filter((line) => !cold.stderr.split('\n').includes(line)));
    }
  });

  it('appends what changed to the blob, and writes a blob of its own once most of it is no longer referred to', async () => {
    const dir = network(20);
    const file = join(dir, '.lamd/cache/validate.json');
    await validate(dir, 'json', '--cache');
    const blob = blobOf(file);
    const size = statSync(blob).size;
    // A file written within 2 s of a run is recorded to be read again (`"st":null`); by the next run,
    // on a loaded machine, it may be past that window and recorded with its times: a line that may
    // change with the clock, so lines are compared without them.
    const withoutTimes = (line: string) => line.replace(/^("[^"]*",\{)"st":(?:null|"[^"]*"),/, '$1');
    const lines = readFileSync(file, 'utf8').split('\n').slice(2).map(withoutTimes);
    appendFileSync(join(dir, roadmapPath(4)), '# edited\n');
    expect(await expectSameAsCold(dir)).toEqual([]);
    // The same blob, one chunk longer: only the changed road map's entry was written.
    expect(blobOf(file)).toBe(blob);
    expect(statSync(blob).size).toBeGreaterThan(size);
    expect(statSync(blob).size - size).toBeLessThan(size / 5);
    expect(cacheHeader(file).blob.chunks).toHaveLength(2);
    // The header's lines: the changed road map's is new, every other file's is copied as it was, and
    // the whole reads back as lamd lays it out.
    const text = readFileSync(file, 'utf8');
    const after = text.split('\n').slice(2).map(withoutTimes);
    expect(after.filter((line) => !lines.includes(line)).map((line) => JSON.parse(`[${line}null]`)[0])).toEqual([roadmapPath(4)]);
    expect(after).toHaveLength(lines.length);
    expect(text.slice(text.indexOf('\n') + 1)).toBe(headerText(cacheHeader(file)));
    // The network's titles hold letters beyond ASCII (développement): the header writes them escaped.
    expect(text).toContain('d\\u00e9veloppement');
    expect(isAscii(readFileSync(file))).toBe(true);
    // Every road map changed, again and again: soon most of the blob is entries no longer referred to.
    let rounds = 0;
    let grown = 0;
    while (blobOf(file) === blob && rounds < 10) {
      for (let i = 0; i < 20; i++) appendFileSync(join(dir, roadmapPath(i)), `# edited again ${rounds}\n`);
      await validate(dir, 'json', '--cache');
      rounds++;
      if (blobOf(file) === blob) grown = statSync(blob).size;
    }
    expect(rounds).toBeGreaterThan(1);
    expect(blobOf(file)).not.toBe(blob);
    expect(statSync(blobOf(file)).size).toBeLessThan(grown);
    expect(await expectSameAsCold(dir)).toEqual([]);
    expect(cacheHeader(file).blob.chunks).toHaveLength(1);
    // The old blob is left to the sweep of leftovers (a run that read the old header may still name
    // it), which removes it once untouched for ten minutes, at the next blob written afresh.
    const compacted = blobOf(file);
    expect(readdirSync(join(dir, '.lamd/cache')).sort()).toEqual(['validate.json', basename(blob), basename(compacted)].sort());
    const longAgo = new Date(Date.now() - 11 * 60 * 1000);
    utimesSync(blob, longAgo, longAgo);
    for (rounds = 0; blobOf(file) === compacted && rounds < 10; rounds++) {
      for (let i = 0; i < 20; i++) appendFileSync(join(dir, roadmapPath(i)), `# edited once more ${rounds}\n`);
      await validate(dir, 'json', '--cache');
    }
    expect(existsSync(blob)).toBe(false);
    expect(readdirSync(join(dir, '.lamd/cache')).sort()).toEqual(['validate.json', basename(compacted), basename(blobOf(file))].sort());
  });

  it('checks the header and each chunk of the blob by its CRC-32, and reads those checked by SHA-256, as a Node without zlib.crc32 writes them', async () => {
    const dir = network(12);
    const file = join(dir, '.lamd/cache/validate.json');
    await validate(dir, 'json', '--cache');
    const written = readFileSync(file);
    const newline = written.indexOf(0x0a);
    // As long as a SHA-256 in base64url (43 characters): lamd before the CRC-32 reads such a cache's
    // key, another build's, and sets it aside quietly, where a first line of another length was damage.
    expect(newline).toBe(43);
    expect(written.toString('latin1', 0, newline)).toBe(crcSum(crc32(written.subarray(newline + 1))));
    const header = cacheHeader(file);
    const bytes = readFileSync(blobOf(file));
    const chunkOf = ([offset, length]: [number, number, string]) => bytes.subarray(offset, offset + length);
    expect(header.blob.chunks.map(([, , sum]) => sum)).toEqual(header.blob.chunks.map((chunk) => crcSum(crc32(chunkOf(chunk)))));
    const rewrite = (sum: (chunk: Buffer) => string) => {
      const text = headerText({ ...header, blob: { ...header.blob, chunks: header.blob.chunks.map((chunk) => [chunk[0], chunk[1], sum(chunkOf(chunk))]) } });
      writeFileSync(file, `${sha256(text)}\n${text}`);
    };
    rewrite((chunk) => sha256(chunk));
    await ticksPass();
    const run = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    expect(run.cacheNotes).toEqual([]);
    expect(run.checked).toEqual([]);
    expect(run.reused).toBeGreaterThan(0);
    // A CRC-32 that does not agree, under a header checksum that does: the cache is set aside.
    rewrite((chunk) => crcSum(crc32(chunk) ^ 1));
    expectOneDamagedNote(await expectSameAsCold(dir));
  });

  it('reads header lines that hold UTF-8 as UTF-8, not as the latin-1 its own ASCII headers are read as', async () => {
    const dir = network(12);
    const file = join(dir, '.lamd/cache/validate.json');
    await validate(dir, 'json', '--cache');
    const escaped = readFileSync(file, 'utf8');
    // The same lines with each escape of a character beyond ASCII written as the character itself.
    const utf8 = escaped.slice(escaped.indexOf('\n') + 1).replace(/\\u([0-9a-f]{4})/g, (escape, hex: string) => (parseInt(hex, 16) >= 0x80 ? String.fromCharCode(parseInt(hex, 16)) : escape));
    expect(utf8).toContain('développement');
    expect(utf8).not.toBe(escaped.slice(escaped.indexOf('\n') + 1));
    // Read as UTF-8, not as the latin-1 an ASCII header is read as.
    const lines = FileLines.read(Buffer.from(utf8.slice(utf8.indexOf('\n') + 1)))!;
    expect([...lines.paths()].map((path) => lines.get(path)!.doc?.sm).filter((sm) => sm?.includes('La diaspora, partenaire du développement local'))).toHaveLength(1);
    writeFileSync(file, `${sha256(utf8)}\n${utf8}`);
    await ticksPass();
    const run = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    expect(run.cacheNotes).toEqual([]);
    expect(run.checked).toEqual([]);
    expect(run.reused).toBeGreaterThan(0);
    expect(await expectSameAsCold(dir)).toEqual([]);
  });

  it('trusts a blob a killed run appended to without writing its header, and notices one another run appended to meanwhile', async () => {
    const dir = network(12);
    const file = join(dir, '.lamd/cache/validate.json');
    await validate(dir, 'json', '--cache');
    // A run killed after appending: bytes no header refers to.
    appendFileSync(blobOf(file), 'half a chunk');
    appendFileSync(join(dir, roadmapPath(2)), '# edited\n');
    expect(await expectSameAsCold(dir)).toEqual([]);
    const run = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    expect(run.cacheNotes).toEqual([]);
    expect(run.checked).toEqual([]);
    // Another run appends while this one reads the workspace: this one writes a blob of its own.
    // (Road map 7 is read whole by no other document's check: its comment changes its results alone.)
    const blob = blobOf(file);
    appendFileSync(join(dir, roadmapPath(7)), '# edited\n');
    const readFile = (path: string) => {
      if (path.endsWith(roadmapPath(7))) appendFileSync(blob, "another run's chunk");
      return readDocumentFile(path);
    };
    const racing = await validateWithCache({ cwd: dir, paths: [], readFile }, { today: TODAY });
    expect(racing.checked).toEqual([roadmapPath(7)]);
    expect(blobOf(file)).not.toBe(blob);
    expect(await expectSameAsCold(dir)).toEqual([]);
    const after = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    expect(after.cacheNotes).toEqual([]);
    expect(after.checked).toEqual([]);
  });

  it('reads a header written after another run wrote a blob of its own, and a header whose blob is gone as no cache, without a note', async () => {
    const dir = network(12);
    const file = join(dir, '.lamd/cache/validate.json');
    await validate(dir, 'json', '--cache');
    const blob = blobOf(file);
    const [header, bytes] = [readFileSync(file), readFileSync(blob)];
    // Run B appends road map 7's new entry to the blob and renames its header...
    appendFileSync(join(dir, roadmapPath(7)), '# edited\n');
    await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    expect(blobOf(file)).toBe(blob);
    const [headerB, chunkB] = [readFileSync(file), readFileSync(blob).subarray(bytes.length)];
    // ...while run A, which read the same header, sees B's chunk appear and writes a blob of its own,
    // then B's rename lands after A's: the header names the blob A found appended to.
    writeFileSync(file, header);
    writeFileSync(blob, bytes);
    const readFile = (path: string) => {
      if (path.endsWith(roadmapPath(7))) appendFileSync(blob, chunkB);
      return readDocumentFile(path);
    };
    const a = await validateWithCache({ cwd: dir, paths: [], readFile }, { today: TODAY });
    expect(a.cacheNotes).toEqual([]);
    expect(blobOf(file)).not.toBe(blob);
    writeFileSync(file, headerB);
    const next = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    expect(next.cacheNotes).toEqual([]);
    expect(next.checked).toEqual([]);
    expect(await expectSameAsCold(dir)).toEqual([]);
    // A blob gone from under a header whose checksum holds (removed by the sweep of leftovers, say):
    // no cache, as before the first run, and no note.
    rmSync(blobOf(file));
    const cold = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    expect(cold.cacheNotes).toEqual([]);
    expect(cold.reused).toBe(0);
    expect(await expectSameAsCold(dir)).toEqual([]);
  });

  it('sets aside a cache whose checksums hold but whose kept results do not read before writing anything to it', async () => {
    const dir = network(12);
    const file = join(dir, '.lamd/cache/validate.json');
    await validate(dir, 'json', '--cache');
    // Road map 0's kept entry made unreadable, the chunk's and the header's checksums made to agree.
    const header = cacheHeader(file);
    const blob = blobOf(file);
    const bytes = readFileSync(blob);
    bytes[header.files[roadmapPath(0)]!.own!.r.j[0]] = 0x58;
    header.blob.chunks = header.blob.chunks.map(([offset, length]) => [offset, length, sha256(bytes.subarray(offset, offset + length))]);
    writeFileSync(blob, bytes);
    const text = headerText(header);
    writeFileSync(file, `${sha256(text)}\n${text}`);
    appendFileSync(join(dir, roadmapPath(5)), '# edited\n');
    const run = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    expect(run.cacheNotes).toHaveLength(1);
    expect(run.cacheNotes[0]!.id).toBe('validate.cache-ignored');
    // The unreadable blob was not appended to first: the run wrote a blob of its own only.
    expect(readFileSync(blob)).toEqual(bytes);
    expect(blobOf(file)).not.toBe(blob);
    expect(await expectSameAsCold(dir)).toEqual([]);
  });

  it('writes a warm run\'s JSON to standard output as the bytes it kept, the same as a cold run\'s (the built binary)', () => {
    const dir = network(12);
    const args = ['validate', '--format', 'json', '--today', TODAY];
    lamd([...args, '--cache'], { cwd: dir });
    appendFileSync(join(dir, roadmapPath(6)), '# edited\n');
    const warm = lamd([...args, '--cache'], { cwd: dir });
    const cold = lamd(args, { cwd: dir });
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stderr).toBe(cold.stderr);
    expect(warm.status).toBe(cold.status);
  });

  it('counts from the day of the run when --today is not given, not from the day the cache was written', async () => {
    const dir = network(10);
    const run = (...more: string[]) => runLamd(['validate', '--format', 'json', ...more], { cwd: dir });
    // Only Date is faked: the file system's times stay real.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-01-15T12:00:00') });
    try {
      const before = await run('--cache');
      vi.setSystemTime(new Date('2027-06-30T12:00:00'));
      const cold = await run();
      // Three years on, actions are overdue that were not: the day matters to this network.
      expect(cold.stdout).not.toBe(before.stdout);
      expect((await run('--cache')).stdout).toBe(cold.stdout);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sets aside without a note a cache that another lamd wrote', async () => {
    const dir = network(10);
    mkdirSync(join(dir, '.lamd/cache'), { recursive: true });
    // The first layout: one JSON document.
    writeFileSync(join(dir, '.lamd/cache/validate.json'), JSON.stringify({ format: 'lamd validate cache', version: 1, key: 'x', files: {} }));
    expect(await expectSameAsCold(dir)).toEqual([]);
    expect(cacheHeader(join(dir, '.lamd/cache/validate.json')).format).toBe('lamd validate cache');
  });

  it('turns caching off with one note when the cache cannot be written, and the run goes on', async () => {
    const dir = network(10);
    writeFileSync(join(dir, 'not-a-folder'), 'a file where the cache folder would go\n');
    const notes = await expectSameAsCold(dir, '--cache-location', 'not-a-folder/cache');
    expect(notes).toHaveLength(FORMATS.length);
    for (const note of notes) expect(note).toMatch(/^lamd: note: caching is off for this run: the cache cannot be written in not-a-folder\/cache \(ENOTDIR\)/);
  });

  it('appends nothing to the blob when the header cannot be written', async () => {
    const dir = network(10);
    const folder = join(dir, '.lamd/cache');
    await validate(dir, 'json', '--cache');
    const blob = blobOf(join(folder, 'validate.json'));
    const size = statSync(blob).size;
    // A folder where this process's temporary header goes: the header cannot be written, the blob still could.
    mkdirSync(join(folder, `.validate.json.${process.pid}.tmp`));
    appendFileSync(join(dir, roadmapPath(7)), '# edited\n');
    const run = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    expect(run.cacheNotes.map((n) => n.id)).toEqual(['validate.cache-off']);
    expect(run.checked).toEqual([roadmapPath(7)]);
    expect(statSync(blob).size).toBe(size);
    rmSync(join(folder, `.validate.json.${process.pid}.tmp`), { recursive: true });
    expect(await expectSameAsCold(dir)).toEqual([]);
  });

  it('keeps the cache where --cache-location says, a folder or a .json file', async () => {
    const dir = network(10);
    mkdirSync(join(dir, 'elsewhere'));
    expect(await expectSameAsCold(dir, '--cache-location', 'elsewhere')).toEqual([]);
    expect(cacheHeader(join(dir, 'elsewhere/validate.json')).format).toBe('lamd validate cache');
    // Any file name: a space, an accent or `@` in it takes nothing from the cache (its warm runs read it).
    for (const name of ['my-cache.json', 'my cache.json', 'càche@main.json']) {
      expect(await expectSameAsCold(dir, '--cache-location', name), name).toEqual([]);
      expect(cacheHeader(join(dir, name)).format).toBe('lamd validate cache');
      const run = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY }, { location: name });
      expect(run.cacheNotes, name).toEqual([]);
      expect(run.checked, name).toEqual([]);
      expect(readdirSync(dir).filter((f) => f.startsWith(`${name}.`)), name).toHaveLength(1);
    }
  });
});

describe('lamd validate --cache: what a file\'s size, times and inode tell', () => {
  /** A cached run, in this process, that records the files it read (relative to `dir`). */
  async function cachedReading(dir: string, racyWindowNs = 0n) {
    const read: string[] = [];
    const readFile = (path: string) => {
      read.push(relative(dir, path));
      return readDocumentFile(path);
    };
    const run = await validateWithCache({ cwd: dir, paths: [], readFile }, { today: TODAY }, { racyWindowNs });
    return { run, read };
  }

  it('reads no file whose size, times and inode are as recorded, and sees a change that kept the size and modification time', async () => {
    const dir = network(10);
    await ticksPass();
    await cachedReading(dir);
    const second = await cachedReading(dir);
    expect(second.read).not.toContain(roadmapPath(1));
    expect(second.read).not.toContain('lamd.yaml');
    expect(second.run.checked).toEqual([]);
    expect(second.run.restReused).toBe(true);

    // The same size and, to the nanosecond, the same modification time: only the change time tells.
    const file = join(dir, roadmapPath(1));
    const before = statSync(file, { bigint: true });
    writeFileSync(file, readFileSync(file, 'utf8').replace('role: Runs the desk', 'role: Runs the dusk'));
    const ns = String(before.mtimeNs % 1_000_000_000n).padStart(9, '0');
    expect(spawnSync('touch', ['-m', '-d', `@${before.mtimeNs / 1_000_000_000n}.${ns}`, file]).status).toBe(0);
    const after = statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
    const third = await cachedReading(dir);
    expect(third.read).toContain(roadmapPath(1));
    expect(third.run.checked).toEqual([roadmapPath(1)]);
    expect(await expectSameAsCold(dir)).toEqual([]);
  });

  it('reads a touched file again and keeps its results when its bytes are the same, then trusts its new times', async () => {
    const dir = network(10);
    await cachedReading(dir);
    // Set back a minute, so the times the next run records are not the cache's own.
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(join(dir, roadmapPath(2)), earlier, earlier);
    utimesSync(join(dir, 'stakeholders.yaml'), earlier, earlier);
    const run = await cachedReading(dir);
    expect(run.read).toEqual(expect.arrayContaining([roadmapPath(2), 'stakeholders.yaml']));
    expect(run.run.checked).toEqual([]);
    // The touch changed the files' change time just before that run, within its length: the next run
    // reads them once more (racily clean), and records times that the run after it trusts.
    await ticksPass();
    await cachedReading(dir);
    const again = await cachedReading(dir);
    expect(again.read).not.toContain(roadmapPath(2));
    expect(again.read).not.toContain('stakeholders.yaml');
    expect(await expectSameAsCold(dir)).toEqual([]);
  });

  it('reads again next time a file changed close to the cache\'s writing', async () => {
    const dir = network(10);
    await cachedReading(dir);
    appendFileSync(join(dir, roadmapPath(3)), '# edited\n');
    // With a window of an hour, the file just written is not trusted by its times alone (the usual
    // two seconds can pass between the edit and the writing on a loaded machine).
    await cachedReading(dir, 3_600_000_000_000n);
    expect(cacheHeader(join(dir, '.lamd/cache/validate.json')).files[roadmapPath(3)]!.st).toBeNull();
    const run = await cachedReading(dir);
    expect(run.read).toContain(roadmapPath(3));
    expect(run.run.checked).toEqual([]);
    expect(cacheHeader(join(dir, '.lamd/cache/validate.json')).files[roadmapPath(3)]!.st).not.toBeNull();
  });

  it('gives a cold run\'s output after files are deleted, renamed or added', async () => {
    const dir = network(12);
    await validate(dir, 'json', '--cache');
    rmSync(join(dir, roadmapPath(3)));
    renameSync(join(dir, roadmapPath(4)), join(dir, 'municipalities/valmare/roadmaps/gen-004-moved.yaml'));
    expect(await expectSameAsCold(dir)).toEqual([]);
    // A practice the road maps build on, gone; then back under another name.
    const practice = join(dir, 'municipalities/valmare/practices/info-desk.yaml');
    const text = readFileSync(practice, 'utf8');
    rmSync(practice);
    expect(await expectSameAsCold(dir)).toEqual([]);
    writeFileSync(join(dir, 'municipalities/valmare/practices/info-desk-2.yaml'), text);
    expect(await expectSameAsCold(dir)).toEqual([]);
    writeFileSync(join(dir, roadmapPath(40)), readFileSync(join(dir, roadmapPath(5)), 'utf8').replace('id: gen-005', 'id: gen-040'));
    expect(await expectSameAsCold(dir)).toEqual([]);
  });

  it('gives a cold run\'s output in every format and option, and for named files', async () => {
    const dir = network(12);
    await validate(dir, 'json', '--cache');
    appendFileSync(join(dir, roadmapPath(8)), '# edited\n');
    for (const args of [['--format', 'github'], ['--format', 'junit'], ['--format', 'sarif'], ['--format', 'json', '--quiet'], ['--format', 'json', '--strict'], ['--format', 'pretty', '--list-suppressions']]) {
      const cold = await runLamd(['validate', '--today', TODAY, ...args], { cwd: dir });
      const warm = await runLamd(['validate', '--today', TODAY, ...args, '--cache'], { cwd: dir });
      expect(warm.stdout, args.join(' ')).toBe(cold.stdout);
      expect(warm.stderr, args.join(' ')).toBe(cold.stderr);
      expect(warm.status, args.join(' ')).toBe(cold.status);
    }
    for (const named of [[roadmapPath(9)], [roadmapPath(0), 'municipalities/valmare/roadmaps/gen-copy.yaml'], ['lamd.yaml', roadmapPath(1)]]) {
      for (let round = 0; round < 2; round++) {
        const cold = await runLamd(['validate', '--format', 'json', '--today', TODAY, ...named], { cwd: dir });
        const warm = await runLamd(['validate', '--format', 'json', '--today', TODAY, '--cache', ...named], { cwd: dir });
        expect(warm.stdout, named.join(' ')).toBe(cold.stdout);
      }
    }
    expect(await expectSameAsCold(dir)).toEqual([]);
  });
});

describe('lamd validate <road map>', () => {
  it('reports exactly what loading every document would, without parsing the other road maps', async () => {
    const dir = network(20);
    for (const i of [0, 1, 2, 3, 4, 5, 6, 9]) {
      const paths = [roadmapPath(i)];
      const lazy = await loadWorkspace({ cwd: dir, paths, onlyWhatNamedRoadmapsNeed: true });
      const full = await loadWorkspace({ cwd: dir, paths });
      // Only the named road map, and gen-copy, which shares gen-000's id (see named-roadmap.test.ts).
      expect(lazy.documents.filter((d) => d.kind === 'roadmap').map((d) => d.file)).toEqual(i === 0 ? [...paths, 'municipalities/valmare/roadmaps/gen-copy.yaml'] : paths);
      expect(await checkLoaded(lazy, { today: TODAY })).toEqual(await checkLoaded(full, { today: TODAY }));
    }
    // The later of two road maps with the same id, named with the first: both are checked.
    const both = [roadmapPath(0), 'municipalities/valmare/roadmaps/gen-copy.yaml'];
    const lazy = await loadWorkspace({ cwd: dir, paths: both, onlyWhatNamedRoadmapsNeed: true });
    const full = await loadWorkspace({ cwd: dir, paths: both });
    expect(await checkLoaded(lazy, { today: TODAY })).toEqual(await checkLoaded(full, { today: TODAY }));
  });
});
