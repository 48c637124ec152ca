// The text of each loaded file, for positions and code frames. Only files with something to report
// need it: the first MAX_KEPT_CHARS of text are kept as they are read (a workspace of a few thousand
// files, where reading each again would cost more than holding it), and beyond that a file's text is
// read again from disk on demand: on 10,000 road maps that is ~100 MB less to hold. A file read
// again is the one on disk then: should it change during the run, its positions are dropped (its size
// differs) or, at the same size, taken from the new text; a kept text is always the one checked. Runs
// that do not decode a file themselves (parallel, cached, named) read it again this way.
import { readFileSync } from 'node:fs';

/** The subset of a Map the locator and the formatters use, so tests can pass a plain Map. */
export interface SourceTexts {
  has(file: string): boolean;
  get(file: string): string | undefined;
  /** Whether the block reader (yaml-block.ts) read the text `get` gives, so its positions can be walked to (locate.ts). */
  blockRead?(file: string): boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Characters of text kept as files are read, before the rest is left on disk (16 M: ~2,500 road maps). */
export const MAX_KEPT_CHARS = 16 * 1024 * 1024;

export class LazySourceTexts implements SourceTexts {
  /** Texts that cannot be read again (standard input), and texts already read again. */
  readonly #kept = new Map<string, string>();
  /** Kept texts the block reader read; a text read again from disk is not known to be one. */
  readonly #blockRead = new Set<string>();
  /** Files to read again: where, and how many bytes they had, to notice a file changed meanwhile. */
  readonly #onDisk = new Map<string, { path: string; bytes: number }>();
  #keptChars = 0;

  constructor(private readonly budget = MAX_KEPT_CHARS) {}

  /**
   * Records a decoded file; `path` undefined means the text must be kept (standard input). An empty
   * `text` with a path records a file decoded elsewhere (another thread, an earlier run): read on demand.
   * `blockRead`: the block reader read `text` (see SourceTexts.blockRead).
   */
  add(file: string, text: string, path: string | undefined, bytes: number, blockRead = false): void {
    let kept = true;
    if (path === undefined) this.#kept.set(file, text);
    else if (text !== '' && this.#keptChars + text.length <= this.budget) {
      this.#keptChars += text.length;
      this.#kept.set(file, text);
    } else {
      this.#onDisk.set(file, { path, bytes });
      kept = false;
    }
    if (kept && blockRead) this.#blockRead.add(file);
    else this.#blockRead.delete(file);
  }

  blockRead(file: string): boolean {
    return this.#blockRead.has(file);
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
