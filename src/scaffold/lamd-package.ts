// The npm package spec of the lamd a workspace's CI installs (`lamd init --lamd-package`, recorded as
// `lamd_package` in lamd.yaml): checked with npm's own parser, so what lamd accepts npm installs.
import npa from 'npm-package-arg';
import { t } from '../i18n/messages.js';
import { UsageError } from '../errors.js';

export interface LamdPackage {
  spec: string;
  /** Whether the spec names one exact release (a version, a tarball, a git commit or tag), so every CI run installs the same lamd. */
  pinned: boolean;
}

/** A package name npm accepts for new packages: lowercase, URL-safe, optionally scoped. */
const NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/** The default: this lamd itself, by the name and version in its package.json. */
export function ownPackage(manifest: { name: string; version: string }): string {
  return `${manifest.name}@${manifest.version}`;
}

export function parseLamdPackage(value: string, flag: string): LamdPackage {
  const spec = value.trim();
  const example = t('package.example');
  // A line break or control character would not survive lamd.yaml's one line, nor npm's command line.
  if (spec === '' || /[\u0000-\u001f\u007f]/.test(spec)) throw new UsageError(t('package.empty', { flag, example }));
  let parsed;
  try {
    parsed = npa(spec);
  } catch (error) {
    throw new UsageError(t('package.not-a-spec', { flag, spec: JSON.stringify(spec), error: firstLine(error), example }));
  }
  if (parsed.type === 'directory') {
    throw new UsageError(t('package.folder', { flag, spec: JSON.stringify(spec), example }));
  }
  if (parsed.registry && (parsed.name === null || !NAME.test(parsed.name))) {
    throw new UsageError(t('package.bad-name', { flag, spec: JSON.stringify(spec), example }));
  }
  const pinned = parsed.type === 'version' || parsed.type === 'remote' || parsed.type === 'file' || (parsed.type === 'git' && /#./.test(spec)) || (parsed.type === 'alias' && /@\d+\.\d+\.\d+(?:[-+][\w.-]*)?$/.test(spec));
  return { spec, pinned };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/\.$/, '');
}
