// `npm run bench`: times whole processes — lamd, its peers and the floors — side by side on the
// same generated files, and writes the medians, peak memory, ratios and a verdict per goal of
// issue 17 to bench/RESULTS.md.
//
// Whole processes, not functions: a user waits for `lamd validate` from exec to exit, start-up
// and module loading included, and that is also what the peers' numbers mean.
//
// Environment:
//   BENCH_SIZES=2000,10000     which whole workspaces (road maps) to time
//   BENCH_ONLY=sizes,findings,warm,one,startup,reports   which sections to run (default: all)
//   BENCH_RUNS=9               repetitions per command (default 9; 3 for 10,000 and the reports; 10 for start-up)
//   BENCH_WARMUP=0             skip the untimed warm-up round (default: one round)
//   BENCH_PROFILE=1            also write a CPU profile of lamd on 2,000 road maps, summarised
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWorkspace, INVALID_KINDS, PLANTED_FINDINGS, TODAY } from './generate.mjs';
import { ensurePeers } from './peers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const OUT = join(here, '.cache', 'out'); // each command's stdout/stderr, kept for the sanity checks
// lamd's code cache (README, "Start-up") for the bench alone, emptied at its start: each command's first
// run (the warm-up round) makes it, the timed runs use it; not the user's, whatever it holds.
const XDG_CACHE = join(here, '.cache', 'xdg');
const LAMD = join(root, 'bin', 'lamd.js');
const SCHEMAS = join(root, 'schemas');
const log = (m) => process.stderr.write(m + '\n');

const sizes = (process.env.BENCH_SIZES ?? '2000,10000').split(',').map(Number).filter((n) => n > 0);
// Nine at 2,000: each goal there is a ratio of two times that swing by a fifth from run to run on a
// shared host (ajv-cli's from 1.10 to 1.51 s on the same files); with five, the findings row's verdict
// on one build moved between 0.88x and 1.09x from one full run to the next.
const runsFor = (n) => Number(process.env.BENCH_RUNS) || (n >= 10000 ? 3 : 9);
const STARTUP_RUNS = Number(process.env.BENCH_RUNS) || 10;
const REPORT_RUNS = Number(process.env.BENCH_RUNS) || 3;
const SECTIONS = ['sizes', 'findings', 'warm', 'one', 'startup', 'reports'];
const only = new Set((process.env.BENCH_ONLY ?? SECTIONS.join(',')).split(',').map((x) => x.trim()).filter(Boolean));
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`bench: BENCH_ONLY names an unknown section ${name}; the sections are ${SECTIONS.join(', ')}`);
/** The size of the findings, warm and one-road-map workspaces (the goals name 2,000). */
const GOAL_SIZE = 2000;
/** Municipalities of the two report workspaces (two road maps each). */
const REPORT_MUNICIPALITIES = [100, 200];
const warmup = process.env.BENCH_WARMUP !== '0';

// ---------------------------------------------------------------------------------------------
// Measuring one process. Wall time comes from the parent's monotonic clock around spawnSync
// (sub-millisecond, where GNU time's %e only has 10 ms steps — too coarse for `node -e 0`).
// Peak memory (max RSS of the child) comes from GNU time's %M: Node cannot read a child's rusage,
// and polling /proc would miss short peaks. GNU time adds ~1 ms of exec to every command alike.

const TIME = '/usr/bin/time';

function ensureGnuTime() {
  if (existsSync(TIME)) return true;
  // Debian/Ubuntu images often lack it; the brief allows installing the system `time` package
  // (not a project dependency). Only when we are root and apt-get exists; otherwise RSS is n/a.
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    log('bench: /usr/bin/time is missing; installing Debian package `time` (peak memory needs it)');
    spawnSync('apt-get', ['install', '-y', '-qq', 'time'], { stdio: 'inherit' });
    if (existsSync(TIME)) return true;
  }
  log('bench: /usr/bin/time (GNU time) is not available; peak memory will be reported as n/a');
  return false;
}

let haveTime = false;

