// The progress history of road maps: what the progress rules, the progress report and the exports
// all read, computed the same way everywhere.
import type { LoadedDocument } from '../workspace/load.js';
import { firstDay, isCalendarDate, lastDay } from '../calendar/dates.js';
import { comparePeriods, isPeriod, periodRange } from '../calendar/periods.js';
import { obj, objects, str, type Obj } from './values.js';

export const REPORTING_MONTHS: Record<string, number> = { quarterly: 3, 'half-yearly': 6, yearly: 12 };

/** A progress document as the rules (a loaded document) and the reports (its value) both hold it. */
export interface ProgressLike {
  value: Obj;
}

/** The progress documents of each road map, oldest period first (documents with a readable period only). */
export function progressByRoadmap<T extends ProgressLike & { kind?: string }>(documents: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const doc of documents) {
    if (doc.kind !== undefined && doc.kind !== 'progress') continue;
    const roadmap = str(doc.value.roadmap);
    if (roadmap === undefined || !isPeriod(doc.value.period)) continue;
    const list = out.get(roadmap) ?? [];
    list.push(doc);
    out.set(roadmap, list);
  }
  for (const list of out.values()) list.sort((a, b) => comparePeriods(a.value.period as string, b.value.period as string));
  return out;
}

export interface Reading {
  value: number | string;
  /** The date measured, or the period's last day when the entry gives none. */
  date: string | undefined;
  period: string;
  entry: Obj;
  doc: ProgressLike;
}

/** Every actual value reported for one indicator, oldest period first. */
export function readings(history: readonly ProgressLike[], indicator: string): Reading[] {
  const out: Reading[] = [];
  for (const doc of history) {
    for (const [entry] of objects(doc.value.indicators, '')) {
      if (entry.indicator !== indicator) continue;
      const value = entry.actual;
      if (typeof value !== 'number' && typeof value !== 'string') continue;
      const period = doc.value.period as string;
      out.push({ value, date: str(entry.date) ?? periodRange(period)?.end, period, entry, doc });
    }
  }
  return out;
}

/** The latest status of an action: from the latest progress report that mentions it, else the road map. */
export function latestActionStatus(history: readonly ProgressLike[], action: Obj): { status: string | undefined; period?: string } {
  for (let i = history.length - 1; i >= 0; i--) {
    const doc = history[i]!;
    for (const [entry] of objects(doc.value.actions, '')) {
      if (entry.action === action.id && typeof entry.status === 'string') return { status: entry.status, period: doc.value.period as string };
    }
  }
  return { status: str(action.status) };
}

/** Every indicator of a road map with its pointer. */
export function roadmapIndicators(roadmap: Obj): Array<[Obj, string, Obj]> {
  const out: Array<[Obj, string, Obj]> = [];
  for (const [objective, p] of objects(roadmap.objectives, '/objectives')) {
    for (const [indicator, ip] of objects(objective.indicators, p, 'indicators')) out.push([indicator, ip, objective]);
  }
  return out;
}

/** The last day of the programme: the latest end in lamd.yaml's phase calendar. */
export function programmeEnd(workspace: LoadedDocument | undefined): string | undefined {
  const calendar = obj(workspace?.value.calendar);
  let end: string | undefined;
  for (const phase of Object.values(calendar ?? {})) {
    const e = str(obj(phase)?.end);
    if (e && isCalendarDate(e) && (end === undefined || lastDay(e) > end)) end = lastDay(e);
  }
  return end;
}

// Units that count people, in the report languages: their indicators need a breakdown by sex.
const PEOPLE_WORDS = new Set(
  (
    'people persons person participants participant staff officials officers civil servants employees beneficiaries migrants residents students pupils women men users trainees members operators volunteers citizens ' +
    'persone partecipanti operatori dipendenti beneficiari migranti residenti studenti alunni utenti cittadini funzionari donne uomini ' +
    'personnes participants agents fonctionnaires bénéficiaires migrants résidents élèves usagers citoyens femmes hommes employés ' +
    'persona persone pjesëmarrës punonjës nëpunës qytetarë studentë ' +
    'أشخاص شخص مشاركين مشاركون موظفين موظفون مستفيدين مهاجرين طلاب مواطنين'
  ).split(' '),
);

/** Whether an indicator's unit counts people (`persons`, `staff trained`, `partecipanti`). */
export function countsPeople(unit: unknown): boolean {
  if (typeof unit !== 'string') return false;
  const words = unit.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  return words.length > 0 && (PEOPLE_WORDS.has(words[0]!) || words.includes('people') || words.includes('persons'));
}

