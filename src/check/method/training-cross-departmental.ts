// A municipality sends staff of more than one department to a training: mainstreaming migration is a
// whole-of-administration exercise, and the pilot's training and working groups drew on several
// departments of each city (3.2.3, 4.4).
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { str } from '../values.js';
import type { MethodRule } from './rule.js';
import { participantGroups, trainingsOf } from './training-facts.js';

export const rule: MethodRule = {
  meta: {
    id: 'training/cross-departmental',
    severity: 'warning',
    adjustable: true,
    section: '4.4',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of trainingsOf(context)) {
      const units = new Map<string, { units: Set<string>; pointer: string }>();
      for (const [group, pointer] of participantGroups(doc.value)) {
        const slug = str(group.municipality);
        const unit = str(group.unit);
        // Groups without a unit say nothing about departments: the rule cannot tell.
        if (!slug || !unit) continue;
        const entry = units.get(slug) ?? { units: new Set<string>(), pointer };
        entry.units.add(unit.trim().toLowerCase());
        units.set(slug, entry);
      }
      for (const [slug, entry] of units) {
        if (entry.units.size > 1) continue;
        findings.push({ doc, pointer: `${entry.pointer}/unit`, ruleId: rule.meta.id, message: t('training/cross-departmental.one-unit', { slug }) });
      }
    }
    return findings;
  },
};
