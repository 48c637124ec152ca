// `lamd validate` end to end: exit codes, every bad input, every format (in-process; the built binary where a process matters).
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { asOrdinaryUser, BIN, copyFixture, lamd, REPO, runLamd, tempDir } from '../helpers/lamd.js';
import { GITHUB_ANNOTATION, sarif } from '../helpers/outputs.js';
import { STAKEHOLDERS_YAML, WORKSPACE_YAML, writeWorkspace } from '../helpers/workspace.js';

const NO_STACK = /\n\s+at .+:\d+:\d+/;

function expectNoStackTrace(result: { stdout: string; stderr: string }) {
  expect(result.stderr).not.toMatch(NO_STACK);
  expect(result.stdout).not.toMatch(NO_STACK);
}

describe('lamd validate on a workspace', () => {
  it('accepts a valid workspace with exit 0 and a summary line', () => {
    const result = lamd(['validate', '-C', copyFixture('valid')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/8 files checked/);
  });

  it('finds the workspace from a subfolder', async () => {
    const root = copyFixture('valid');
    const result = await runLamd(['validate'], { cwd: join(root, 'municipalities/sfax/roadmaps') });
    expect(result.status).toBe(0);
  });

  it('checks files named from outside any workspace against the workspace that holds them', async () => {
    const root = copyFixture('valid');
    const roadmap = join(root, 'municipalities/sfax/roadmaps/inclusive-services.yaml');
    writeFileSync(roadmap, readFileSync(roadmap, 'utf8').replace('municipality: sfax', 'municipality: sfaxx'));
    const result = await runLamd(['validate', '--format', 'json', roadmap], { cwd: tempDir() });
    expect(result.status).toBe(1);
    // The reference is checked (it needs the workspace), and nothing says the workspace was missing.
    expect(result.stdout).toMatch(/"ruleId": "references\/municipality"/);
    expect(result.stderr).not.toMatch(/No lamd.yaml was found/);
    // Files of two workspaces have no one workspace: each is checked alone, and the note says so.
    const other = copyFixture('valid');
    const both = await runLamd(['validate', roadmap, join(other, 'municipalities/sfax/roadmaps/inclusive-services.yaml')], { cwd: tempDir() });
    expect(both.stderr).toMatch(/No lamd.yaml was found for these files/);
  });

  it('says how to start when there is no workspace', async () => {
    const result = await runLamd(['validate'], { cwd: tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^lamd: No lamd.yaml here or in any parent folder\. Run `lamd init`/);
    expectNoStackTrace(result);
  });

  it('refuses -C on a folder that is not a workspace, with exit 2', async () => {
    const dir = tempDir();
    expect((await runLamd(['validate', '-C', dir])).stderr).toMatch(/is not a lamd workspace: it has no lamd.yaml/);
    expect((await runLamd(['validate', '-C', join(dir, 'nope')])).status).toBe(2);
  });
});

describe('bad input: each a diagnostic on its own file, the other files still checked', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);

  const files: Record<string, string | Buffer> = {
    'lamd.yaml': WORKSPACE_YAML,
    'stakeholders.yaml': STAKEHOLDERS_YAML,
    'activities/syntax.yaml': 'kind: activity\ntitle: "unclosed\n',
    'activities/duplicate.yaml': 'kind: activity\nschema_version: 1\nid: a\nid: b\ntype: training\ntitle: T\n',
    'activities/bomb.yaml': `kind: activity\n${bomb.join('\n')}\n`,
    'activities/latin1.yaml': Buffer.concat([Buffer.from('kind: activity\ntitle: Tiran'), Buffer.from([0xeb]), Buffer.from('\n')]),
    'activities/binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    'activities/empty.yaml': '',
    'activities/two.yaml': 'kind: activity\n---\nkind: activity\n',
    'activities/unknown-kind.yaml': 'kind: roadmapp\n',
    'activities/proto.yaml': 'kind: activity\nschema_version: 1\nid: p\ntype: training\ntitle: T\n__proto__: { polluted: true }\n',
    'activities/huge.yaml': `kind: activity\nnote: "${'x'.repeat(12 * 1024 * 1024)}"\n`,
    'activities/list.yaml': '- kind: activity\n',
    'activities/2021-01-01-fine.yaml': 'kind: activity\nschema_version: 1\nid: fine\ntype: training\ntitle: Fine\nmunicipalities: [milano]\n',
  };

  it('reports every one of them, with its line where there is one, and exits 1', async () => {
    const root = writeWorkspace(files);
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.yaml'), 'kind: activity\n');
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'activities/link.yaml'));
    const result = await runLamd(['validate', '--format', 'json'], { cwd: root });
    expect(result.status).toBe(1);
    expectNoStackTrace(result);
    const report = JSON.parse(result.stdout) as { files: Array<{ file: string; diagnostics: Array<{ ruleId: string; range?: { start: { line: number } } }> }> };
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f.diagnostics.map((d) => `${d.ruleId}${d.range ? `@${d.range.start.line}` : ''}`)]));
    expect(byFile).toMatchObject({
      'activities/syntax.yaml': ['yaml/syntax@2'],
      'activities/duplicate.yaml': ['yaml/duplicate-key@4', 'training/participants@5'],
      'activities/bomb.yaml': ['yaml/alias-limit@1'],
      'activities/latin1.yaml': ['file/encoding@2'],
      'activities/binary.yaml': ['file/binary'],
      'activities/empty.yaml': ['file/empty'],
      'activities/two.yaml': ['file/multi-document@2'],
      'activities/unknown-kind.yaml': ['document/kind@1'],
      'activities/proto.yaml': ['training/participants@4', 'document/unsafe-key@6'],
      'activities/huge.yaml': ['file/too-large'],
      'activities/list.yaml': ['document/not-a-mapping@1'],
      'activities/link.yaml': ['file/outside-workspace'],
      // The good file next to all of them is still checked, references included.
      'activities/2021-01-01-fine.yaml': ['training/participants@4', 'references/municipality@6'],
      // Neither municipality has a profile yet, so neither has a recorded endorsement.
      'lamd.yaml': ['endorsement/municipality@7', 'endorsement/municipality@8'],
    });
  });

  it('reports every duplicate key and still checks the rest of the file, and of a file with __proto__', async () => {
    const root = writeWorkspace({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/practices/twice.yaml': 'kind: practice\nschema_version: 1\nid: twice\ntitle: One\ntitle: Two\nmunicipality: milan\nstrengths: [a]\nstrengths: [b]\ncluster: nope\n',
      'municipalities/milan/practices/proto.yaml': 'kind: practice\nschema_version: 1\nid: proto\ntitle: P\n__proto__: { polluted: true }\nmunicipality: rome\ncluster: nope\n',
    });
    const result = await runLamd(['validate', '--format', 'json', 'municipalities'], { cwd: root });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { files: Array<{ file: string; diagnostics: Array<{ ruleId: string; range?: { start: { line: number } } }> }> };
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f.diagnostics.map((d) => `${d.ruleId}@${d.range?.start.line}`)]));
    expect(byFile['municipalities/milan/practices/twice.yaml']).toEqual(['yaml/duplicate-key@5', 'yaml/duplicate-key@8', 'schema/enum@9']);
    const twice = report.files.find((f) => f.file === 'municipalities/milan/practices/twice.yaml')!.diagnostics as unknown as Array<{ message: string; range: { start: { column: number }; end: { column: number } } }>;
    expect(twice.slice(0, 2).map((d) => [d.message.slice(0, 30), d.range.start.column, d.range.end.column])).toEqual([
      ['The key `title` appears twice ', 1, 6],
      ['The key `strengths` appears tw', 1, 10],
    ]);
    expect(byFile['municipalities/milan/practices/proto.yaml']).toEqual(['document/unsafe-key@5', 'references/municipality@6', 'schema/enum@7']);
  });

  it('does not blame other files for the ids of a file it could not read', async () => {
    const root = copyFixture('valid');
    const practice = join(root, 'municipalities/sfax/practices/one-stop-shop.yaml');
    writeFileSync(practice, `${readFileSync(practice, 'utf8')}title: [\n`);
    const result = await runLamd(['validate', '--format', 'json', '--today', '2024-06-01'], { cwd: root });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { files: Array<{ file: string; diagnostics: Array<{ ruleId: string }> }> };
    expect(report.files.filter((f) => f.diagnostics.length).map((f) => [f.file, f.diagnostics.map((d) => d.ruleId)])).toEqual([
      ['municipalities/sfax/practices/one-stop-shop.yaml', ['yaml/syntax']],
    ]);
  });

  it('does not blame references to an activity whose file, named by month, it could not read', async () => {
    const root = tempDir();
    cpSync(join(REPO, 'examples/las-pilot'), root, { recursive: true });
    const activity = join(root, 'activities/2020-09-internal-consultation-milan.yaml');
    writeFileSync(activity, `${readFileSync(activity, 'utf8')}title: [\n`);
    const result = await runLamd(['validate', '--format', 'json', '--quiet'], { cwd: root });
    const report = JSON.parse(result.stdout) as { files: Array<{ file: string; diagnostics: Array<{ ruleId: string }> }> };
    expect(report.files.filter((f) => f.diagnostics.length).map((f) => [f.file, f.diagnostics.map((d) => d.ruleId)])).toEqual([
      ['activities/2020-09-internal-consultation-milan.yaml', ['yaml/syntax']],
    ]);
  });

  it('reports a named symbolic link that leads outside the workspace, and a glob that matches one', async () => {
    const root = copyFixture('valid');
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.yaml'), 'kind: practice\nsecret: do not print me\n');
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'municipalities/sfax/practices/link.yaml'));
    for (const named of ['municipalities/sfax/practices/link.yaml', 'municipalities/sfax/practices/l*.yaml']) {
      const result = await runLamd(['validate', named], { cwd: root });
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/leads outside the workspace.*file\/outside-workspace/);
      expect(result.stdout).not.toMatch(/do not print me/);
    }
  });

  it('reads a file once when a glob also reaches it through a linked folder, and survives a link loop', async () => {
    const root = copyFixture('valid');
    symlinkSync(join(root, 'municipalities/sfax'), join(root, 'sfax-link'));
    symlinkSync(root, join(root, 'municipalities/loop'));
    const outside = tempDir();
    writeFileSync(join(outside, 'far.yaml'), 'kind: practice\n');
    symlinkSync(outside, join(root, 'municipalities/far'));
    const result = await runLamd(['validate', '--format', 'json', '--today', '2024-06-01', '**/*.yaml'], { cwd: root });
    expect(result.stderr).not.toMatch(/ids\/unique/);
    const report = JSON.parse(result.stdout) as { files: Array<{ file: string; diagnostics: Array<{ ruleId: string }> }> };
    const withProblems = report.files.filter((f) => f.diagnostics.length).map((f) => [f.file, f.diagnostics.map((d) => d.ruleId)]);
    expect(withProblems).toEqual([['municipalities/far/far.yaml', ['file/outside-workspace']]]);
    expect(report.files.map((f) => f.file).filter((f) => f.startsWith('sfax-link') || f.includes('loop'))).toEqual([]);
  });

  it('refuses a file too large without reading it', async () => {
    const root = copyFixture('valid');
    const big = join(root, 'activities/huge.yaml');
    writeFileSync(big, '');
    truncateSync(big, 2 * 1024 * 1024 * 1024);
    const result = await runLamd(['validate', '--format', 'json', 'activities/huge.yaml'], { cwd: root });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).files[0].diagnostics[0]).toMatchObject({ ruleId: 'file/too-large', message: expect.stringMatching(/^The file is 2048\.0 MB/) });
  });

  it('reads standard input with -', async () => {
    const root = writeWorkspace({ 'lamd.yaml': WORKSPACE_YAML });
    const result = await runLamd(['validate', '-', '--format', 'json'], { cwd: root, input: 'kind: practice\nschema_version: 1\nid: x\ntitle: X\nmunicipality: rome\ncluster: culture-and-heritage\n' });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['<stdin>']);
    expect(report.files[0].diagnostics[0].ruleId).toBe('references/municipality');
  });

  it('checks standard input as the file --stdin-filename names: what a run over the workspace says of it', async () => {
    const root = copyFixture('valid');
    const file = 'municipalities/sfax/roadmaps/inclusive-services.yaml';
    const saved = readFileSync(join(root, file), 'utf8');
    const wholeRun = JSON.parse((await runLamd(['validate', '--format', 'json', '--today', '2024-06-01'], { cwd: root })).stdout) as { files: Array<{ file: string }> };
    const ofTheFile = wholeRun.files.find((f) => f.file === file);
    // Piped alone, the text repeats the id of its own file on disk; standing for that file, it does not.
    const alone = await runLamd(['validate', '-', '--format', 'json', '--today', '2024-06-01'], { cwd: root, input: saved });
    expect(JSON.parse(alone.stdout).files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('ids/unique');
    const standing = await runLamd(['validate', '-', '--stdin-filename', file, '--format', 'json', '--today', '2024-06-01'], { cwd: root, input: saved });
    expect(standing.status).toBe(0);
    expect(JSON.parse(standing.stdout).files).toEqual([ofTheFile]);
    // The editor's unsaved text is what is checked, not the file on disk, and its findings carry the file's name.
    // (From a subfolder, the path is the subfolder's, as every path lamd is given.)
    const edited = await runLamd(['validate', '-', '--stdin-filename', 'roadmaps/inclusive-services.yaml', '--format', 'json'], { cwd: join(root, 'municipalities/sfax'), input: saved.replace('municipality: sfax', 'municipality: sfaxx') });
    expect(edited.status).toBe(1);
    const report = JSON.parse(edited.stdout) as { files: Array<{ file: string; diagnostics: Array<{ ruleId: string }> }> };
    expect(report.files.map((f) => [f.file, f.diagnostics.map((d) => d.ruleId)])).toEqual([['roadmaps/inclusive-services.yaml', ['references/municipality']]]);
    expect(readFileSync(join(root, file), 'utf8')).toBe(saved);
    // A file not written yet that repeats an existing id has the finding, as it would once saved.
    const unsaved = await runLamd(['validate', '-', '--stdin-filename', 'municipalities/sfax/roadmaps/copy.yaml', '--format', 'json'], { cwd: root, input: saved });
    expect(JSON.parse(unsaved.stdout).files.map((f: { file: string; diagnostics: Array<{ ruleId: string }> }) => [f.file, f.diagnostics.map((d) => d.ruleId)])).toEqual([
      ['municipalities/sfax/roadmaps/copy.yaml', ['ids/unique', 'ids/file-name']],
    ]);
    // From outside the workspace (a hook at a repository's root above it), the file's workspace is found.
    const outside = await runLamd(['validate', '-', '--stdin-filename', join(root, file), '--format', 'json'], { cwd: tempDir(), input: saved.replace('municipality: sfax', 'municipality: sfaxx') });
    expect(outside.stderr).not.toMatch(/No lamd.yaml was found/);
    expect(JSON.parse(outside.stdout).files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['references/municipality']);
    // Without -, the flag names nothing to read.
    expect((await runLamd(['validate', '--stdin-filename', file], { cwd: root })).status).toBe(2);
  });

  it('waits for standard input from a pipe that is slow to write', () => {
    const root = writeWorkspace({ 'lamd.yaml': WORKSPACE_YAML, 'p.txt': 'kind: practice\nschema_version: 1\nid: x\ntitle: X\nmunicipality: rome\ncluster: culture-and-heritage\n' });
    const result = spawnSync('sh', ['-c', `(sleep 0.5; cat p.txt) | "${process.execPath}" "${BIN}" validate - --format json`], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
    expect(result.stderr).not.toMatch(/EAGAIN|bug in lamd/);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).files[0].diagnostics[0].ruleId).toBe('references/municipality');
  });

  it('checks named files, folders and globs, and only reports those', async () => {
    const root = copyFixture('valid');
    writeFileSync(join(root, 'municipalities/sfax/practices/broken.yaml'), 'kind: practice\n');
    const one = await runLamd(['validate', 'municipalities/sfax/roadmaps/inclusive-services.yaml'], { cwd: root });
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/1 file checked/);
    expect((await runLamd(['validate', 'municipalities/sfax/practices'], { cwd: root })).status).toBe(1);
    const glob = await runLamd(['validate', 'municipalities/*/roadmaps/*.yaml'], { cwd: root });
    expect(glob.status).toBe(0);
  });

  it('treats a named file or folder it may not read as a usage error', () => {
    const root = copyFixture('valid');
    chmodSync(root, 0o755);
    for (const dir of ['municipalities', 'municipalities/sfax', 'municipalities/sfax/practices']) chmodSync(join(root, dir), 0o755);
    chmodSync(join(root, 'municipalities/sfax/practices/one-stop-shop.yaml'), 0o000);
    chmodSync(join(root, 'municipalities/sfax/roadmaps'), 0o000);
    // Root reads anything, so the check runs as an ordinary user where the tests run as root.
    const asUser = asOrdinaryUser();
    const run = (path: string) => spawnSync(process.execPath, [BIN, 'validate', path], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' }, ...asUser });
    const file = run('municipalities/sfax/practices/one-stop-shop.yaml');
    expect(file.status).toBe(2);
    expect(file.stderr).toBe('lamd: municipalities/sfax/practices/one-stop-shop.yaml cannot be read: permission denied (your user may not read it; its owner can allow it with chmod a+r, or a+rx for a folder).\n');
    const folder = run('municipalities/sfax/roadmaps');
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe('lamd: municipalities/sfax/roadmaps cannot be read: permission denied (your user may not read it; its owner can allow it with chmod a+r, or a+rx for a folder).\n');
    chmodSync(join(root, 'municipalities/sfax/roadmaps'), 0o755); // so the temporary folder can be removed
  });

  it('treats a path or glob that matches nothing as a usage error, never a pass', async () => {
    const root = copyFixture('valid');
    const missing = await runLamd(['validate', 'municipalities/nowhere.yaml'], { cwd: root });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('lamd: municipalities/nowhere.yaml: no such file or folder.\n');
    const glob = await runLamd(['validate', 'municipalities/*/nothing/*.yaml'], { cwd: root });
    expect(glob.status).toBe(2);
    expect(glob.stderr).toBe('lamd: No file matches municipalities/*/nothing/*.yaml.\n');
    mkdirSync(join(root, 'empty'));
    expect((await runLamd(['validate', 'empty'], { cwd: root })).status).toBe(2);
  });
});

