// A road map's (or an action's money's) link to the municipality's plan or budget, as reports and
// spreadsheets write it: the instrument, then its section and budget programme (publication 3.2.4,
// 4.3). Progress reports written before the link had fields give it as words, kept as they are.
import type { RoadmapDocument } from '../../types/generated/index.js';
import { joinMd, md, type Md } from '../markdown.js';

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
