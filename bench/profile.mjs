// Where lamd's time goes: runs one command under `node --cpu-prof` and summarises self time by
// function and by source file. lamd is bundled (dist/, with linked source maps), so the profile's
// positions are mapped back through the .map files to the TypeScript sources and the packages in
// node_modules — a bundle line number alone would tell the person optimising nothing.
//
// Usage: node bench/profile.mjs <workspace> [-- lamd arguments]
//        (default: validate --format json -C <workspace>)
// Import: import { summarize } from './profile.mjs'
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TODAY } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

// --- Source maps (v3), decoded by hand: nothing to install for a 40-line job. ----------------

const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

function decodeMappings(mappings) {
  const lines = [];
  let src = 0, srcLine = 0, srcCol = 0, name = 0;
  for (const lineText of mappings.split(';')) {
    const segments = [];
    let genCol = 0;
    for (const seg of lineText.split(',')) {
      if (!seg) continue;
      const values = [];
      let value = 0, shift = 0;
      for (const ch of seg) {
        const digit = B64[ch];
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      genCol += values[0];
      if (values.length >= 4) {
        src += values[1];
        srcLine += values[2];
        srcCol += values[3];
        if (values.length >= 5) name += values[4];
        segments.push([genCol, src, srcLine, srcCol, values.length >= 5 ? name : -1]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

const maps = new Map();
function sourceMapFor(file) {
  if (maps.has(file)) return maps.get(file);
  let map = null;
  try {
    const raw = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
    map = { sources: raw.sources.map((s) => resolve(dirname(file), raw.sourceRoot ?? '', s)), names: raw.names, lines: decodeMappings(raw.mappings) };
  } catch {
    // No map: positions stay in the generated file.
  }
  maps.set(file, map);
  return map;
}

/** Maps a 0-based generated position to { source, line } (1-based line), when a map exists. */
function original(file, line, column) {
  const map = sourceMapFor(file);
  const segments = map?.lines[line];
  if (!segments?.length) return undefined;
  let best = segments[0];
  for (const s of segments) {
    if (s[0] <= column) best = s;
    else break;
  }
  return { source: map.sources[best[1]], line: best[2] + 1 };
}

// --- Profile. ------------------------------------------------------------------------------

/** Short, readable name of a source: the package for dependencies, the path for lamd's own code. */
function where(source) {
  if (!source) return '(native)';
  const nm = source.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const parts = source.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (source.startsWith('node:')) return source;
  const rel = relative(root, source);
  return rel.startsWith('..') ? source : rel;
}

export function analyse(profileFile, top = 20) {
  const p = JSON.parse(readFileSync(profileFile, 'utf8'));
  const self = new Map();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const byFunction = new Map();
  const byFile = new Map();
  const keyOf = new Map(); // node id -> function key, for the inclusive times below
  const ownCode = new Set(); // keys of lamd's own functions (src/)
  let total = 0;
  for (const n of p.nodes) {
    const t = self.get(n.id) ?? 0;
    const cf = n.callFrame;
    let source = cf.url;
    let line = cf.lineNumber + 1;
    if (source.startsWith('file://')) {
      const file = fileURLToPath(source);
      const o = original(file, cf.lineNumber, cf.columnNumber);
      source = o?.source ?? file;
      line = o?.line ?? line;
    }
    const file = where(source || undefined);
    const name = cf.functionName || (source ? '(anonymous)' : cf.url || '(program)');
    // Native frames ((garbage collector), (program), RegExp: …) have no source: keep their name.
    const fKey = source ? `${name}  ${relativeish(source)}:${line}` : name;
    keyOf.set(n.id, fKey);
    if (file.startsWith('src/')) ownCode.add(fKey);
    if (!t) continue;
    total += t;
    byFunction.set(fKey, (byFunction.get(fKey) ?? 0) + t);
    const group = source ? file : name.startsWith('RegExp:') ? '(regular expressions)' : name.startsWith('(') ? name : '(code without a file: eval, new Function)';
    byFile.set(group, (byFile.get(group) ?? 0) + t);
  }
  // Inclusive time of lamd's own functions: each sample counts once for every distinct src/
  // function on its stack, so the phases (load, parse, check, format) show up with their callees.
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const seen = new Set();
    for (let id = p.samples[i]; id !== undefined; id = parent.get(id)) {
      const k = keyOf.get(id);
      if (ownCode.has(k) && !seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
      }
    }
  }
  const ms = (t) => `${(t / 1000).toFixed(0).padStart(6)} ms ${((100 * t) / total).toFixed(1).padStart(5)} %`;
  const lines = [`sampled ${(total / 1000).toFixed(0)} ms of CPU in the main thread`, '', 'self time by source file or package:'];
  for (const [k, t] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`  ${ms(t)}  ${k}`);
  lines.push('', `top ${top} functions by self time:`);
  for (const [k, t] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${ms(t)}  ${k}`);
  lines.push('', "inclusive time of lamd's own functions (with their callees):");
  for (const [k, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${ms(t)}  ${k}`);
  return lines.join('\n');
}

function relativeish(source) {
  const nm = source.lastIndexOf('node_modules/');
  if (nm !== -1) return source.slice(nm + 'node_modules/'.length);
  const rel = relative(root, source);
  return rel.startsWith('..') ? source : rel;
}

/** Profiles `node bin/lamd.js <args>` (args start with the lamd.js path) and summarises it. */
export function summarize(cwd, args) {
  const dir = mkdtempSync(join(tmpdir(), 'lamd-prof-'));
  try {
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`profiled run exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('node wrote no .cpuprofile');
    return analyse(join(dir, file), Number(process.env.PROFILE_TOP ?? 20));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ws = resolve(process.argv[2] ?? join(here, 'workspaces', '2000'));
  const dash = process.argv.indexOf('--');
  // --today as the bench pins it: without it, actions dated before today count as overdue and
  // nearly every file gets a warning, which profiles the locator instead of the check.
  const lamdArgs = dash === -1 ? ['validate', '--format', 'json', '--today', TODAY, '-C', ws] : process.argv.slice(dash + 1);
  if (!existsSync(ws)) {
    process.stderr.write(`no workspace at ${ws}; run node bench/generate.mjs first\n`);
    process.exit(2);
  }
  console.log(summarize(root, [join(root, 'bin', 'lamd.js'), ...lamdArgs]));
}
