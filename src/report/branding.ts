// The logos and statements of lamd.yaml's `branding`, ready to embed: each usable logo read from the
// workspace as a data: URI (a report fetches nothing), the unusable ones left out (`lamd validate`
// reports them as references/logo). Used for the cover and the foot of HTML, PDF and Word reports.
import { inspectLogo, type LogoType } from '../check/branding.js';
import type { WorkspaceDocument } from '../types/generated/index.js';
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
