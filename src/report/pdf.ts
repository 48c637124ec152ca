// HTML report → PDF through a headless Chromium already on the machine (never downloaded): its own
// `--print-to-pdf` writes a tagged PDF with the document's language and title, an outline from the
// headings, and the paper and page-margin texts of the report's `@page` rules. Bounded in time: a
// Chromium that hangs is killed with the whole process group it started.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageError } from '../errors.js';
import { t } from '../i18n/messages.js';

/** A PDF could not be made; the message is written for the person who ran lamd (exit 2), in the language of the run. */
export class PdfError extends MessageError {}

/** Names a Chromium goes by on PATH, in the order lamd tries them. */
export const CHROMIUM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** Run with a fresh profile and nothing that reaches the network (lamd makes no request). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--no-pdf-header-footer',
  '--generate-pdf-document-outline',
];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The one command that installs a Chromium on this kind of machine. */
function installCommand(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'brew install --cask chromium';
  if (platform === 'win32') return 'winget install Google.Chrome';
  return 'sudo apt-get install -y chromium';
}

/** The Chromium to use: `LAMD_CHROMIUM`, else the first of CHROMIUM_COMMANDS on PATH. Throws PdfError. */
export function findChromium(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const pointed = env.LAMD_CHROMIUM;
  if (pointed !== undefined && pointed !== '') {
    if (isExecutable(pointed)) return pointed;
    throw new PdfError(t('pdf.bad-chromium-env', { path: pointed }));
  }
  const suffixes = platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const command of CHROMIUM_COMMANDS) {
      for (const suffix of suffixes) {
        const candidate = join(dir, command + suffix);
        if (isExecutable(candidate)) return candidate;
      }
    }
  }
  if (platform === 'darwin') {
    for (const app of ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']) if (isExecutable(app)) return app;
  }
  throw new PdfError(t('pdf.no-chromium', { commands: CHROMIUM_COMMANDS.join(', '), install: installCommand(platform) }));
}

/** Chromium's own last words, quoted after lamd's message, or nothing. */
const itSaid = (stderr: string) => (stderr ? t('pdf.it-said', { output: stderr }) : '');

export interface PdfOptions {
  chromium: string;
  /** How long Chromium may take for one document before it is stopped, in ms. */
  timeoutMs: number;
}

/** Chromium's own log lines that say nothing to a user (D-Bus, GPU and sandbox chatter). */
function usefulStderr(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !/dbus|object_proxy|gpu|sandbox|bytes written to file|DevTools listening/i.test(line))
    .slice(-6)
    .join('\n')
    .trim();
}

/** Prints one complete HTML document to PDF. Throws PdfError when Chromium fails, hangs or writes nothing. */
export async function htmlToPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'lamd-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    writeFileSync(page, html);
    const args = [...CHROMIUM_ARGS, `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${pdf}`, pathToFileURL(page).href];
    const result = await runBounded(options.chromium, args, options.timeoutMs);
    if (result.timedOut) {
      throw new PdfError(t('pdf.timed-out', { chromium: options.chromium, seconds: String(Math.round(options.timeoutMs / 1000)), said: itSaid(result.stderr) }));
    }
    if (result.error) throw new PdfError(t('pdf.not-started', { chromium: options.chromium, error: String(result.error) }));
    let bytes: Uint8Array | undefined;
    try {
      bytes = readFileSync(pdf);
    } catch {
      bytes = undefined;
    }
    if (result.code !== 0 || !bytes || bytes.length < 5 || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') {
      throw new PdfError(t('pdf.failed', { chromium: options.chromium, code: String(result.code ?? result.signal), said: itSaid(result.stderr) }));
    }
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  timedOut: boolean;
  error?: string;
}

/** Runs a Chromium with a time limit, stopping it and every helper it started when the time is up. */
export function runBounded(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    let stderr = '';
    let timedOut = false;
    let settled = false;
    // Its own process group, so that a hung Chromium is stopped with the helpers it started.
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
    const kill = () => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64_000) stderr += chunk.toString('utf8');
    });
    const done = (result: Omit<RunResult, 'stderr' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, stderr: usefulStderr(stderr), timedOut });
    };
    child.on('error', (error) => done({ code: null, signal: null, error: error.message }));
    child.on('close', (code, signal) => {
      // Chromium's helpers may outlive the browser process by a moment; none may stay behind.
      if (!timedOut) kill();
      done({ code, signal });
    });
  });
}
