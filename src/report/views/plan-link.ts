// A road map's (or an action's money's) link to the municipality's plan or budget, as reports and
// spreadsheets write it: the instrument, then its section and budget programme (publication 3.2.4,
// 4.3). Progress reports written before the link had fields give it as words, kept as they are.
import type { ProgressDocument, RoadmapDocument } from '../../types/generated/index.js';
import { joinMd, md, type Md } from '../markdown.js';
import type { ViewContext } from './context.js';

export type PlanLink = NonNullable<RoadmapDocument['institutionalisation']>[number];

/** The parts that say where: instrument, section, budget programme, as recorded. */
function placeParts(link: string | Partial<PlanLink>): string[] {
  if (typeof link === 'string') return [link];
  return [link.instrument, link.section, link.budget_programme].filter((p): p is string => typeof p === 'string' && p !== '');
}

/**
 * Where, as plain words for a spreadsheet cell or a grouping key: "DUP 2025-2027, Mission 12,
 * Programme 04", the way people write a plan reference, so a filled-in workbook reads it back.
 */
export function planPlace(link: string | Partial<PlanLink> | undefined): string {
  return link === undefined ? '' : placeParts(link).join(', ');
}

/** Where, for a report: the instrument, then its section and budget programme ("DUP 2025-2027 – Mission 12 – Programme 04"). */
export function planPlaceMd(link: string | Partial<PlanLink> | undefined): Md | undefined {
  const parts = link === undefined ? [] : placeParts(link);
  return parts.length ? joinMd(parts.map((p) => md(p)), ' – ') : undefined;
}

/** A section and budget programme alone, for a table that shows the instrument in its own column. */
export function planSectionMd(link: Partial<PlanLink>): Md | undefined {
  const parts = [link.section, link.budget_programme].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length ? joinMd(parts.map((p) => md(p)), ' – ') : undefined;
}

/**
 * Where the road map stands in the municipality's plans: the institutionalisation of the latest progress
 * report that records one (a report that leaves it out does not say it went back), with its period.
 */
export function latestInstitutionalisation(reports: readonly ProgressDocument[]): { link: NonNullable<ProgressDocument['institutionalisation']>; period: string } | undefined {
  for (let i = reports.length - 1; i >= 0; i--) {
    const link = reports[i]!.institutionalisation;
    if (link) return { link, period: reports[i]!.period };
  }
  return undefined;
}

/** One instrument the road map enters, with its status; `reported` when the status is a progress report's. */
export interface Institutionalised {
  link: Partial<PlanLink>;
  status: string | undefined;
  date: string | undefined;
  reported: boolean;
}

/**
 * The road map's instruments as they stand: the road map's own, the one the latest progress report names
 * taking that report's status and date instead of the planned ones; an instrument only the report names
 * comes first. Every report that shows where a road map entered the plans reads it from here.
 */
export function institutionalisedIn(r: RoadmapDocument, reports: readonly ProgressDocument[]): Institutionalised[] {
  const latest = latestInstitutionalisation(reports)?.link;
  const reported: Institutionalised | undefined = latest && { link: latest, status: latest.status, date: latest.date, reported: true };
  const planned = r.institutionalisation ?? [];
  const at = latest ? reportedIndex(planned, latest) : -1;
  const rows = planned.map((i, n): Institutionalised => (n === at ? { ...reported!, link: { ...i, ...latest } } : { link: i, status: i.status, date: i.date, reported: false }));
  return reported && at === -1 ? [reported, ...rows] : rows;
}

/**
 * The planned instrument a report's institutionalisation speaks of, or -1: the road map's only one when the
 * report names none (the schema asks only for a status); else the first of the name it gives whose section
 * and budget programme agree with the report's, so one budget line named twice does not show twice.
 */
function reportedIndex(planned: readonly Partial<PlanLink>[], latest: Partial<PlanLink>): number {
  if (latest.instrument === undefined) return planned.length === 1 ? 0 : -1;
  const named = planned.flatMap((i, n) => (i.instrument === latest.instrument ? [n] : []));
  const agrees = (i: Partial<PlanLink>) => (latest.section === undefined || i.section === latest.section) && (latest.budget_programme === undefined || i.budget_programme === latest.budget_programme);
  return named.find((n) => agrees(planned[n]!)) ?? named[0] ?? -1;
}

/** An instrument's status in words: a progress report's as the progress report words it, else the road map's. */
export function institutionalisedStatus(ctx: ViewContext, i: Institutionalised): Md | undefined {
  return ctx.m.label(i.reported ? 'progress_institutionalisation' : 'instrument_status', i.status);
}
