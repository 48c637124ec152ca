// Writes lamd's addresses into package.json from one value, the repository's web address:
// `repository`, `homepage` and `bugs` all follow from it, and lamd's rule links follow `homepage`.
//
//   node scripts/set-package-address.mjs https://github.com/<owner>/<repo>
//
// The release workflow runs it with the repository it runs in, so a published package names the
// repository that built it (npm provenance checks `repository.url` against it); a clone names no
// address until its maintainers choose one (and may commit the result).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const file = new URL('../package.json', import.meta.url);

/** `repository`, `homepage` and `bugs` for a repository's web address. */
export function addresses(web) {
  let url;
  try {
    url = new URL(web);
  } catch {
    throw new Error(`"${web}" is not a web address; give the repository's, such as https://github.com/owner/lamd.`);
  }
  if (url.protocol !== 'https:') throw new Error(`"${web}" is not an https address.`);
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\.git$/, '')}`;
  return {
    repository: { type: 'git', url: `git+${base}.git` },
    homepage: `${base}#readme`,
    bugs: { url: `${base}/issues` },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const web = process.argv[2];
  if (!web) {
    process.stderr.write('usage: node scripts/set-package-address.mjs https://github.com/<owner>/<repo>\n');
    process.exit(2);
  }
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    // Keys after `license`, where npm puts them, whatever order the file had.
    const { repository: _r, homepage: _h, bugs: _b, ...rest } = pkg;
    const out = {};
    for (const [key, value] of Object.entries(rest)) {
      out[key] = value;
      if (key === 'license') Object.assign(out, addresses(web));
    }
    if (!('license' in rest)) Object.assign(out, addresses(web));
    const tmp = new URL('../package.json.tmp', import.meta.url);
    writeFileSync(tmp, `${JSON.stringify(out, null, 2)}\n`);
    renameSync(tmp, file);
    process.stdout.write(`package.json: repository, homepage and bugs now follow ${web}\n`);
  } catch (error) {
    process.stderr.write(`set-package-address: ${error.message}\n`);
    process.exit(2);
  }
}
