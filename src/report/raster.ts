// SVG → PNG for the Word report, which cannot rely on every reader's Word drawing SVG: the timelines
// and SVG or WebP logos become PNG pictures. Drawn in-process by resvg (@resvg/resvg-js, prebuilt
// binaries from npm, nothing downloaded at run time) with the machine's fonts; on a platform without a
// prebuilt binary, by the machine's Chromium (a screenshot of the picture alone, no script, no
// network); with neither, the caller falls back (a timeline's table, a logo left out) and says so.
// Loaded lazily, only by `--format docx`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { imageSize } from './image-size.js';
import { CHROMIUM_ARGS, runBounded } from './pdf.js';

export interface Png {
  png: Uint8Array;
  width: number;
  height: number;
}

export type Rasterize = (svg: string, widthPx: number) => Promise<Png | undefined>;

interface ResvgModule {
  Resvg: new (
    svg: string,
    options: { fitTo: { mode: 'width'; value: number }; font: { loadSystemFonts: boolean; defaultFontFamily?: string }; background?: string },
  ) => { render(): { asPng(): Uint8Array; width: number; height: number } };
}

let loaded: ResvgModule | null | undefined;

function resvg(): ResvgModule | null {
  if (loaded === undefined) {
    try {
      // A native module: bundlers leave it outside (scripts/build.mjs), require() finds its binary.
      loaded = createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** The rasteriser of this machine, or undefined when resvg has no binary for it. */
export function rasterizer(): Rasterize | undefined {
  const module = resvg();
  if (!module) return undefined;
  return async (svg, widthPx) => {
    try {
      const image = new module.Resvg(svg, { fitTo: { mode: 'width', value: Math.round(widthPx) }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: 'white' });
      const rendered = image.render();
      return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
    } catch {
      return undefined;
    }
  };
}

/** A rasteriser that has the machine's Chromium take a screenshot of the picture alone, scaled to the width wanted. */
export function chromiumRasterizer(chromium: string, timeoutMs: number): Rasterize {
  return async (svg, widthPx) => {
    const size = imageSize(Buffer.from(svg), 'image/svg+xml');
    if (!size) return undefined;
    // Laid out at the pixel size wanted (scale 1): Chromium keeps a least window size, so a small
    // drawing scaled up by the device scale factor would be cut.
    const width = Math.max(1, Math.round(widthPx));
    const height = Math.max(1, Math.round((size.height / size.width) * widthPx));
    const dir = mkdtempSync(join(tmpdir(), 'lamd-picture-'));
    try {
      const page = join(dir, 'picture.html');
      const out = join(dir, 'picture.png');
      // As an image, never inline: an SVG shown through <img> runs no script and fetches nothing; the
      // page's policy allows no script and no fetch either.
      const uri = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      writeFileSync(page, `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"><style>html,body{margin:0;background:#fff;overflow:hidden}img{display:block}</style></head><body><img src="${uri}" width="${width}" height="${height}" alt=""></body></html>`);
      const args = [
        ...CHROMIUM_ARGS,
        '--hide-scrollbars',
        '--default-background-color=ffffffff',
        '--force-device-scale-factor=1',
        `--window-size=${width},${height}`,
        `--user-data-dir=${join(dir, 'profile')}`,
        `--screenshot=${out}`,
        pathToFileURL(page).href,
      ];
      const result = await runBounded(chromium, args, timeoutMs);
      if (result.timedOut || result.error || result.code !== 0) return undefined;
      const png = readFileSync(out);
      const drawn = imageSize(png, 'image/png');
      return drawn ? { png, ...drawn } : undefined;
    } catch {
      return undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
