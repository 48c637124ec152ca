// Calendar dates as lamd documents write them: YYYY, YYYY-MM or YYYY-MM-DD. Partial dates stand for
// their whole span: a start counts from its first day, an end until its last.

// Dates are checked on every value of every document, so these read characters instead of running
// a regular expression and building a Date each time.

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS[month - 1]!;
}

function digits(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * YYYY, YYYY-MM or YYYY-MM-DD as one number, year * 10000 + month * 100 + day (0 for a part not
 * given), or -1: one number rather than a list of three, which a cold run made for every date it met.
 */
function parts(value: string): number {
  const length = value.length;
  if (length !== 4 && length !== 7 && length !== 10) return -1;
  const year = digits(value, 0, 4);
  if (year < 0) return -1;
  if (length === 4) return year * 10000;
  const month = value.charCodeAt(4) === 45 ? digits(value, 5, 2) : -1;
  if (month < 0) return -1;
  if (length === 7) return year * 10000 + month * 100;
  const day = value.charCodeAt(7) === 45 ? digits(value, 8, 2) : -1;
  return day < 0 ? -1 : year * 10000 + month * 100 + day;
}

/** Whether a string has the shape the schema gives dates (months 01-12, days 01-31). */
export function schemaDateShape(value: string): boolean {
  const p = parts(value);
  if (p < 0) return false;
  const month = Math.floor(p / 100) % 100;
  const day = p % 100;
  return (value.length === 4 || (month >= 1 && month <= 12)) && (value.length < 10 || (day >= 1 && day <= 31));
}

/** Whether a YYYY[-MM[-DD]] string names a real day (or month, or year). */
export function isCalendarDate(value: string): boolean {
  const p = parts(value);
  if (p < 0) return false;
  const month = value.length >= 7 ? Math.floor(p / 100) % 100 : 1;
  const day = value.length === 10 ? p % 100 : 1;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Math.floor(p / 10000), month);
}

/** First day of a (partial) date, as YYYY-MM-DD. */
export function firstDay(value: string): string {
  if (value.length === 10) return value;
  return value.length === 7 ? `${value}-01` : `${value}-01-01`;
}

/** Last day of a (partial) date, as YYYY-MM-DD. */
export function lastDay(value: string): string {
  if (value.length === 10) return value;
  const year = digits(value, 0, 4);
  const month = value.length === 7 ? digits(value, 5, 2) : 12;
  return `${value.slice(0, 4)}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** Whether a string is one whole day of the calendar written YYYY-MM-DD (what --today and day cells take). */
export function isDay(value: string): boolean {
  return value.length === 10 && isCalendarDate(value);
}
