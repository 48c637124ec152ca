// Migrants' and diaspora organisations, or experts with a migration background, take part in the
// *design* of a road map, not only in its implementation (5.1.2; 4.5 found the pilot involved them
// mostly during implementation).
import type { Finding } from '../finding.js';
import { t } from '../../i18n/messages.js';
import type { WorkspaceIndex } from '../workspace-index.js';
import { objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

const MIGRANT_TYPES = new Set(['migrant-association', 'diaspora-association']);

/** Whether a registered stakeholder brings migrants' perspectives. */
export function bringsMigrantVoice(index: WorkspaceIndex, id: string): boolean {
  const entry = index.stakeholders.get(id)?.value;
  return entry?.migration_background === true || MIGRANT_TYPES.has(str(entry?.type) ?? '');
}

export const rule: MethodRule = {
  meta: {
    id: 'roadmap/design-inclusion',
    severity: 'warning',
    adjustable: true,
    section: '5.1.2',
  },
  check(context) {
    const findings: Finding[] = [];
    if (!context.index.checksStakeholders) return findings;
    for (const doc of documentsOf(context, 'roadmap')) {
      let inDesign = false;
      let onlyImplementation: string | undefined;
      for (const [member] of objects(doc.value.working_group, '/working_group')) {
        const id = str(member.stakeholder);
        if (!id || !bringsMigrantVoice(context.index, id)) continue;
        if (member.involvement === 'design' || member.involvement === 'both') inDesign = true;
        else onlyImplementation ??= id;
      }
      if (inDesign) continue;
      findings.push({
        doc,
        pointer: doc.value.working_group === undefined ? '' : '/working_group',
        // Who is in design is read from each member's stakeholder and involvement.
        dependsOn: ['/working_group'],
        ruleId: rule.meta.id,
        message: onlyImplementation ? t('roadmap/design-inclusion.implementation-only', { stakeholder: onlyImplementation }) : t('roadmap/design-inclusion.none'),
      });
    }
    return findings;
  },
};
