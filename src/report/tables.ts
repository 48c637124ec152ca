// Quieter tables: a report says "not recorded" once per table, not once per cell. Runs over the
// Markdown a template produced (lamd's own or a workspace's), so every report and every override gets
// the same treatment: a column recorded for no row is left out and named in one note under the table;
// a value missing in only some rows becomes a dash, explained by the same note.

/** The cells of one GFM table row, split at pipes that are not escaped (`\|` stays inside a cell). */
export function splitRow(line: string): string[] {
  const body = line.trim().replace(/^\|/, '');
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      cell += c + body[i + 1]!;
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  if (cell.trim() !== '') cells.push(cell.trim());
  return cells;
}

const joinRow = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const joinDelimiter = (cells: readonly string[]): string => `|${cells.join("|")}|`;
const DELIMITER = /^\|(?:\s*:?-+:?\s*\|)+\s*$/;

export interface QuietTableTexts {
  /** "not recorded", escaped as the report writes it. */
  notRecorded: string;
  /** The mark put in a cell whose value is not recorded. */
  dash: string;
  /** The note under a table, given the columns left out (may be empty) and whether dashes were used. */
  note: (omitted: string[], dashes: boolean) => string | undefined;
}

/** Rewrites every table of `markdown` (outside code blocks) as described above. */
export function quietTables(markdown: string, texts: QuietTableTexts): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(```|~~~)/.test(line)) fence = !fence;
    const next = lines[i + 1];
    if (fence || !line.startsWith('|') || next === undefined || !DELIMITER.test(next)) {
      out.push(line);
      continue;
    }
    const header = splitRow(line);
    const delimiter = splitRow(next);
    const rows: string[][] = [];
    let j = i + 2;
    while (j < lines.length && lines[j]!.startsWith('|')) rows.push(splitRow(lines[j++]!));
    i = j - 1;
    out.push(...quietTable(header, delimiter, rows, texts));
  }
  return out.join('\n');
}

function quietTable(header: string[], delimiter: string[], rows: string[][], texts: QuietTableTexts): string[] {
  const missing = (cell: string | undefined) => cell === undefined || cell === '' || cell === texts.notRecorded;
  const keep = header.map((_, c) => c === 0 || rows.length === 0 || rows.some((r) => !missing(r[c])));
  // A table reduced to its first column says nothing: keep it whole.
  const kept = keep.filter(Boolean).length;
  if (kept < 2) keep.fill(true);
  // A column left empty (nothing to say, such as no breakdown) goes without a note; one that says
  // "not recorded" is named.
  const omitted = header.filter((_, c) => !keep[c] && rows.some((r) => r[c] === texts.notRecorded));
  let dashes = false;
  const pick = <T>(cells: T[]) => cells.filter((_, c) => keep[c]);
  const body = rows.map((r) =>
    joinRow(
      pick(header.map((_, c) => r[c] ?? '')).map((cell) => {
        if (cell !== texts.notRecorded) return cell;
        dashes = true;
        return texts.dash;
      }),
    ),
  );
  const table = [joinRow(pick(header)), joinDelimiter(pick(delimiter.length === header.length ? delimiter : header.map(() => '---'))), ...body];
  const note = omitted.length > 0 || dashes ? texts.note(omitted, dashes) : undefined;
  return note ? [...table, '', note] : table;
}
