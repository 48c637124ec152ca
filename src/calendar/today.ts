// What "today" means to lamd, in one place: the calendar date on the computer lamd runs on, in its
// time zone (the TZ environment variable, else the system's). `lamd init` and `lamd new` default to
// it; `lamd validate` and `lamd report` count overdue actions and due progress reports from it.
// CI runners usually run in UTC; `--today YYYY-MM-DD` fixes the date for reproducible runs.

/** The local calendar date of `now`, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
