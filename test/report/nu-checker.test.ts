// The HTML reports of the bundled examples, in every report language, as the Nu HTML checker (the W3C
// validator, npm vnu-jar, run on the machine's Java) reads them: no error, and no warning that the page
// seems written in another language than its `lang` says (user text in another language is marked with
// its own, from the documents' `language`). One run of the checker over
// every file, since starting Java costs more than checking a page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_PHASES, reportToHtml } from '../../src/report/index.js';
import { REPORT_LANGUAGES } from '../../src/report/i18n.js';
import { LAS_PILOT, loadValid, render, REPO } from './helpers.js';

const VNU = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
const EXAMPLES = { 'las-pilot': LAS_PILOT, 'illustrative-monitoring': join(REPO, 'examples/illustrative-monitoring') };

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

const dir = mkdtempSync(join(tmpdir(), 'lamd-nu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Nu HTML checker', () => {
  it('finds no error and no language mismatch in any HTML report of either bundled example, in any language', async () => {
    const files: string[] = [];
    for (const [name, root] of Object.entries(EXAMPLES)) {
      const ws = await loadValid(root);
      for (const lang of REPORT_LANGUAGES) {
        for (const phase of REPORT_PHASES) {
          const file = join(dir, `${name}.${phase}.${lang}.html`);
          writeFileSync(file, reportToHtml(render(ws, phase, lang)));
          files.push(file);
        }
      }
    }
    // Java's quick compiler only (its optimising one costs more than it saves on one run of a minute's
    // work: a third of the CPU time, the same findings), with the larger stack its code needs for the
    // HTML schema, and one garbage collector thread: the suite's other files share the two cores.
    const run = spawnSync('java', ['-XX:TieredStopAtLevel=1', '-Xss16m', '-XX:+UseSerialGC', '-jar', VNU, '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    expect(run.error, 'java must be installed (scripts/test-setup.mjs installs default-jre-headless)').toBeUndefined();
    const messages = (JSON.parse(run.stderr) as { messages: NuMessage[] }).messages;
    const errors = messages.filter((m) => m.type !== 'info').map((m) => `${(m.url ?? '').split('/').at(-1)}:${m.lastLine ?? ''} ${m.message}`);
    expect(errors).toEqual([]);
    // The language detector's finding is an info-level warning: "This document appears to be written in …".
    const language = messages.filter((m) => /appears to be written in/i.test(m.message)).map((m) => `${(m.url ?? '').split('/').at(-1)} ${m.message}`);
    expect(language).toEqual([]);
    // The checker did read the pages: it has something to say about them (obsolete `align` on table cells).
    expect(messages.length).toBeGreaterThan(0);
  }, 180_000);
});
