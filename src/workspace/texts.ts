// The text of each loaded file, for positions and code frames. Only files with something to report
// need it, so a file's text is read again from disk on demand instead of being kept for the whole
// run: on 10,000 road maps that is ~100 MB less to hold.
import { readFileSync } from 'node:fs';

/** The subset of a Map the locator and the formatters use, so tests can pass a plain Map. */
export interface SourceTexts {
  has(file: string): boolean;
  get(file: string): string | undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export class LazySourceTexts implements SourceTexts {
  /** Texts that cannot be read again (standard input), and texts already read again. */
  readonly #kept = new Map<string, string>();
  /** Files to read again: where, and how many bytes they had, to notice a file changed meanwhile. */
  readonly #onDisk = new Map<string, { path: string; bytes: number }>();

  /** Records a decoded file; `path` undefined means the text must be kept (standard input). */
  add(file: string, text: string, path: string | undefined, bytes: number): void {
    if (path === undefined) this.#kept.set(file, text);
    else this.#onDisk.set(file, { path, bytes });
  }

  has(file: string): boolean {
    return this.#kept.has(file) || this.#onDisk.has(file);
  }

  get(file: string): string | undefined {
    const kept = this.#kept.get(file);
    if (kept !== undefined) return kept;
    const source = this.#onDisk.get(file);
    if (!source) return undefined;
    let text: string | undefined;
    try {
      const bytes = readFileSync(source.path);
      // Edited since it was checked: its positions would point at the wrong lines.
      if (bytes.length === source.bytes) text = utf8.decode(bytes);
    } catch {
      text = undefined;
    }
    this.#onDisk.delete(file);
    if (text !== undefined) this.#kept.set(file, text);
    return text;
  }
}
