// The document files of a workspace: every .yaml/.yml file under it, in a stable order, skipping
// dot-folders (the bench's stamp and manifest) and node_modules. Shared by the floor scripts so
// both floors touch exactly the files lamd reads when it checks the whole workspace.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function yamlFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}