/** A number from a measure (`{ value: 12 }`) or a bare number. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const o = obj(value);
  return typeof o?.value === 'number' && Number.isFinite(o.value) ? o.value : undefined;
}

export type IndicatorStatus = 'achieved' | 'on-track' | 'off-track' | 'not-measurable' | 'no-data';
export const INDICATOR_STATUSES: readonly IndicatorStatus[] = ['achieved', 'on-track', 'off-track', 'not-measurable', 'no-data'];

export interface Tracking {
  baseline: { value: number | string; date?: string } | undefined;
  target: { value: number | string; date?: string } | undefined;
  /** The latest reading up to the period asked for. */
  latest: Reading | undefined;
  /** Every reading up to that period, oldest first: the trend. */
  trend: Reading[];
  /** actual ÷ target × 100, when both are numbers and the target is not 0. */
  percentOfTarget: number | undefined;
  status: IndicatorStatus;
}

function measure(value: unknown): { value: number | string; date?: string } | undefined {
  const o = obj(value);
  if (!o || (typeof o.value !== 'number' && typeof o.value !== 'string')) return undefined;
  const date = str(o.date);
  return date !== undefined ? { value: o.value, date } : { value: o.value };
}

/**
 * Where an indicator stands at the end of `upTo` (a period id; the latest report when undefined):
 * its readings so far, % of target and status. Achieved: the target is reached (going down to it
 * when the target is below the baseline; without a baseline, a target is one to reach or exceed). On
 * track: the latest value is at least where a straight line from baseline to target would be on its
 * date (without both dates: it has moved towards the target, and the target date has not passed). Off
 * track: otherwise. Not measurable: measured, but with no target, or with a target neither reached nor
 * overdue and no baseline or one in words, so no line to be on. No data: never measured.
 */
export function trackIndicator(indicator: Obj, roadmap: Obj, history: readonly ProgressLike[], upTo?: string): Tracking {
  const reports = upTo === undefined ? history : history.filter((d) => comparePeriods(d.value.period as string, upTo) <= 0);
  const id = str(indicator.id);
  const trend = id !== undefined ? readings(reports, id) : [];
  const baseline = measure(indicator.baseline);
  const target = measure(indicator.target);
  const latest = trend.at(-1);
  const tracking: Tracking = { baseline, target, latest, trend, percentOfTarget: undefined, status: 'no-data' };
  if (!latest) return tracking;
  const actual = latest.value;
  if (typeof actual === 'number' && typeof target?.value === 'number' && target.value !== 0) tracking.percentOfTarget = Math.round((actual / target.value) * 1000) / 10;
  // A donor reads "on track" as measured against the plan: without a target there is nothing to measure against.
  if (!target) {
    tracking.status = 'not-measurable';
    return tracking;
  }
  const period = obj(roadmap.period);
  const targetDate = target.date ?? str(period?.end);
  const asOf = latest.date ?? '';
  const overdue = targetDate !== undefined && isCalendarDate(targetDate) && asOf > lastDay(targetDate);
  if (typeof actual !== 'number' || typeof target.value !== 'number') {
    // A state in words is reached or not: there is no line from baseline to target to be on.
    tracking.status = String(actual).trim().toLowerCase() === String(target.value).trim().toLowerCase() ? 'achieved' : overdue ? 'off-track' : 'not-measurable';
    return tracking;
  }
  const base = typeof baseline?.value === 'number' ? baseline.value : undefined;
  const down = base !== undefined && target.value < base;
  if (down ? actual <= target.value : actual >= target.value) {
    tracking.status = 'achieved';
    return tracking;
  }
  if (overdue) {
    tracking.status = 'off-track';
    return tracking;
  }
  const startDate = baseline?.date ?? str(period?.start);
  if (base !== undefined && startDate && targetDate && isCalendarDate(startDate) && isCalendarDate(targetDate) && latest.date) {
    const t0 = Date.parse(`${firstDay(startDate)}T00:00:00Z`);
    const t1 = Date.parse(`${lastDay(targetDate)}T00:00:00Z`);
    const t = Date.parse(`${lastDay(latest.date)}T00:00:00Z`);
    const share = t1 > t0 ? Math.min(1, Math.max(0, (t - t0) / (t1 - t0))) : 1;
    const expected = base + (target.value - base) * share;
    tracking.status = (down ? actual <= expected : actual >= expected) ? 'on-track' : 'off-track';
    return tracking;
  }
  tracking.status = base === undefined ? 'not-measurable' : (down ? actual < base : actual > base) ? 'on-track' : 'off-track';
  return tracking;
}
