// The output formats of `lamd validate`, each loaded only when chosen: a run pays for one formatter.
import type { Formatter } from './context.js';

export const FORMATS = ['pretty', 'json', 'github', 'junit', 'sarif'] as const;

export type FormatName = (typeof FORMATS)[number];

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  // One literal import() per format, so a formatter is run (initialised in the bundle) only when it prints.
  switch (name) {
    case 'pretty':
      return (await import('./pretty.js')).formatPretty;
    case 'json':
      return (await import('./json.js')).formatJson;
    case 'github':
      return (await import('./github.js')).formatGithub;
    case 'junit':
      return (await import('./junit.js')).formatJunit;
    case 'sarif':
      return (await import('./sarif.js')).formatSarif;
    default:
      // Reached only by a caller that skipped the type check (commander validates the choice).
      throw new TypeError(`Unknown output format: ${String(name satisfies never)}`);
  }
}
