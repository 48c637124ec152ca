// A real npm registry on loopback for the end-to-end test of the workspace workflow: Verdaccio
// (from npm), started on 127.0.0.1 with a free port and its own storage and configuration in a
// temporary folder. lamd is published there and nowhere else. Its dependencies are served as the
// package lock pins them (see seedFromLockfile), and anything else from the public registry through
// it. Every wait is bounded: a registry that does not start, or refuses, fails the test with what it said.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** npm's own entry point, run with this Node: no shell, no `npm.cmd` on Windows. */
export function npmCli(): string {
  const candidates = [process.env.npm_execpath, join(dirname(process.execPath), 'node_modules/npm/bin/npm-cli.js'), join(dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js')];
  const found = candidates.find((c) => c !== undefined && /npm-cli\.js$/.test(c) && existsSync(c));
  if (!found) throw new Error(`npm's npm-cli.js is not beside this Node.js (${process.execPath}).`);
  return found;
}

/** npm run without blocking, so other processes (the registry starting) are watched meanwhile. */
export function npmAsync(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number }): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [npmCli(), ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm ${args.join(' ')} did not finish within ${(options.timeout ?? 120_000) / 1000} s:\n${stderr}`));
    }, options.timeout ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`npm ${args.join(' ')} failed (exit ${code}):\n${stderr}\n${stdout}`));
    });
  });
}

/** A port nothing listens on right now, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Registry {
  url: string;
  /** An .npmrc that holds a token Verdaccio accepts for publishing. */
  userconfig: string;
  /** What Verdaccio printed, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

/** What a package-lock.json (lockfileVersion 2 or 3) says of one installed package. */
interface LockedPackage {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  link?: boolean;
  license?: string;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  hasInstallScript?: boolean;
  deprecated?: string;
}

/**
 * Writes into Verdaccio's storage the metadata of every package `lockfile` installs outside
 * development, holding only the versions it pins, marked as fetched from the public registry just now.
 * Verdaccio then answers npm from its storage instead of fetching each package's whole history (35 MB
 * of JSON for lamd's 270 dependencies: most of this test's time, and all of its use of the network).
 * The tarballs keep their public addresses: npm takes them from its cache by their integrity (`npm ci`
 * put them there), and Verdaccio fetches any it lacks from the public registry.
 *
 * So the install resolves lamd's version ranges against the versions lamd is tested with, as a fresh
 * install did on the day the lock was written: a dependency's broken new release, or a pinned one
 * since unpublished, would not show here. LAMD_TEST_REGISTRY=public leaves the storage empty, for a
 * run against the public registry as it is today (before a release).
 */
export function seedFromLockfile(storage: string, lockfile: string): void {
  const { packages } = JSON.parse(readFileSync(lockfile, 'utf8')) as { packages: Record<string, LockedPackage> };
  const documents = new Map<string, { versions: Record<string, object>; distfiles: Record<string, object> }>();
  for (const [path, locked] of Object.entries(packages)) {
    const at = path.lastIndexOf('node_modules/');
    if (at === -1 || locked.dev || locked.link || !locked.version || !locked.integrity) continue;
    const name = locked.name ?? path.slice(at + 'node_modules/'.length);
    // A lock written with omit-lockfile-registry-resolved names no address: the public registry's is known.
    const resolved = locked.resolved ?? `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${locked.version}.tgz`;
    const document = documents.get(name) ?? { versions: {}, distfiles: {} };
    documents.set(name, document);
    const manifest = Object.fromEntries(MANIFEST_FIELDS.filter((field) => locked[field] !== undefined).map((field) => [field, locked[field]]));
    document.versions[locked.version] = { name, version: locked.version, ...manifest, _id: `${name}@${locked.version}`, dist: { tarball: resolved, integrity: locked.integrity } };
    document.distfiles[basename(new URL(resolved).pathname)] = { url: resolved, registry: 'npmjs' };
  }
  const fetched = Date.now();
  for (const [name, { versions, distfiles }] of documents) {
    const latest = Object.keys(versions).sort(compareVersions).at(-1)!;
    mkdirSync(join(storage, name), { recursive: true });
    const document = { name, _id: name, versions, 'dist-tags': { latest }, time: {}, _uplinks: { npmjs: { fetched } }, _distfiles: distfiles, _attachments: {}, _rev: '1-0', readme: '' };
    writeFileSync(join(storage, name, 'package.json'), JSON.stringify(document));
  }
}

/** What a lock says of a package that npm reads from a registry's manifest of a version. */
const MANIFEST_FIELDS = ['license', 'bin', 'engines', 'os', 'cpu', 'libc', 'dependencies', 'optionalDependencies', 'peerDependencies', 'peerDependenciesMeta', 'hasInstallScript', 'deprecated'] as const;

/** Release versions in order (x.y.z, then a pre-release before its release); enough for a lock's pins. */
function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split(/-(.*)/s);
    return { parts: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.parts[i] !== y.parts[i]) return (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/**
 * Starts Verdaccio in `dir`; resolves once it answers /-/ping, or rejects after `timeout` ms.
 * `lockfile`: a package-lock.json whose pinned packages the registry serves without the network.
 */
export async function startRegistry(dir: string, packageName: string, options: { lockfile?: string; timeout?: number } = {}): Promise<Registry> {
  const timeout = options.timeout ?? 30_000;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  mkdirSync(join(dir, 'storage'), { recursive: true });
  if (options.lockfile && process.env.LAMD_TEST_REGISTRY !== 'public') seedFromLockfile(join(dir, 'storage'), options.lockfile);
  const config = join(dir, 'config.yaml');
  // lamd is served only from this registry's own storage (no proxy): the name on the public
  // registry may belong to someone else, which is what this test must never install.
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
      '    max_users: 10',
      'uplinks:',
      '  npmjs:',
      '    url: https://registry.npmjs.org/',
      '    timeout: 30s',
      '    max_fails: 2',
      // The seeded metadata counts as fetched; without this, Verdaccio asks again after 2 minutes.
      '    maxage: 1d',
      'packages:',
      `  ${JSON.stringify(packageName)}:`,
      '    access: $all',
      '    publish: $authenticated',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      '    proxy: npmjs',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const bin = join(dirname(require.resolve('verdaccio/package.json')), 'bin/verdaccio');
  const child: ChildProcess = spawn(process.execPath, [bin, '--config', config, '--listen', `127.0.0.1:${port}`], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
      if (!killed) child.kill('SIGKILL');
    }
  };

  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited (code ${child.exitCode}) before it answered:\n${output}`);
    try {
      const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Verdaccio did not answer on ${url} within ${timeout / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  // A user for publishing: Verdaccio's htpasswd plugin creates one on the first sign-up.
  const signUp = await fetch(`${url}-/user/org.couchdb.user:lamd-test`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'lamd-test', password: 'lamd-test-password' }),
    signal: AbortSignal.timeout(10_000),
  });
  const { token } = (await signUp.json()) as { token?: string };
  if (!signUp.ok || !token) {
    await stop();
    throw new Error(`Verdaccio refused to create a user (${signUp.status}):\n${output}`);
  }
  const userconfig = join(dir, 'npmrc');
  writeFileSync(userconfig, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
  return { url, userconfig, log: () => output, stop };
}
