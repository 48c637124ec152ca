// Checks across the fields of one document that the schema cannot express: an id that differs from
// its file's name, an indicator's target dated before its baseline, and things recorded as done
// (an endorsement, an adoption, a finished action) dated after today.
import { basename } from 'node:path';
import { t } from '../i18n/messages.js';
import { isSafeId } from '../workspace/id-form.js';
import type { LoadedDocument } from '../workspace/load.js';
import type { Finding } from './finding.js';
import { obj, objects, str } from './values.js';

/** YYYY[-MM[-DD]] → its first day, or its last one (`-31` is enough for comparing strings). */
const firstDay = (date: string) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);
const lastDay = (date: string) => (date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date);
const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value);

/** Kinds whose file `lamd new` names after the id: `roadmaps/<id>.yaml`, `practices/<id>.yaml`. */
const NAMED_BY_ID = new Set(['roadmap', 'practice']);

export function checkConsistency(documents: readonly LoadedDocument[], today: string): Finding[] {
  const findings: Finding[] = [];
  for (const doc of documents) {
    const v = doc.value;
    const noun = NAMED_BY_ID.has(doc.kind);
    const id = str(v.id);
    if (noun && id && doc.path !== undefined) {
      const name = basename(doc.path).replace(/\.ya?ml$/i, '');
      if (name !== id) {
        findings.push({
          doc,
          pointer: '/id',
          ruleId: 'ids/file-name',
          // The id is offered from the file's name only when it would be a valid id itself.
          message: t('ids/file-name.differs', { kind: doc.kind, id, file: basename(doc.path), name, nameIsId: isSafeId(name) ? 'yes' : 'no' }),
        });
      }
    }

    if (doc.kind === 'roadmap') {
      for (const [objective, op] of objects(v.objectives, '/objectives')) {
        for (const [indicator, ip] of objects(objective.indicators, op, 'indicators')) {
          const baseline = obj(indicator.baseline)?.date;
          const target = obj(indicator.target)?.date;
          if (isDate(baseline) && isDate(target) && lastDay(target) < firstDay(baseline)) {
            findings.push({
              doc,
              pointer: `${ip}/target/date`,
              dependsOn: [`${ip}/baseline/date`],
              ruleId: 'dates/target-before-baseline',
              message: t('dates/target-before-baseline.before', { indicator: str(indicator.name) ?? str(indicator.id) ?? '', target, baseline }),
            });
          }
        }
      }
      const adoption = obj(v.adoption);
      if (adoption && str(adoption.status) !== 'draft') future(doc, adoption.date, '/adoption/date', 'adoption', str(adoption.status) ?? '');
      for (const [action, ap] of objects(v.actions, '/actions')) {
        if (action.status === 'done') future(doc, action.start, `${ap}/start`, 'action', str(action.id) ?? '');
      }
    }
    if (doc.kind === 'profile' || doc.kind === 'roadmap') {
      for (const [endorsement, ep] of objects(v.endorsements, '/endorsements')) future(doc, endorsement.date, `${ep}/date`, 'endorsement', '');
    }
  }
  return findings;

  function future(doc: LoadedDocument, date: unknown, pointer: string, what: 'adoption' | 'action' | 'endorsement', name: string): void {
    if (!isDate(date) || firstDay(date) <= today) return;
    findings.push({ doc, pointer, ruleId: 'dates/future', message: t(`dates/future.${what}`, { name, date, today }) });
  }
}
