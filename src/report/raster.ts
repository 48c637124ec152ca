// SVG → PNG for the Word report, which cannot rely on every reader's Word drawing SVG: the timelines
// and SVG or WebP logos become PNG pictures. Drawn in-process by resvg (@resvg/resvg-js, prebuilt
// binaries from npm, nothing downloaded at run time) with the machine's fonts. Loaded lazily, only by
// `--format docx`; on a platform without a prebuilt binary the rasteriser is simply not there, and the
// caller falls back (a timeline's table, a logo left out) and says so.
import { createRequire } from 'node:module';

export interface Png {
  png: Uint8Array;
  width: number;
  height: number;
}

export type Rasterize = (svg: string, widthPx: number) => Png | undefined;

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
  return (svg, widthPx) => {
    try {
      const image = new module.Resvg(svg, { fitTo: { mode: 'width', value: Math.round(widthPx) }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: 'white' });
      const rendered = image.render();
      return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
    } catch {
      return undefined;
    }
  };
}
