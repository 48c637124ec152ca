// A road map is linked to one SDG goal; every target it names must belong to that goal (3.2.4). A goal
// the sources do not give may be marked not recorded, which is worth knowing but no error.
import { findTarget } from '../../reference/sdg.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { obj, objects, str, strings } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'roadmap/single-sdg',
    severity: 'error',
    adjustable: true,
    section: '3.2.4',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'roadmap')) {
      const sdg = obj(doc.value.sdg);
      const goal = str(sdg?.goal);
      if (sdg?.not_recorded === true) {
        findings.push(
          goal
            ? { doc, pointer: '/sdg/not_recorded', ruleId: rule.meta.id, message: t('roadmap/single-sdg.not-recorded-but-named', { goal }) }
            : {
                doc,
                pointer: '/sdg/not_recorded',
                ruleId: rule.meta.id,
                severity: 'info',
                message: t('roadmap/single-sdg.not-recorded'),
              },
        );
      }
      if (!goal) continue;
      const check = (target: string, pointer: string) => {
        const targetGoal = target.split('.')[0];
        if (targetGoal === goal || !findTarget(target)) return;
        findings.push({
          doc,
          pointer,
          dependsOn: ['/sdg/goal'],
          ruleId: rule.meta.id,
          message: t('roadmap/single-sdg.other-goal', { target, targetGoal: targetGoal!, goal }),
        });
      };
      for (const [target, pointer] of strings(sdg?.targets, '/sdg/targets')) check(target, pointer);
      for (const [local, pointer] of objects(sdg?.local_targets, '/sdg/local_targets')) {
        const target = str(local.target);
        if (target) check(target, `${pointer}/target`);
      }
    }
    return findings;
  },
};
