// The logos lamd.yaml names for the reports' cover and footer (`branding.logos`): each must be an
// image file inside the workspace, small enough to embed. A bad one is a warning on lamd.yaml, so
// the reports are still written, without that logo. The same inspection decides what reports embed.
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { t, type Text } from '../i18n/messages.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { LoadedDocument } from '../workspace/load.js';
import type { Finding } from './finding.js';
import { objects, str } from './values.js';

/** Logos above this size are refused: a report embeds each one, in every file it writes. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export type LogoType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/svg+xml';

export type LogoInspection = { ok: true; path: string; type: LogoType; bytes: Uint8Array } | { ok: false; problem: Text };

/** The image type from a file's first bytes, or undefined for anything else. */
export function imageType(bytes: Uint8Array): LogoType | undefined {
  const b = Buffer.from(bytes.subarray(0, 512));
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  const head = b.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return undefined;
}

/** Reads one logo named in lamd.yaml, relative to the workspace root, and says what is wrong with it. */
export function inspectLogo(root: string, file: string): LogoInspection {
  if (isAbsolute(file) || /^[a-z][a-z0-9+.-]*:/i.test(file)) {
    return { ok: false, problem: t('references/logo.address', { file }) };
  }
  const path = resolve(root, file);
  const inside = (p: string, base: string) => {
    const rel = relative(base, p);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
  };
  if (!inside(path, root)) return { ok: false, problem: t('references/logo.outside', { file }) };
  let size: number;
  try {
    const stat = lstatSync(path);
    // A link may point anywhere: follow it only to a file that is still inside the workspace.
    const real = stat.isSymbolicLink() ? realpathSync(path) : path;
    if (stat.isSymbolicLink() && !inside(real, realpathSync(root))) return { ok: false, problem: t('references/logo.link-outside', { file }) };
    const target = stat.isSymbolicLink() ? lstatSync(real) : stat;
    if (!target.isFile()) return { ok: false, problem: t('references/logo.not-a-file', { file }) };
    size = target.size;
  } catch {
    return { ok: false, problem: t('references/logo.missing', { file }) };
  }
  if (size > MAX_LOGO_BYTES) {
    return { ok: false, problem: t('references/logo.too-large', { file, size: (size / 1024 / 1024).toFixed(1), max: String(MAX_LOGO_BYTES / 1024 / 1024) }) };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return { ok: false, problem: t('references/logo.unreadable', { file }) };
  }
  const type = imageType(bytes);
  if (!type) return { ok: false, problem: t('references/logo.not-an-image', { file }) };
  return { ok: true, path, type, bytes };
}

/** Findings for every logo of lamd.yaml that a report could not embed. */
export function checkBranding(workspace: LoadedDocument | undefined, root: string | undefined): Finding[] {
  if (!workspace || root === undefined) return [];
  const branding = workspace.value.branding;
  const findings: Finding[] = [];
  for (const [logo, pointer] of objects(branding && typeof branding === 'object' ? (branding as Record<string, unknown>).logos : undefined, '/branding/logos')) {
    const file = str(logo.file);
    if (file === undefined || file === '') continue;
    const inspection = inspectLogo(root, file);
    if (!inspection.ok) findings.push({ doc: workspace, pointer: `${pointer}/file`, ruleId: 'references/logo', message: t('references/logo.left-out', { problem: inspection.problem }) });
  }
  return findings;
}