/** Runs a command once; returns { seconds, rssMB, status, out, err } (out/err are file paths). */
function measure(label, cmd, args, { cwd = root, env: extraEnv = {} } = {}) {
  mkdirSync(OUT, { recursive: true });
  const safe = label.replace(/[^a-z0-9]+/gi, '_');
  const out = join(OUT, `${safe}.out`);
  const err = join(OUT, `${safe}.err`);
  const rssFile = join(OUT, `${safe}.rss`);
  // stdout/stderr go straight to files: no pipe back-pressure on the child, no buffering in the
  // parent, and the last run's output stays for the sanity checks.
  const fdOut = openSync(out, 'w');
  const fdErr = openSync(err, 'w');
  const [file, argv] = haveTime ? [TIME, ['-f', '%M', '-o', rssFile, '--', cmd, ...args]] : [cmd, args];
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', XDG_CACHE_HOME: XDG_CACHE, ...extraEnv };
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, argv, { cwd, stdio: ['ignore', fdOut, fdErr], env });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  closeSync(fdOut);
  closeSync(fdErr);
  if (r.error) throw new Error(`bench: could not run ${cmd}: ${r.error.message}`);
  let rssMB = NaN;
  if (haveTime) {
    // GNU time writes "Command exited with non-zero status N" before the numbers on failure.
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    rssMB = Number(lines.at(-1)) / 1024;
  }
  return { seconds, rssMB, status: r.status, out, err };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Times a group of commands side by side: every round runs each command once, in an order that
 * rotates from round to round, so drift (thermal, other load, page cache) hits all of them alike.
 */
/** lamd's racy window (src/check/cache.ts) with a margin: files changed more recently are read again. */
const RACY_WINDOW_MS = 2500;

