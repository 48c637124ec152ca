// Stampa la specifica di pacchetto npm del lamd che l'integrazione continua installa: la riga
// `lamd_package` di lamd.yaml (una versione su un registro come lamd@1.2.0, l'indirizzo di un archivio
// oppure un URL git). Il workflow .github/workflows/lamd.yml lo esegue, così lamd.yaml resta l'unico
// posto che dice quale lamd verifica questo spazio di lavoro. Solo Node.js, nessun pacchetto: gira
// prima di ogni installazione.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Il valore di una riga `lamd_package:` di primo livello: semplice, 'tra apici' o "tra virgolette", con un commento ammesso dopo. */
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
    process.stdout.write(`::error title=lamd::lamd.yaml non può essere letto (${error.code ?? error.message}); eseguite questo workflow dalla cartella dello spazio di lavoro.\n`);
    process.exit(1);
  }
  const spec = lamdPackage(text);
  if (!spec) {
    process.stdout.write('::error file=lamd.yaml,title=lamd::lamd.yaml non indica alcun pacchetto lamd da installare. Aggiungete una riga come `lamd_package: lamd@1.2.0` (vedete README.md, «Integrazione continua»).\n');
    process.exit(1);
  }
  process.stdout.write(`${spec}\n`);
}
