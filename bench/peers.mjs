// Installs the peer validators the benchmark compares lamd with (ajv-cli and
// @sourcemeta/jsonschema) into bench/.cache/peers/, outside the project's own dependencies:
// they are measuring sticks, not something lamd uses, so they must not enter package.json or
// the lockfile. Installed once; later runs find them and skip the network.
//
// Usage: node bench/peers.mjs           (install if missing, print the peers)
// Import: import { ensurePeers } from './peers.mjs'
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const PEERS_DIR = join(here, '.cache', 'peers');

// Majors pinned so a rerun next month measures the same tools. All three allow Node 20
// (`npm view <pkg> engines`: ajv-cli 5 and ajv-formats 3 declare no limit, sourcemeta >=16).
export const PEER_SPECS = ['ajv-cli@5', 'ajv-formats@3', '@sourcemeta/jsonschema@16'];

const bin = (name) => join(PEERS_DIR, 'node_modules', '.bin', name);

function installedVersion(pkg) {
  try {
    return JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Installs the peers when missing; returns the commands and versions to run them with. */
export function ensurePeers({ log = (m) => process.stderr.write(m + '\n') } = {}) {
  const ready = () => existsSync(bin('ajv')) && existsSync(bin('jsonschema')) && installedVersion('ajv-formats');
  if (!ready()) {
    mkdirSync(PEERS_DIR, { recursive: true });
    log(`bench: installing peers into ${PEERS_DIR} (first run only): ${PEER_SPECS.join(' ')}`);
    // npm writes a package.json and lockfile inside the cache folder only; --no-audit/--no-fund
    // keep the output short.
    const r = spawnSync('npm', ['install', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--loglevel=error', ...PEER_SPECS], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0 || !ready()) throw new Error('bench: could not install the peers (see npm output above)');
  }
  return {
    ajv: { bin: bin('ajv'), version: installedVersion('ajv-cli') },
    ajvFormats: { version: installedVersion('ajv-formats') },
    sourcemeta: { bin: bin('jsonschema'), version: installedVersion('@sourcemeta/jsonschema') },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const peers = ensurePeers();
  console.log(JSON.stringify(peers, null, 2));
}
