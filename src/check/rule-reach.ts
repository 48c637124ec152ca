// Which documents a rule's findings can land on, so that a run reporting only some files (one road
// map named in a workspace of many) skips what could only be reported on the others.
import type { DocumentKind } from '../workspace/kinds.js';

/**
 * Rules whose findings on a document are drawn from that document and the id index alone: given
 * only the reported documents, they find on them what they find given every document. Every
 * references rule resolves a document's own references against the index; ids/unique inside a
 * road map (checkRoadmapItemIds) and the date and consistency checks are given them already.
 */
export const ONE_DOCUMENT_AT_A_TIME: ReadonlySet<string> = new Set([
  'privacy/contact-data',
  'workspace/examples-remaining',
  'references/municipality',
  'references/partner',
  'references/practice',
  'references/stakeholder',
  'references/activity',
  'references/roadmap',
  'references/indicator',
  'references/action',
  'references/objective',
  'references/challenge',
  'references/sdg-target',
  'references/country',
]);

/**
 * Rules whose findings land only on documents of these kinds (whatever other documents they read):
 * a check that reports none of those kinds has nothing to keep from them. A rule not listed may
 * report on any document.
 */
export const REPORTS_ONLY_ON: ReadonlyMap<string, readonly DocumentKind[]> = new Map<string, readonly DocumentKind[]>([
  ['roadmap/single-sdg', ['roadmap']],
  ['roadmap/sdg-targets', ['roadmap']],
  ['roadmap/design-inclusion', ['roadmap']],
  ['roadmap/learning-continuum', ['roadmap']],
  ['roadmap/cross-sectoral', ['roadmap']],
  ['roadmap/evidence', ['roadmap']],
  ['roadmap/continuity', ['roadmap']],
  ['endorsement/municipality', ['profile', 'workspace']],
  ['endorsement/roadmap', ['roadmap']],
  ['practice/borrowed', ['practice']],
  ['practice/exchange-behind-stage', ['practice']],
  ['exchange/two-municipalities', ['activity']],
  ['exchange/presenter', ['activity']],
  ['exchange/every-municipality', ['workspace']],
  ['training/participants', ['activity']],
  ['training/sex-breakdown', ['activity']],
  ['training/cross-departmental', ['activity']],
  ['training/before-peer-exchange', ['activity']],
  ['calendar/phase-order', ['workspace']],
  ['calendar/phase-length', ['workspace']],
  ['calendar/milestone-overdue', ['workspace']],
  ['calendar/municipality-lagging', ['workspace']],
  ['dates/action-in-period', ['roadmap']],
  ['dates/calendar', ['roadmap', 'activity']],
  ['dates/overdue', ['roadmap']],
  ['progress/after-programme', ['roadmap']],
  ['progress/budget', ['progress']],
  ['progress/late-report', ['roadmap']],
  ['progress/never-measured', ['roadmap']],
  ['progress/overlapping-periods', ['progress']],
  ['progress/sex-breakdown', ['progress']],
  ['progress/target-missed', ['roadmap']],
  ['progress/verification', ['progress']],
  ['workspace/name-languages', ['workspace', 'stakeholders']],
]);
