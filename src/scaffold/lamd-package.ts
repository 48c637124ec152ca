// The npm package spec of the lamd a workspace's CI installs (`lamd init --lamd-package`, recorded as
// `lamd_package` in lamd.yaml): checked with npm's own parser, so what lamd accepts npm installs.
import npa from 'npm-package-arg';
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
  const example = 'a version on a registry (lamd@1.2.0), a tarball URL (https://example.org/lamd-1.2.0.tgz) or a git URL (git+https://example.org/lamd.git#v1.2.0)';
  // A line break or control character would not survive lamd.yaml's one line, nor npm's command line.
  if (spec === '' || /[\u0000-\u001f\u007f]/.test(spec)) throw new UsageError(`${flag} needs an npm package spec: ${example}.`);
  let parsed;
  try {
    parsed = npa(spec);
  } catch (error) {
    throw new UsageError(`${flag} ${JSON.stringify(spec)} is not an npm package spec (${firstLine(error)}). Give ${example}.`);
  }
  if (parsed.type === 'directory') {
    throw new UsageError(`${flag} ${JSON.stringify(spec)} names a folder on this computer, which a CI runner does not have. Give ${example}; a tarball made by \`npm pack\` and committed to the workspace works too (./lamd-1.2.0.tgz).`);
  }
  if (parsed.registry && (parsed.name === null || !NAME.test(parsed.name))) {
    throw new UsageError(`${flag} ${JSON.stringify(spec)} does not name a package npm can install (package names are lowercase, with no spaces). Give ${example}.`);
  }
  const pinned = parsed.type === 'version' || parsed.type === 'remote' || parsed.type === 'file' || (parsed.type === 'git' && /#./.test(spec)) || (parsed.type === 'alias' && /@\d+\.\d+\.\d+(?:[-+][\w.-]*)?$/.test(spec));
  return { spec, pinned };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/\.$/, '');
}