describe('flags and exit codes', () => {
  it('exits 2 with one clear line on a bad flag or format, never 1', () => {
    const root = copyFixture('valid');
    const flag = lamd(['validate', '--frmat', 'json'], { cwd: root });
    expect(flag.status).toBe(2);
    expect(flag.stderr.trim().split('\n')[0]).toMatch(/unknown option '--frmat'/);
    const format = lamd(['validate', '--format', 'xml'], { cwd: root });
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/Allowed choices are pretty, json, github, junit, sarif/);
    expect(lamd(['valdate'], { cwd: root }).status).toBe(2);
  });

  it('--strict fails on warnings; --quiet prints errors only', async () => {
    const root = writeWorkspace({
      'lamd.yaml': `${WORKSPACE_YAML}rules:\n  references/practice: warning\n`,
      'municipalities/milan/roadmaps/r.yaml': 'kind: roadmap\nschema_version: 1\nid: r\nmunicipality: milan\ntitle: R\nsdg: { goal: "10" }\nbuilds_on: [nowhere]\n',
    });
    const normal = await runLamd(['validate'], { cwd: root });
    expect(normal.status).toBe(0);
    expect(normal.stdout).toMatch(/warning/);
    expect((await runLamd(['validate', '--strict'], { cwd: root })).status).toBe(1);
    const quiet = await runLamd(['validate', '--quiet'], { cwd: root });
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toMatch(/nowhere/);
  });

  it('prints version and help quickly and with exit 0', () => {
    const version = lamd(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version);
    const help = lamd(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/validate/);
  });
});

