// A real npm registry on loopback for the end-to-end test of the workspace workflow: Verdaccio
// (from npm), started on 127.0.0.1 with a free port and its own storage and configuration in a
// temporary folder. lamd is published there and nowhere else; every other package is fetched from
// the public registry through it. Every wait is bounded: a registry that does not start, or refuses,
// fails the test with what it said.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** npm's own entry point, run with this Node: no shell, no `npm.cmd` on Windows. */
export function npmCli(): string {
  const candidates = [process.env.npm_execpath, join(dirname(process.execPath), 'node_modules/npm/bin/npm-cli.js'), join(dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js')];
  const found = candidates.find((c) => c !== undefined && /npm-cli\.js$/.test(c) && existsSync(c));
  if (!found) throw new Error(`npm's npm-cli.js is not beside this Node.js (${process.execPath}).`);
  return found;
}

/** Runs npm with the given environment; throws with npm's own output when it fails or times out. */
export function npm(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number }): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [npmCli(), ...args], { cwd: options.cwd, env: options.env, encoding: 'utf8', timeout: options.timeout ?? 120_000 });
  if (result.error) throw new Error(`npm ${args.join(' ')} did not finish: ${result.error.message}\n${result.stderr}`);
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}\n${result.stdout}`);
  return result;
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

/** Starts Verdaccio in `dir`; resolves once it answers /-/ping, or rejects after `timeout` ms. */
export async function startRegistry(dir: string, packageName: string, timeout = 30_000): Promise<Registry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  mkdirSync(join(dir, 'storage'), { recursive: true });
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
