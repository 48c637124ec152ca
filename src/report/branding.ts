// The logos and statements of lamd.yaml's `branding`, ready to embed: each usable logo read from the
// workspace as a data: URI (a report fetches nothing), the unusable ones left out (`lamd validate`
// reports them as references/logo). Used for the cover and the foot of HTML, PDF and Word reports.
import { inspectLogo, type LogoType } from '../check/branding.js';
import type { WorkspaceDocument } from '../types/generated/index.js';
import { imageSize } from './image-size.js';
import { escapeHtml } from './markdown.js';

export interface Logo {
  /** Plain text: whose logo it is. */
  alt: string;
  type: LogoType;
  bytes: Uint8Array;
}

export interface Branding {
  logos: Logo[];
  /** Plain texts. */
  funding?: string;
  disclaimer?: string;
}

/** Reads the logos lamd.yaml names; the ones that cannot be embedded are skipped. */
export function loadBranding(root: string, workspace: WorkspaceDocument): Branding {
  const branding = workspace.branding;
  const logos: Logo[] = [];
  for (const logo of branding?.logos ?? []) {
    const inspection = inspectLogo(root, logo.file);
    if (inspection.ok) logos.push({ alt: logo.alt, type: inspection.type, bytes: inspection.bytes });
  }
  return {
    logos,
    ...(branding?.funding_statement ? { funding: branding.funding_statement } : {}),
    ...(branding?.disclaimer ? { disclaimer: branding.disclaimer } : {}),
  };
}

export function dataUri(logo: Logo): string {
  return `data:${logo.type};base64,${Buffer.from(logo.bytes).toString('base64')}`;
}

/** The logos as one row of images, for the cover and the foot of an HTML report. */
export function logosHtml(branding: Branding | undefined, className: string): string {
  if (!branding || branding.logos.length === 0) return '';
  return `<div class="${className}">${branding.logos.map((l) => `<img src="${dataUri(l)}" alt="${escapeHtml(l.alt)}">`).join('')}</div>\n`;
}

/**
 * The logos as the `content` of a page-margin box, `height` CSS pixels high, an em space apart.
 * Chromium draws a margin box's image at its own size, and draws no picture nested in an SVG there:
 * a raster logo is scaled through image-set()'s resolution, an SVG logo is given the width and height
 * wanted (its viewBox keeps the drawing). Logos whose size cannot be read are left out.
 */
export function logosCssContent(branding: Branding | undefined, height = 28): string | undefined {
  const parts: string[] = [];
  for (const logo of branding?.logos ?? []) {
    const size = imageSize(logo.bytes, logo.type);
    if (!size) continue;
    // Never wider than five times its height, so one wide logo cannot push the others off the page.
    const scale = Math.min(height / size.height, (height * 5) / size.width);
    if (logo.type === 'image/svg+xml') {
      const svg = sizedSvg(Buffer.from(logo.bytes).toString('utf8'), size, size.width * scale, size.height * scale);
      if (svg === undefined) continue;
      parts.push(`url("data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}")`);
    } else {
      parts.push(`image-set("${dataUri(logo)}" ${(1 / scale).toFixed(3)}x)`);
    }
  }
  return parts.length > 0 ? parts.join(' "\u2003" ') : undefined;
}

/** An SVG with its root's width and height set, and a viewBox of its own size when it had none. */
function sizedSvg(text: string, size: { width: number; height: number }, width: number, height: number): string | undefined {
  const root = /<svg\b[^>]*>/i.exec(text);
  if (!root) return undefined;
  let tag = root[0].replace(/\s(width|height)\s*=\s*("[^"]*"|'[^']*')/gi, '');
  if (!/\sviewBox\s*=/i.test(tag)) tag = tag.replace(/^<svg\b/i, `<svg viewBox="0 0 ${size.width} ${size.height}"`);
  tag = tag.replace(/^<svg\b/i, `<svg width="${width.toFixed(2)}" height="${height.toFixed(2)}"`);
  return text.slice(0, root.index) + tag + text.slice(root.index + root[0].length);
}