describe('output formats', () => {
  const invalid = () =>
    writeWorkspace({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/r, 50%.yaml': 'kind: roadmap\nschema_version: 1\nid: r\nmunicipality: milan\ntitle: R\nsdg: { goal: 10 }\n',
    });

  it('json is one document recording the versions used', async () => {
    const result = await runLamd(['validate', '--format', 'json'], { cwd: invalid() });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.tool).toMatchObject({ name: 'lamd', schemaVersion: 1 });
    expect(report.tool.sdgCodeList).toMatch(/sdg-translations/);
    // The warnings are the method's: neither municipality has a profile, the road map is bare.
    expect(result.stderr).toMatch(/2 files checked: 1 error, [1-9]\d* warnings\./);
  });

  it('github prints workflow annotations and writes the step summary', async () => {
    const root = invalid();
    const summary = join(tempDir(), 'summary.md');
    writeFileSync(summary, '');
    const result = await runLamd(['validate', '--format', 'github'], { cwd: root, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    // Every line is an annotation but the last two: the verdict and the versions used.
    for (const line of lines.slice(0, -2)) expect(line).toMatch(GITHUB_ANNOTATION);
    expect(lines.slice(-2)).toEqual([expect.stringMatching(/^lamd \S+: ✖ 1 error(,| and) \d+ warnings( and \d+ infos?)? in 2 files checked$/), expect.stringMatching(/^lamd \S+ · document schema version 1 · SDG code list: /)]);
    const annotations = lines.filter((l) => l.startsWith('::error'));
    expect(annotations).toHaveLength(1);
    expect(result.stdout).toMatch(/^::warning file=lamd\.yaml,line=7,/m);
    expect(annotations[0]).toMatch(/^::error file=municipalities\/milan\/roadmaps\/r%2C 50%25\.yaml,line=6,.*::.+/);
    expect(readFileSync(summary, 'utf8')).toMatch(/\|/);
  });

  it('junit parses as XML', async () => {
    const result = await runLamd(['validate', '--format', 'junit'], { cwd: invalid() });
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    expect(JSON.stringify(new XMLParser({ ignoreAttributes: false }).parse(result.stdout))).toMatch(/schema\/type/);
  });

  it('sarif names the rules and their help', async () => {
    const result = await runLamd(['validate', '--format', 'sarif'], { cwd: invalid() });
    const log = sarif(result.stdout);
    expect(log.version).toBe('2.1.0');
    const results = log.runs[0].results as Array<{ ruleId: string; level: string; ruleIndex: number }>;
    const error = results.find((r) => r.level === 'error')!;
    expect(error.ruleId).toBe('schema/type');
    expect(log.runs[0].tool.driver.rules[error.ruleIndex].help.markdown).toMatch(/^# schema\/type\n/);
  });

  it('--output writes the report to a file and keeps the summary on stderr', async () => {
    const root = invalid();
    const result = await runLamd(['validate', '--format', 'sarif', '--output', 'lamd.sarif'], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(root, 'lamd.sarif'), 'utf8')).version).toBe('2.1.0');
  });
});

