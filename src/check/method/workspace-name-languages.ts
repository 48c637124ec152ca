// A name given per language (`name: { fr: Tanger, ar: طنجة }`) is read by reports in their own
// language, then in the workspace's report languages. A map with none of them shows its first text
// in every report, whatever the report's language: most likely a typo in a language code, or a
// report language left out of lamd.yaml.
import { languagesOf, textIn } from '../../i18n/names.js';
import type { Finding } from '../finding.js';
import { t } from '../../i18n/messages.js';
import { obj, objects, type Obj } from '../values.js';
import type { MethodRule } from './rule.js';
import { documentsOf } from './rule.js';

/** lamd's report languages when lamd.yaml names none: English only. */
const DEFAULT_REPORT_LANGUAGES = ['en'];

export const rule: MethodRule = {
  meta: {
    id: 'workspace/name-languages',
    severity: 'warning',
    adjustable: true,
    section: '3.2.1',
  },
  check(context) {
    const workspace = documentsOf(context, 'workspace')[0];
    const listed = Array.isArray(workspace?.value.languages) ? workspace.value.languages.filter((l): l is string => typeof l === 'string') : [];
    const reportLanguages = listed.length > 0 ? listed : DEFAULT_REPORT_LANGUAGES;
    const findings: Finding[] = [];
    const check = (doc: NonNullable<typeof workspace>, holder: Obj | undefined, pointer: string) => {
      for (const key of ['name', 'short_name']) {
        const name = obj(holder?.[key]);
        if (!name) continue;
        const given = languagesOf(name as Record<string, string>);
        if (given.length === 0 || given.some((lang) => reportLanguages.includes(lang))) continue;
        const shown = textIn(name as Record<string, string>, reportLanguages[0]!) ?? '';
        findings.push({
          doc,
          pointer: `${pointer}/${key}`,
          target: 'key',
          ruleId: rule.meta.id,
          message: t('workspace/name-languages.no-report-language', {
            given: given.join(', '),
            languages: reportLanguages.join(', '),
            shown,
            alternatives: reportLanguages.join(' / '),
            first: reportLanguages[0]!,
          }),
        });
      }
    };
    if (workspace) {
      const value = workspace.value;
      check(workspace, obj(value.programme), '/programme');
      check(workspace, obj(value.coordinator), '/coordinator');
      for (const [partner, pointer] of objects(value.partners, '/partners')) check(workspace, partner, pointer);
      for (const [municipality, pointer] of objects(value.municipalities, '/municipalities')) check(workspace, municipality, pointer);
    }
    for (const doc of documentsOf(context, 'stakeholders')) {
      for (const [entry, pointer] of objects(doc.value.stakeholders, '/stakeholders')) check(doc, entry, pointer);
    }
    return findings;
  },
};