function sleepMs(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function timeGroup(title, commands, runs, { warm = warmup } = {}) {
  // `before` prepares a command's run, untimed (the warm-cache row changes a file first).
  const run = (c, round) => {
    c.before?.(round);
    return measure(c.label, c.cmd, c.args, c);
  };
  if (warm) for (const c of commands) run(c, -1);
  const samples = new Map(commands.map((c) => [c.label, []]));
  for (let round = 0; round < runs; round++) {
    const order = commands.map((_, i) => commands[(i + round) % commands.length]);
    for (const c of order) samples.get(c.label).push(run(c, round));
    log(`bench: ${title}: round ${round + 1}/${runs} done`);
  }
  return commands.map((c) => {
    const s = samples.get(c.label);
    const last = s.at(-1);
    return {
      ...c,
      runs: s.length,
      median: median(s.map((x) => x.seconds)),
      min: Math.min(...s.map((x) => x.seconds)),
      max: Math.max(...s.map((x) => x.seconds)),
      rssMB: Math.max(...s.map((x) => x.rssMB)),
      statuses: [...new Set(s.map((x) => x.status))],
      out: last.out,
      err: last.err,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The commands.

const node = process.execPath;
const lamdValidate = (ws, paths = []) => ({
  cmd: node,
  // --today pins the date rules' "today" to the generator's, so the run is the same next year.
  args: [LAMD, 'validate', '--format', 'json', '--today', TODAY, '-C', ws.dir, ...paths],
});

function ajvCommand(peers, files) {
  // ajv-cli 5: draft 2020-12 needs --spec=draft2020; the common schema is referenced by $ref so it
  // is passed with -r; --all-errors so it reports every error, as lamd does. The schemas use no
  // `format`, so ajv-formats is not needed; -c editor-keywords.cjs declares the editors' annotation
  // keywords (patternErrorMessage, markdownEnumDescriptions), which strict mode would otherwise refuse.
  // --allow-union-types silences a strict-mode
  // warning about `type: [number, string]` without changing what is checked. ajv-cli reads YAML
  // with js-yaml 3 (YAML 1.1), which is why the generator quotes dates.
  return {
    cmd: peers.ajv.bin,
    args: ['validate', '-s', join(SCHEMAS, 'roadmap.schema.json'), '-r', join(SCHEMAS, 'common.schema.json'), '-d', files, '--spec=draft2020', '--all-errors', '--allow-union-types', '-c', join(here, 'editor-keywords.cjs')],
  };
}

function sourcemetaCommand(peers, paths) {
  // `jsonschema validate <schema> <instance|directory...>`: -r resolves the common schema's $id
  // from the schemas folder; --continue keeps going after the first invalid file, as the other
  // tools do (without it, it stops there). Default (exhaustive) mode, as a user runs it.
  return { cmd: peers.sourcemeta.bin, args: ['validate', '-r', SCHEMAS, join(SCHEMAS, 'roadmap.schema.json'), '--continue', ...paths] };
}

function roadmapDirs(ws) {
  const base = join(ws.dir, 'municipalities');
  return readdirSync(base)
    .filter((m) => existsSync(join(base, m, 'roadmaps')))
    .sort()
    .map((m) => join('municipalities', m, 'roadmaps'));
}

// ---------------------------------------------------------------------------------------------
// Sanity: the benchmark must time runs that really found the planted errors.

function lamdFindings(result) {
  let report;
  try {
    report = JSON.parse(readFileSync(result.out, 'utf8'));
  } catch (e) {
    return { ok: false, note: `lamd's JSON output could not be read (${e.message}); stderr: ${readFileSync(result.err, 'utf8').slice(0, 300)}` };
  }
  // Accept the documented shape loosely: diagnostics at the top or per file.
  const diagnostics = Array.isArray(report.diagnostics)
    ? report.diagnostics
    : Array.isArray(report.files)
      ? report.files.flatMap((f) => (f.diagnostics ?? []).map((d) => ({ file: f.file ?? f.path, ...d })))
      : [];
  return { ok: true, report, diagnostics };
}

function sanity(ws, lamdResult, ajvResult, smResult) {
  const planted = new Map(ws.invalid.map((i) => [i.file, i.kind]));
  const found = lamdFindings(lamdResult);
  const lines = [];
  if (!found.ok) {
    lines.push(`- lamd: ${found.note}`);
    return { lines, passed: false };
  }
  const errorFiles = new Map();
  let strayWarnings = 0; // findings of any severity in files generated valid: the generator's bug or lamd's
  for (const d of found.diagnostics) {
    // lamd names files relative to its working directory; compare them relative to the workspace.
    const rel = relative(ws.dir, resolve(lamdResult.cwd ?? root, String(d.file ?? ''))).replace(/\\/g, '/');
    if (d.severity !== 'error') {
      if (!planted.has(rel)) strayWarnings++;
      continue;
    }
    errorFiles.set(rel, (errorFiles.get(rel) ?? 0) + 1);
  }
  const missed = [...planted.keys()].filter((f) => !errorFiles.has(f));
  const unexpected = [...errorFiles.keys()].filter((f) => !planted.has(f));
  const warnings = found.diagnostics.filter((d) => d.severity === 'warning').length;
  const errors = found.diagnostics.filter((d) => d.severity === 'error').length;
  const passed = missed.length === 0 && unexpected.length === 0 && lamdResult.statuses.every((s) => s === (planted.size ? 1 : 0));
  lines.push(
    `- lamd: ${errors} errors in ${errorFiles.size} files, ${warnings} warnings; planted ${planted.size} invalid road maps; ` +
      `missed ${missed.length}${missed.length ? ` (${missed.slice(0, 3).map((f) => `${f}: ${planted.get(f)}`).join(', ')}…)` : ''}, ` +
      `errors in files not planted: ${unexpected.length}${unexpected.length ? ` (${unexpected.slice(0, 3).join(', ')}…)` : ''}, ` +
      `warnings in files not planted: ${strayWarnings}; exit code ${lamdResult.statuses.join('/')} ` +
      `(expected ${planted.size ? 1 : 0}) → ${passed ? 'OK' : 'CHECK'}`,
  );
  const byKind = INVALID_KINDS.map((k) => {
    const files = ws.invalid.filter((i) => i.kind === k).map((i) => i.file);
    return `${k} ${files.filter((f) => errorFiles.has(f)).length}/${files.length}`;
  });
  lines.push(`  - lamd found, by planted kind: ${byKind.join(', ')}`);
  if (ajvResult) {
    const text = readFileSync(ajvResult.out, 'utf8') + readFileSync(ajvResult.err, 'utf8');
    const invalid = text.split('\n').filter((l) => / invalid$/.test(l)).length;
    const valid = text.split('\n').filter((l) => / valid$/.test(l)).length;
    lines.push(`- ajv-cli: ${valid} valid, ${invalid} invalid (it cannot see a non-existent SDG target or an end before its start), exit code ${ajvResult.statuses.join('/')}`);
  }
  if (smResult) {
    const text = readFileSync(smResult.out, 'utf8') + readFileSync(smResult.err, 'utf8');
    const summary = text.match(/(\d+) validated, (\d+) passed, (\d+) failed/);
    lines.push(`- @sourcemeta/jsonschema: ${summary ? summary[0] : 'no summary line found'}, exit code ${smResult.statuses.join('/')}`);
  }
  return { lines, passed };
}

// ---------------------------------------------------------------------------------------------
// Formatting.

const fmtS = (s) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);
const fmtMB = (mb) => (Number.isFinite(mb) ? `${mb.toFixed(0)} MB` : 'n/a');
const fmtX = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

function table(rows, baseline, peerBest) {
  const head = ['command', 'median', 'min–max', 'peak RSS', '× faster peer', '× node -e 0', 'exit'];
  const body = rows.map((r) => [
    r.label,
    fmtS(r.median),
    `${fmtS(r.min)}–${fmtS(r.max)}`,
    fmtMB(r.rssMB),
    peerBest ? fmtX(r.median / peerBest) : '–',
    baseline ? fmtX(r.median / baseline) : '–',
    r.statuses.join('/'),
  ]);
  const md = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...body.map((b) => `| ${b.join(' | ')} |`)].join('\n');
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const text = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
  return { md, text };
}

// ---------------------------------------------------------------------------------------------

function lamdRuns() {
  const r = spawnSync(node, [LAMD, 'validate', '--help'], { encoding: 'utf8' });
  return r.status === 0;
}

/** Whether this build of lamd has `validate --cache` (issue 17's content-hash cache, built separately). */
function lamdHasCache() {
  const r = spawnSync(node, [LAMD, 'validate', '--help'], { encoding: 'utf8' });
  return r.status === 0 && /--cache\b/.test(r.stdout);
}

/** Sanity of the findings workspace: every road map has exactly the planted warnings, and nothing is an error. */
function findingsSanity(ws, lamdResult) {
  const found = lamdFindings(lamdResult);
  if (!found.ok) return { lines: [`- lamd: ${found.note}`], passed: false };
  const planted = [...PLANTED_FINDINGS].sort().join(',');
  const byFile = new Map(ws.roadmapFiles.map((f) => [f, []]));
  let errors = 0;
  let elsewhere = 0;
  for (const d of found.diagnostics) {
    if (d.severity === 'error') errors++;
    const rel = relative(ws.dir, resolve(lamdResult.cwd ?? root, String(d.file ?? ''))).replace(/\\/g, '/');
    if (byFile.has(rel)) byFile.get(rel).push(d.ruleId);
    else elsewhere++;
  }
  const wrong = [...byFile].filter(([, ids]) => ids.sort().join(',') !== planted);
  const located = found.diagnostics.filter((d) => d.range?.start?.line > 0).length;
  const passed = errors === 0 && wrong.length === 0 && lamdResult.statuses.every((x) => x === 0);
  return {
    passed,
    lines: [
      `- lamd: ${found.diagnostics.length} findings (${located} with a position), ${errors} errors; road maps without exactly the ${PLANTED_FINDINGS.length} planted warnings: ${wrong.length}${wrong.length ? ` (${wrong[0][0]}: ${wrong[0][1].join(', ') || 'none'})` : ''}; findings in other documents: ${elsewhere}; exit code ${lamdResult.statuses.join('/')} (expected 0) → ${passed ? 'OK' : 'CHECK'}`,
    ],
  };
}

async function main() {
  const started = Date.now();
  if (!lamdRuns()) {
    log('bench: `node bin/lamd.js validate --help` fails; build lamd first (npm run build).');
    process.exit(2);
  }
  // Other work on the machine skews every number (a 2-core CI box running a type check doubles
  // `node -e 0`); the load average goes into RESULTS.md so a reader can tell a noisy run.
  const loadAtStart = loadavg()[0];
  rmSync(XDG_CACHE, { recursive: true, force: true });
  if (loadAtStart > 0.5 * availableParallelism()) log(`bench: warning: load average ${loadAtStart.toFixed(2)} on ${availableParallelism()} CPUs; timings will be noisy (ratios suffer less, being interleaved)`);
  haveTime = ensureGnuTime();
  const peers = ensurePeers({ log });
  const workspaces = new Map(only.has('sizes') ? sizes.map((n) => [n, ensureWorkspace(n, { log })]) : []);
  const lamdVersion = spawnSync(node, [LAMD, '--version'], { encoding: 'utf8' }).stdout.trim();

  const sections = [];
  const results = {};
  const print = (s) => process.stdout.write(s + '\n');
  const glob = 'municipalities/*/roadmaps/*.yaml';
  const peerCommands = (ws, what) => [
    { label: `ajv-cli ${peers.ajv.version} (${what})`, ...ajvCommand(peers, glob), cwd: ws.dir, kind: 'ajv' },
    { label: `@sourcemeta/jsonschema ${peers.sourcemeta.version} (${what})`, ...sourcemetaCommand(peers, roadmapDirs(ws)), cwd: ws.dir, kind: 'sourcemeta' },
  ];
  const byKind = (rows) => Object.fromEntries(rows.map((r) => [r.kind, r]));

  // 1. Whole workspaces.
  for (const [n, ws] of workspaces) {
    const commands = [
      { label: `lamd validate (whole workspace)`, ...lamdValidate(ws), kind: 'lamd' },
      // Two threads forced: on two cores lamd keeps to one (src/check/parallel.ts, PARALLEL_CORES); this row shows why.
      { label: `lamd validate --jobs 2 (whole workspace, two threads)`, cmd: node, args: [...lamdValidate(ws).args, '--jobs', '2'], kind: 'lamd-jobs2' },
      ...peerCommands(ws, 'road maps'),
      { label: 'floor: read every file', cmd: node, args: [join(here, 'floor-read.mjs'), ws.dir], kind: 'floor-read' },
      { label: 'floor: read + js-yaml parse', cmd: node, args: [join(here, 'floor-parse.mjs'), ws.dir], kind: 'floor-parse' },
      { label: 'node -e 0', cmd: node, args: ['-e', '0'], kind: 'node' },
    ];
    const runs = runsFor(n);
    const rows = timeGroup(`${n} road maps`, commands, runs);
    const by = byKind(rows);
    const peerBest = Math.min(by.ajv.median, by.sourcemeta.median);
    results[n] = by;
    const { md, text } = table(rows, by.node.median, peerBest);
    const check = sanity(ws, by.lamd, by.ajv, by.sourcemeta);
    results[n].sanity = check;
    const kb = (ws.roadmapBytes / ws.roadmaps / 1024).toFixed(1);
    const heading = `${n} road map${n === 1 ? '' : 's'} (${kb} KB on average, ${ws.invalid.length} invalid; lamd checks all ${ws.roadmaps + ws.otherFiles} documents of the workspace, the peers the ${ws.roadmaps} road maps) — median of ${runs}`;
    print(`\n${heading}\n${text}\n${check.lines.join('\n')}`);
    sections.push(`### ${heading}\n\n${md}\n\nSanity:\n\n${check.lines.join('\n')}\n`);
  }

  // 2. Findings in every file: 2,000 road maps with four warnings each, so lamd locates in every file.
  const findingsWs = only.has('findings') || only.has('warm') ? ensureWorkspace(GOAL_SIZE, { log, variant: 'findings' }) : undefined;
  if (only.has('findings')) {
    const ws = findingsWs;
    const commands = [{ label: `lamd validate (whole workspace, 4 warnings per road map)`, ...lamdValidate(ws), kind: 'lamd' }, ...peerCommands(ws, 'the same road maps'), { label: 'node -e 0', cmd: node, args: ['-e', '0'], kind: 'node' }];
    const runs = runsFor(GOAL_SIZE);
    const rows = timeGroup(`${GOAL_SIZE} road maps with findings`, commands, runs);
    const by = byKind(rows);
    const peerBest = Math.min(by.ajv.median, by.sourcemeta.median);
    results.findings = { ...by, sanity: findingsSanity(ws, by.lamd) };
    const { md, text } = table(rows, by.node.median, peerBest);
    const heading = `${GOAL_SIZE} road maps with ${PLANTED_FINDINGS.length} warnings each (${PLANTED_FINDINGS.join(', ')}), none invalid — median of ${runs}`;
    print(`\n${heading}\n${text}\n${results.findings.sanity.lines.join('\n')}`);
    sections.push(`### ${heading}\n\n${md}\n\nSanity:\n\n${results.findings.sanity.lines.join('\n')}\n`);
  }

  // 3. The same, warm: `--cache` after one road map changed, against the peers' cold runs on a copy.
  if (only.has('warm')) {
    const heading = `${GOAL_SIZE} road maps with findings, warm \`--cache\`, one road map changed before each run`;
    if (!lamdHasCache()) {
      results.warm = { unavailable: true };
      print(`\n${heading}\nnot available: this lamd's \`validate --help\` lists no --cache`);
      sections.push(`### ${heading}\n\nnot available: this build of lamd has no \`validate --cache\` (\`lamd validate --help\` does not list it).\n`);
    } else {
      // A copy, so the cold rows above keep their files and the cache lives only here.
      const dir = join(here, '.cache', `warm-${GOAL_SIZE}-findings`);
      rmSync(dir, { recursive: true, force: true });
      cpSync(findingsWs.dir, dir, { recursive: true });
      const ws = { ...findingsWs, dir };
      const changed = join(dir, ws.roadmapFiles[Math.floor(ws.roadmapFiles.length / 2)]);
      const original = readFileSync(changed, 'utf8');
      // Each run sees a different text in one road map: a comment that changes its content hash.
      const change = (round) => writeFileSync(changed, `${original}# bench edit ${round + 2}\n`);
      const warm = { label: 'lamd validate --cache (warm, one road map changed)', ...lamdValidate(ws, ['--cache']), kind: 'lamd', before: change };
      const commands = [warm, ...peerCommands(ws, 'cold, the same road maps'), { label: 'node -e 0', cmd: node, args: ['-e', '0'], kind: 'node' }];
      // Steady state, as a user's runs between edits: the copy's files are first left for longer than
      // lamd's racy window (a file changed within two seconds of a run is read again by the next), so
      // the run that fills the cache records them all; then one untimed warm run, with a file changed,
      // makes the code cache of `validate --cache`'s warm runs (README, "Start-up").
      sleepMs(RACY_WINDOW_MS);
      measure(warm.label, warm.cmd, warm.args, warm);
      sleepMs(RACY_WINDOW_MS);
      change(-1);
      measure(warm.label, warm.cmd, warm.args, warm);
      const runs = runsFor(GOAL_SIZE);
      const rows = timeGroup(`warm cache`, commands, runs, { warm: false });
      const by = byKind(rows);
      // The last warm run's output, against a cold run on the same files: they must be the same bytes.
      const warmOut = readFileSync(by.lamd.out);
      const cold = measure('lamd validate cold (same files)', node, lamdValidate(ws).args);
      const identical = Buffer.compare(warmOut, readFileSync(cold.out)) === 0;
      const peerBest = Math.min(by.ajv.median, by.sourcemeta.median);
      results.warm = { ...by, identical };
      const { md, text } = table(rows, by.node.median, peerBest);
      const check = `- the last warm run's JSON output and a cold run's on the same files are ${identical ? 'identical → OK' : 'DIFFERENT → CHECK'}`;
      print(`\n${heading} — median of ${runs}\n${text}\n${check}`);
      sections.push(`### ${heading} — median of ${runs}\n\n${md}\n\nSanity:\n\n${check}\n`);
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // 4. One road map named inside a 2,000-file workspace (an editor's or a pre-commit hook's check).
  if (only.has('one')) {
    const ws = ensureWorkspace(GOAL_SIZE, { log });
    const file = ws.roadmapFiles.find((f) => !ws.invalid.some((i) => i.file === f));
    const commands = [
      { label: `lamd validate <one road map>`, cmd: node, args: [LAMD, 'validate', '--format', 'json', '--today', TODAY, file], cwd: ws.dir, kind: 'lamd' },
      // What a run costs with no code cache to start from (a fresh CI runner, the first run after an install).
      { label: `lamd validate <one road map>, no code cache (a first run)`, cmd: node, args: [LAMD, 'validate', '--format', 'json', '--today', TODAY, file], cwd: ws.dir, kind: 'lamd-first', env: { NODE_DISABLE_COMPILE_CACHE: '1' } },
      { label: `ajv-cli ${peers.ajv.version} <one road map>`, ...ajvCommand(peers, file), cwd: ws.dir, kind: 'ajv' },
      { label: `@sourcemeta/jsonschema ${peers.sourcemeta.version} <one road map>`, ...sourcemetaCommand(peers, [file]), cwd: ws.dir, kind: 'sourcemeta' },
      { label: 'node -e 0', cmd: node, args: ['-e', '0'], kind: 'node' },
    ];
    const rows = timeGroup('one road map', commands, STARTUP_RUNS);
    const by = byKind(rows);
    results.one = by;
    const { md, text } = table(rows, by.node.median, Math.min(by.ajv.median, by.sourcemeta.median));
    const heading = `One road map named in the ${GOAL_SIZE}-road-map workspace (${file}; its references resolved against the workspace) — median of ${STARTUP_RUNS}`;
    print(`\n${heading}\n${text}`);
    sections.push(`### ${heading}\n\n${md}\n`);
  }

  // 5. Start-up: --version and --help against a bare Node start.
  if (only.has('startup')) {
    const commands = [
      { label: 'lamd --version', cmd: node, args: [LAMD, '--version'], kind: 'version' },
      { label: 'lamd --help', cmd: node, args: [LAMD, '--help'], kind: 'help' },
      { label: 'node -e 0', cmd: node, args: ['-e', '0'], kind: 'node' },
    ];
    const rows = timeGroup('start-up', commands, STARTUP_RUNS);
    const by = byKind(rows);
    results.startup = by;
    const { md, text } = table(rows, by.node.median);
    const heading = `Start-up — median of ${STARTUP_RUNS}`;
    print(`\n${heading}\n${text}`);
    sections.push(`### ${heading}\n\n${md}\n`);
  }

  // 6. Reports: every phase as HTML for networks of 100 and 200 municipalities.
  if (only.has('reports')) {
    const out = join(here, '.cache', 'reports');
    const commands = REPORT_MUNICIPALITIES.map((m) => {
      const ws = ensureWorkspace(2 * m, { log, variant: 'network' });
      return { label: `lamd report all --format html (${m} municipalities)`, cmd: node, args: [LAMD, 'report', 'all', '--format', 'html', '--today', TODAY, '-o', join(out, String(m))], cwd: ws.dir, kind: `m${m}` };
    });
    const rows = timeGroup('reports', commands, REPORT_RUNS, { warm: false });
    const by = byKind(rows);
    results.reports = by;
    const bytes = (m) => readdirSync(join(out, String(m))).reduce((sum, f) => sum + readFileSync(join(out, String(m), f)).length, 0);
    const sizesNote = REPORT_MUNICIPALITIES.map((m) => `${m} municipalities: ${(bytes(m) / 2 ** 20).toFixed(1)} MB of HTML`).join('; ');
    const { md, text } = table(rows);
    const heading = `Reports: \`report all --format html\`, two road maps per municipality — median of ${REPORT_RUNS}`;
    print(`\n${heading}\n${text}\n${sizesNote}`);
    sections.push(`### ${heading}\n\n${md}\n\n${sizesNote}\n`);
    rmSync(out, { recursive: true, force: true });
  }

  // 7. Verdicts, per goal of issue 17 (and issue 2's that still say something).
  const verdicts = [];
  const v = (ok, target, detail) => verdicts.push({ ok, target, detail });
  const na = (target, why) => verdicts.push({ ok: undefined, target, detail: why });
  if (results[GOAL_SIZE]) {
    const r = results[GOAL_SIZE];
    const best = Math.min(r.ajv.median, r.sourcemeta.median);
    v(r.lamd.median <= best, `${GOAL_SIZE.toLocaleString('en')} valid road maps, cold: ≤ 1.0× the faster of ajv-cli and @sourcemeta/jsonschema`,
      `lamd ${fmtS(r.lamd.median)} vs faster peer ${fmtS(best)} (${fmtX(r.lamd.median / best)}); floors: read ${fmtS(r['floor-read'].median)}, parse ${fmtS(r['floor-parse'].median)}`);
  }
  if (results.findings) {
    const r = results.findings;
    const best = Math.min(r.ajv.median, r.sourcemeta.median);
    v(r.lamd.median <= best && r.sanity.passed, `${GOAL_SIZE.toLocaleString('en')} road maps with 4 findings each, cold: ≤ 1.0× the same peer on the same files`,
      `lamd ${fmtS(r.lamd.median)} vs faster peer ${fmtS(best)} (${fmtX(r.lamd.median / best)})${r.sanity.passed ? '' : '; sanity check failed'}`);
  }
  if (results.warm?.unavailable) na('The same, warm (`--cache`), one file changed: ≥ 5× faster than that peer\'s cold run, identical output', 'not available: this lamd has no `validate --cache`');
  else if (results.warm) {
    const r = results.warm;
    const best = Math.min(r.ajv.median, r.sourcemeta.median);
    v(best >= 5 * r.lamd.median && r.identical, 'The same, warm (`--cache`), one file changed: ≥ 5× faster than that peer\'s cold run, identical output',
      `lamd ${fmtS(r.lamd.median)} vs faster peer cold ${fmtS(best)}: ${(best / r.lamd.median).toFixed(1)}× faster; output ${r.identical ? 'identical to a cold run' : '**differs from a cold run**'}`);
  }
  if (results.one) {
    const r = results.one;
    v(r.lamd.median <= 3 * r.node.median, `One road map named in a ${GOAL_SIZE.toLocaleString('en')}-file workspace: ≤ 3× \`node -e 0\``, `${fmtS(r.lamd.median)} = ${fmtX(r.lamd.median / r.node.median)} node -e 0 (${fmtS(r.node.median)})`);
    v(r.lamd.median < r.ajv.median, 'One road map: faster than ajv-cli on it (issue 2)', `lamd ${fmtS(r.lamd.median)} vs ajv-cli ${fmtS(r.ajv.median)}`);
  }
  if (results.startup) {
    const r = results.startup;
    v(r.version.median <= 1.2 * r.node.median, '`lamd --version`: ≤ 1.2× `node -e 0`', `${fmtS(r.version.median)} = ${fmtX(r.version.median / r.node.median)}`);
    v(r.help.median <= 1.5 * r.node.median, '`lamd --help`: ≤ 1.5× `node -e 0` (issue 2)', `${fmtS(r.help.median)} = ${fmtX(r.help.median / r.node.median)}`);
  }
  if (results[10000] && results[GOAL_SIZE]) {
    const r = results[10000];
    const growth = r.lamd.median / results[GOAL_SIZE].lamd.median;
    v(growth <= 5.5, '10,000 road maps: ≤ 5.5× the 2,000 run', `${fmtS(r.lamd.median)} = ${fmtX(growth)} the 2,000 run`);
    v(r.lamd.rssMB < 400, '10,000 road maps: under 400 MB', `peak RSS ${fmtMB(r.lamd.rssMB)}`);
  }
  if (results.reports) {
    const [small, large] = REPORT_MUNICIPALITIES.map((m) => results.reports[`m${m}`]);
    const growth = large.median / small.median;
    v(growth <= 2.3, '`lamd report all --format html`, 200 municipalities: ≤ 2.3× the 100-municipality run', `${fmtS(large.median)} = ${fmtX(growth)} the 100 run (${fmtS(small.median)})`);
    v(large.median <= 10, '`lamd report all --format html`, 200 municipalities: ≤ 10 s here', `${fmtS(large.median)}`);
    v(large.rssMB <= 500, '`lamd report all --format html`, 200 municipalities: ≤ 500 MB', `peak RSS ${fmtMB(large.rssMB)} (100 municipalities: ${fmtMB(small.rssMB)})`);
  }
  const sanityOk = Object.values(results).every((r) => !r.sanity || r.sanity.passed);
  const word = (x) => (x.ok === undefined ? 'n/a' : x.ok ? 'met' : '**missed**');
  const verdictMd = ['| goal | verdict | measured |', '|---|---|---|', ...verdicts.map((x) => `| ${x.target} | ${word(x)} | ${x.detail} |`)].join('\n');
  print(`\nGoals (issue 17)\n${verdicts.map((x) => `  ${x.ok === undefined ? 'n/a   ' : x.ok ? 'met   ' : 'MISSED'}  ${x.target}: ${x.detail}`).join('\n')}`);
  if (!sanityOk) print('\nWARNING: a sanity check failed: lamd did not report exactly the planted errors or warnings (see above).');

  // 8. Optional profile of the 2,000 case, for whoever optimises.
  let profileMd = '';
  if (process.env.BENCH_PROFILE === '1' && workspaces.has(2000)) {
    const { summarize } = await import('./profile.mjs');
    const summary = summarize(workspaces.get(2000).dir, lamdValidate(workspaces.get(2000)).args);
    print(`\n${summary}`);
    profileMd = `\n## Where lamd's time goes (2,000 road maps, \`node --cpu-prof\`)\n\n\`\`\`\n${summary}\n\`\`\`\n`;
  }

  // 9. RESULTS.md.
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${availableParallelism()} CPUs (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${platform()} ${release()}, Node ${process.version}`;
  const partial = only.size < SECTIONS.length || process.env.BENCH_SIZES !== undefined || process.env.BENCH_RUNS !== undefined;
  const md = `# lamd benchmark results

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString()}; see bench/README.md for what
is measured, how to read it and the commands to reproduce it.

- Machine: ${machine}
- lamd ${lamdVersion}; peers: ajv-cli ${peers.ajv.version}, @sourcemeta/jsonschema ${peers.sourcemeta.version}
- Medians of whole-process wall times, commands interleaved round by round${warmup ? ' after one untimed warm-up round (none for the reports)' : ''};
  peak RSS is the largest of the runs (GNU time \`%M\`)${haveTime ? '' : ' — n/a here: GNU time was not available'}.
- lamd runs \`validate --format json --today ${TODAY} -C <workspace>\`; the peers validate the workspace's road maps with
  \`schemas/roadmap.schema.json\`.
- lamd keeps the code each command compiled (README, "Start-up") in \`bench/.cache/xdg/\`, emptied at the start: the
  warm-up round makes it, the timed runs use it, as a user's second run does. The one-road-map section also times a
  first run, without it.
- Load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${loadavg()[0].toFixed(2)} on ${availableParallelism()} CPUs${loadAtStart > 0.5 * availableParallelism() ? ' — other work was running: treat the seconds with care, the interleaved ratios less so' : ''}.
- ${partial ? `A partial run (BENCH_ONLY=${[...only].join(',')}${process.env.BENCH_SIZES !== undefined ? `, BENCH_SIZES=${process.env.BENCH_SIZES}` : ''}${process.env.BENCH_RUNS !== undefined ? `, BENCH_RUNS=${process.env.BENCH_RUNS}` : ''}): goals not measured are not listed.` : 'A full run: every section, default sizes and repetitions.'}
- Total bench time: ${((Date.now() - started) / 1000).toFixed(0)} s.

## Goals (issue 17)

${verdictMd}
${sanityOk ? '' : '\n**A sanity check failed**: lamd did not report exactly the planted errors or warnings; see below.\n'}
## Measurements

${sections.join('\n')}${profileMd}`;
  writeFileSync(join(here, 'RESULTS.md'), md);
  log(`\nbench: wrote ${relative(root, join(here, 'RESULTS.md'))} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

await main();
