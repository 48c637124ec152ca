// HTML reports in a real browser: Debian's Chromium driven by playwright-core (`.ci/run` installs it).
// The table of contents must work, the timeline must show, Arabic must read right to left, the page
// must make no request, and the injection workspace must run no script. If Chromium cannot be
// launched these tests fail: a report whose safety was not checked is not a pass.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_PHASES, reportToHtml, type Phase } from '../../src/report/index.js';
import { INJECTION, LAS_PILOT, loadValid, render, VALID } from './helpers.js';

// The callbacks given to page.evaluate run in the page; these are the few browser globals they use
// (the project's TypeScript setup has no DOM library, and these declarations stay in this module).
interface PageElement {
  attributes: ArrayLike<{ name: string }> & Iterable<{ name: string }>;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { top: number };
  dispatchEvent(event: unknown): boolean;
}
declare const document: {
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
  documentElement: PageElement;
  body: PageElement;
  scripts: ArrayLike<unknown>;
};
declare const window: { location: { hash: string }; innerHeight: number };
declare function getComputedStyle(element: PageElement): { direction: string; display: string };
declare const Event: new (type: string, init?: { bubbles?: boolean }) => unknown;

/** Where Chromium is; LAMD_CHROMIUM points the tests at another build. */
const CHROMIUM = process.env.LAMD_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let launching: Promise<Browser> | undefined;
function browser(): Promise<Browser> {
  launching ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 20_000 }).catch((error: unknown) => {
    throw new Error(`Chromium could not be launched from ${CHROMIUM} (install it with \`apt-get install chromium\`; .ci/run does): ${(error as Error).message}`);
  });
  return launching;
}

let dir: string;
const files = new Map<string, string>();
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lamd-browser-'));
  const valid = await loadValid(VALID);
  const injection = await loadValid(INJECTION);
  const write = (name: string, html: string) => {
    const path = join(dir, name);
    writeFileSync(path, html);
    files.set(name, pathToFileURL(path).href);
  };
  for (const phase of REPORT_PHASES) {
    write(`valid.${phase}.en.html`, reportToHtml(render(valid, phase, 'en')));
    write(`injection.${phase}.en.html`, reportToHtml(render(injection, phase, 'en')));
    write(`injection.${phase}.ar.html`, reportToHtml(render(injection, phase, 'ar')));
  }
  write('valid.roadmap.ar.html', reportToHtml(render(valid, 'roadmap', 'ar')));
  // A road map whose actions span 23 months: a month label every few grid lines.
  const long = structuredClone(valid.model);
  long.roadmaps[0]!.actions!.push({ id: 'long', title: 'Long action', start: '2023-01-01', end: '2024-11-30', status: 'planned' });
  write('valid.roadmap.ar.long.html', reportToHtml(render({ model: long, sources: valid.sources }, 'roadmap', 'ar')));
  write('valid.roadmap.it.html', reportToHtml(render(valid, 'roadmap', 'it')));
  write('pilot.roadmap.en.html', reportToHtml(render(await loadValid(LAS_PILOT), 'roadmap', 'en')));
  // Launched here, within the hook's longer time, not in the first tests' own: on a busy machine
  // Chromium's start took most of the 30 s of each test that waited for it. A launch that fails still
  // fails every test, with its message.
  await browser().catch(() => undefined);
});

afterAll(async () => {
  if (launching) await (await launching.catch(() => undefined))?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Visit {
  page: Page;
  /** Closes the page. */
  close: () => Promise<void>;
  /** Every request the page made that is not the report file itself. */
  outside: string[];
  dialogs: string[];
  errors: string[];
}

/**
 * The browser contexts the pages open in, one with the reports' content policy and one without: a page
 * in a shared context costs Chromium half of what a page in a context of its own does (a report keeps
 * nothing in the browser that another could see).
 */
const contexts = new Map<boolean, Promise<BrowserContext>>();
function context(bypassCSP: boolean): Promise<BrowserContext> {
  let made = contexts.get(bypassCSP);
  if (!made) contexts.set(bypassCSP, (made = browser().then((b) => b.newContext({ bypassCSP, javaScriptEnabled: true }))));
  return made;
}

/** Opens a report; every request that would leave the file system is refused and recorded. */
async function visit(name: string, options: { bypassCSP?: boolean } = {}): Promise<Visit> {
  const page = await (await context(options.bypassCSP ?? false)).newPage();
  const outside: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) outside.push(request.url());
  });
  // The page's routes do not reach a window it opens: a report opens none, and one it did is recorded.
  page.on('popup', (popup) => outside.push(`popup: ${popup.url()}`));
  await page.goto(files.get(name)!, { waitUntil: 'load' });
  return { page, close: () => page.close(), outside, dialogs, errors };
}