describe('writing output', () => {
  it('says in one line why a report file cannot be written, and exits 2', async () => {
    const root = copyFixture('valid');
    mkdirSync(join(root, 'taken.json'));
    for (const [target, why] of [
      ['missing/folder/out.json', 'its folder does not exist'],
      ['taken.json', 'a folder of that name is in the way'],
    ]) {
      const result = await runLamd(['validate', '--format', 'json', '-o', target!], { cwd: root });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`lamd: Cannot write ${target}: ${why}.\n`);
    }
    const schema = await runLamd(['schema', '--out', 'lamd.yaml/schemas'], { cwd: root });
    expect(schema.status).toBe(2);
    expect(schema.stderr).toMatch(/^lamd: Cannot write lamd\.yaml\/schemas: part of that path is a file, not a folder\.\n$/);
  });

  it('replaces a report it wrote before, and any other file only with --force', async () => {
    const root = copyFixture('valid');
    const workspaceFile = readFileSync(join(root, 'lamd.yaml'), 'utf8');
    // A slip in a CI script (-o lamd.yaml for -o lamd.json) must not cost the workspace its configuration.
    const refused = await runLamd(['validate', '--format', 'json', '-o', 'lamd.yaml'], { cwd: root });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('lamd: lamd.yaml exists and is not a report lamd wrote; lamd does not overwrite it. Choose another file, or pass --force to replace it.\n');
    expect(readFileSync(join(root, 'lamd.yaml'), 'utf8')).toBe(workspaceFile);
    // Every format's own report, in every language, is lamd's to replace: a CI job writes the same file each run.
    for (const format of ['json', 'sarif', 'junit', 'github', 'pretty']) {
      for (const lang of ['en', 'fr']) {
        const again = await runLamd(['validate', '--format', format, '--lang', lang, '-o', `report.${format}`], { cwd: root });
        expect(again.status, `${format} ${lang}: ${again.stderr}`).toBe(0);
      }
    }
    writeFileSync(join(root, 'notes.txt'), 'Minutes of the working group\n');
    expect((await runLamd(['validate', '-o', 'notes.txt'], { cwd: root })).status).toBe(2);
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('Minutes of the working group\n');
    const forced = await runLamd(['validate', '-o', 'notes.txt', '--force'], { cwd: root });
    expect(forced.status).toBe(0);
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toMatch(/^✔ 8 files checked/);
  });

  it('refuses an empty --output or --cache-location, naming the flag', async () => {
    const root = copyFixture('valid');
    expect(await runLamd(['validate', '-o', ''], { cwd: root })).toMatchObject({ status: 2, stderr: 'lamd: --output is empty; give a value.\n' });
    expect(await runLamd(['validate', '--cache-location', ''], { cwd: root })).toMatchObject({ status: 2, stderr: 'lamd: --cache-location is empty; give a value.\n' });
  });

  it('keeps the verdict of the documents when the GitHub step summary cannot be written', async () => {
    const result = await runLamd(['validate', '--format', 'github'], { cwd: copyFixture('valid'), env: { GITHUB_STEP_SUMMARY: '/nonexistent/summary.md' } });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/could not write the step summary to \/nonexistent\/summary\.md \(ENOENT\)/);
    expectNoStackTrace(result);
  });
});

describe('lamd schema', () => {
  it('prints one schema, and writes them all without clobbering', async () => {
    const printed = await runLamd(['schema', 'roadmap']);
    expect(printed.status).toBe(0);
    expect(JSON.parse(printed.stdout).$id).toBe('https://lamd.dev/schemas/1/roadmap.schema.json');
    expect((await runLamd(['schema', 'road'])).status).toBe(2);
    const out = tempDir();
    expect((await runLamd(['schema', '--out', out])).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'common.schema.json'), 'utf8')).$id).toMatch(/common/);
    writeFileSync(join(out, 'roadmap.schema.json'), '{"edited": true}');
    const refused = await runLamd(['schema', '--out', out]);
    expect(refused.status).toBe(2);
    expect(readFileSync(join(out, 'roadmap.schema.json'), 'utf8')).toBe('{"edited": true}');
    expect((await runLamd(['schema', '--out', out, '--force'])).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'roadmap.schema.json'), 'utf8')).$id).toMatch(/roadmap/);
  });
});
