// Affiche la spécification de paquet npm du lamd qu'installe l'intégration continue : la ligne
// `lamd_package` de lamd.yaml (une version sur un registre comme lamd@1.2.0, l'URL d'une archive ou
// une URL git). Le workflow .github/workflows/lamd.yml le lance, si bien que lamd.yaml reste le seul
// endroit qui dit quel lamd vérifie cet espace de travail. Node.js seul, sans paquet : il s'exécute
// avant toute installation.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** La valeur d'une ligne `lamd_package:` de premier niveau : simple, 'entre apostrophes' ou "entre guillemets", un commentaire permis après. */
export function lamdPackage(text) {
  const line = /^lamd_package:[ \t]*(.*?)[ \t]*\r?$/m.exec(text);
  if (!line) return undefined;
  const value = line[1];
  const double = /^"((?:[^"\\]|\\.)*)"[ \t]*(?:#.*)?$/.exec(value);
  if (double) return JSON.parse(`"${double[1]}"`);
  const single = /^'((?:[^']|'')*)'[ \t]*(?:#.*)?$/.exec(value);
  if (single) return single[1].replace(/''/g, "'");
  const plain = /^([^#'"\s](?:[^#]|(?<! )#)*?)[ \t]*(?:[ \t]#.*)?$/.exec(value);
  return plain ? plain[1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let text;
  try {
    text = readFileSync('lamd.yaml', 'utf8');
  } catch (error) {
    process.stdout.write(`::error title=lamd::lamd.yaml ne peut pas être lu (${error.code ?? error.message}) ; lancez ce workflow depuis le dossier de l'espace de travail.\n`);
    process.exit(1);
  }
  const spec = lamdPackage(text);
  if (!spec) {
    process.stdout.write('::error file=lamd.yaml,title=lamd::lamd.yaml ne nomme aucun paquet lamd à installer. Ajoutez une ligne comme `lamd_package: lamd@1.2.0` (voir README.md, « Intégration continue »).\n');
    process.exit(1);
  }
  process.stdout.write(`${spec}\n`);
}