// Concurrently: every test opens its own page, and much of a test is waiting on Chromium.
describe.concurrent('HTML reports in Chromium', () => {
  for (const phase of REPORT_PHASES) {
    it(`${phase}: every table-of-contents link leads to a heading, and nothing is fetched`, async () => {
      const { close, page, outside } = await visit(`valid.${phase}.en.html`);
      try {
        const hrefs = await page.$$eval('nav.toc a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
        expect(hrefs.length).toBeGreaterThan(2);
        const missing = await page.evaluate((list: string[]) => list.filter((href) => !href.startsWith('#') || !document.getElementById(decodeURIComponent(href.slice(1)))), hrefs);
        expect(missing).toEqual([]);
        // Following a link brings its heading into view (to the top, unless the page ends first).
        for (const href of [hrefs[1]!, hrefs.at(-1)!]) {
          await page.click(`nav.toc a[href="${href}"]`);
          expect(await page.evaluate(() => window.location.hash)).toBe(href);
          const { top, height } = await page.evaluate((id) => ({ top: document.getElementById(id)!.getBoundingClientRect().top, height: window.innerHeight }), href.slice(1));
          expect(top).toBeGreaterThanOrEqual(-1);
          expect(top).toBeLessThan(height);
        }
        expect(outside).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('shows the road map timeline as a visible SVG', async () => {
    const { close, page, outside } = await visit('valid.roadmap.en.html');
    try {
      const svg = page.locator('figure.timeline svg').first();
      expect(await svg.isVisible()).toBe(true);
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(50);
      const bar = await page.locator('figure.timeline svg rect').first().boundingBox();
      expect(bar!.width).toBeGreaterThan(10);
      expect(bar!.height).toBeGreaterThan(5);
      expect(outside).toEqual([]);
    } finally {
      await close();
    }
  });

  it('ties every bar of the pilot\'s timelines to its action table by number, and cuts no label mid-word', async () => {
    const { close, page } = await visit('pilot.roadmap.en.html');
    try {
      // For each timeline: the numbers and titles of the action tables of the same road map (between
      // the h2 before the figure and the next one), and each bar's number, label lines and extent.
      const timelines = (await page.evaluate(`[...document.querySelectorAll('figure.timeline')].map((figure) => {
        let start = figure;
        while (start && start.tagName !== 'H2') start = start.previousElementSibling;
        const numbers = [];
        const titles = [];
        for (let e = start.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling) {
          if (e.tagName !== 'TABLE' || e.querySelector('th').textContent.trim() !== 'No.') continue;
          for (const row of e.querySelectorAll('tbody tr')) {
            const number = row.cells[0].textContent.trim();
            numbers.push(number);
            const title = row.cells[1].querySelector('strong');
            if (title) titles.push(number + '. ' + title.textContent.trim());
          }
        }
        const plotLeft = Math.min(...[...figure.querySelectorAll('g[data-action] .bar')].map((b) => b.getBBox().x));
        const bars = [...figure.querySelectorAll('g[data-action]')].map((g) => {
          const lines = [...g.querySelectorAll('text.label tspan')].map((t) => t.textContent);
          const right = Math.max(...[...g.querySelectorAll('text.label tspan')].map((t) => { const b = t.getBBox(); return b.x + b.width; }));
          return { number: g.querySelector('text.bar-number').textContent, label: lines.join(' '), lines, right };
        });
        const legend = [...figure.querySelectorAll('text.legend')].map((t) => t.textContent);
        const ticks = [...figure.querySelectorAll('text.tick')].map((t) => t.textContent);
        return { numbers, titles, bars, plotLeft, legend, ticks };
      })`)) as { numbers: string[]; titles: string[]; bars: { number: string; label: string; lines: string[]; right: number }[]; plotLeft: number; legend: string[]; ticks: string[] }[];
      expect(timelines).toHaveLength(3);
      for (const timeline of timelines) {
        expect(timeline.bars.length).toBeGreaterThan(0);
        for (const bar of timeline.bars) {
          expect(timeline.numbers, `bar ${bar.number}`).toContain(bar.number);
          // The whole title, as the action table prints it: nothing cut, no ellipsis.
          expect(timeline.titles, `bar ${bar.number}`).toContain(bar.label);
          expect(bar.lines.every((line) => !line.endsWith('…') && line.trim() === line)).toBe(true);
          // Every label ends before the bars begin.
          expect(bar.right, bar.label).toBeLessThan(timeline.plotLeft);
        }
        // Every action of the pilot is done; today (June 2024) lies after the pilot, so it is not drawn.
        expect(timeline.legend).toEqual(['Done']);
        for (const tick of timeline.ticks) expect(tick).toMatch(/^[A-Z][a-z]{2,4} \d{4}$/);
      }
    } finally {
      await close();
    }
  });

  it('lays the Arabic report out right to left', async () => {
    const { close, page } = await visit('valid.roadmap.ar.html');
    try {
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await page.getAttribute('html', 'lang')).toBe('ar');
      const directions = await page.evaluate(() => [document.documentElement, document.body, document.querySelector('main')!, document.querySelector('table')!].map((e) => getComputedStyle(e).direction));
      expect(directions).toEqual(['rtl', 'rtl', 'rtl', 'rtl']);
      // The title sits against the right edge.
      const title = await page.locator('h1').boundingBox();
      const main = await page.locator('main').boundingBox();
      expect(title!.x + title!.width).toBeGreaterThan(main!.x + main!.width - 40);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('rtl');
      const italian = await visit('valid.roadmap.it.html');
      expect(await italian.page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('ltr');
      await italian.close();
    } finally {
      await close();
    }
  });

  it('keeps the full stop of an English sentence after its last word in the Arabic report', async () => {
    const { close, page } = await visit('valid.roadmap.ar.html');
    try {
      // For each sentence: where the last letter and the full stop are drawn (left edges, in px).
      // Without bidi isolation the RTL paragraph puts the full stop on the left: ".budget".
      const positions = (await page.evaluate(`(() => {
        const sentences = ['The desk continues after the programme, funded by the municipal budget.', 'Every migrant can reach the municipal desk.', 'Municipal elections in May 2023.'];
        const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
        const out = {};
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const sentence of sentences) {
            const at = node.data.indexOf(sentence);
            if (at === -1 || out[sentence]) continue;
            const end = at + sentence.length;
            const box = (from) => { const range = document.createRange(); range.setStart(node, from); range.setEnd(node, from + 1); return range.getBoundingClientRect().left; };
            out[sentence] = { letter: box(end - 2), stop: box(end - 1) };
          }
        }
        return out;
      })()`)) as Record<string, { letter: number; stop: number }>;
      expect(Object.keys(positions)).toHaveLength(3);
      for (const [sentence, { letter, stop }] of Object.entries(positions)) expect(stop, sentence).toBeGreaterThan(letter);
    } finally {
      await close();
    }
  });

  it('spaces the month labels of an Arabic timeline so that none overlaps the next', async () => {
    const { close, page } = await visit('valid.roadmap.ar.long.html');
    try {
      const boxes = (await page.evaluate(`[...document.querySelectorAll('svg.timeline text.tick')].map((t) => { const b = t.getBBox(); return { text: t.textContent, left: b.x, right: b.x + b.width }; })`)) as { text: string; left: number; right: number }[];
      expect(boxes.length).toBeGreaterThan(3);
      boxes.slice(1).forEach((box, i) => expect(box.left, `${boxes[i]!.text} / ${box.text}`).toBeGreaterThan(boxes[i]!.right));
      expect(await page.locator('svg.timeline line.grid').count()).toBeGreaterThan(boxes.length);
    } finally {
      await close();
    }
  });

  for (const [phase, lang] of REPORT_PHASES.flatMap((p) => [[p, 'en'], [p, 'ar']] as const)) {
    it(`${phase} (${lang}): the injection workspace runs no script, even with the content policy switched off`, async () => {
      // bypassCSP: the escaping alone must keep the page inert; the policy is a second line.
      const { close, page, outside, dialogs, errors } = await visit(`injection.${phase}.${lang}.html`, { bypassCSP: true });
      try {
        // Give any handler (onerror, onload, ontoggle…) a chance to fire, and poke every element with
        // the events an inline handler would listen for.
        await page.waitForTimeout(200);
        await page.mouse.move(10, 10);
        await page.evaluate(() => {
          for (const element of document.querySelectorAll('body *')) {
            for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle']) element.dispatchEvent(new Event(type, { bubbles: true }));
          }
        });
        await page.waitForTimeout(100);
        const found = await page.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
          scripts: document.scripts.length,
          embedded: document.querySelectorAll('img, iframe, object, embed, video, audio, source, link, base, form, input, details, marquee').length,
          handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
          links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((h) => !/^(https?:\/\/|mailto:|#)/.test(h)),
          styles: document.querySelectorAll('style').length,
          hidden: getComputedStyle(document.body).display,
        }));
        expect(found).toEqual({ pwned: null, scripts: 0, embedded: 0, handlers: [], links: [], styles: 1, hidden: 'block' });
        expect(dialogs).toEqual([]);
        expect(errors).toEqual([]);
        expect(outside).toEqual([]);
        // The hostile text is on the page, as text.
        expect(await page.textContent('body')).toContain('<img src=x onerror=alert(1)>');
      } finally {
        await close();
      }
    });
  }

  it('the content policy blocks scripts too', async () => {
    const page = join(dir, 'csp-probe.html');
    // A report page with scripts smuggled in after rendering: the policy in its head must block them.
    const html = reportToHtml(render(await loadValid(VALID), 'preparatory' satisfies Phase, 'en')).replace(
      '</main>',
      '<script>window.__pwned = 1</script><p id="probe" onclick="window.__pwned = 2">probe</p></main>',
    );
    writeFileSync(page, html);
    files.set('csp-probe.html', pathToFileURL(page).href);
    const { close, page: tab, outside } = await visit('csp-probe.html');
    try {
      await tab.click('#probe');
      expect(await tab.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
      expect(outside).toEqual([]);
    } finally {
      await close();
    }
  });
});
