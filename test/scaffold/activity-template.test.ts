// The template of `lamd new activity` for peer exchanges and trainings (issue 16): each municipality
// taking part becomes a delegation of the exchange, and every commented field, once uncommented with
// real ids, is one the schema and the exchange and training rules accept — in English, French and
// Italian alike.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { checkLoaded } from '../../src/check/index.js';
import { planActivity } from '../../src/scaffold/plan-new.js';
import { readWorkspaceFacts } from '../../src/scaffold/workspace-facts.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { FIXTURES, tempDir } from '../helpers/lamd.js';

/** The valid test workspace (Sfax and Tangier), its documents in `language`. */
function workspace(language: string): string {
  const root = tempDir();
  cpSync(join(FIXTURES, 'workspaces/valid'), root, { recursive: true });
  const lamdYaml = join(root, 'lamd.yaml');
  writeFileSync(lamdYaml, readFileSync(lamdYaml, 'utf8').replace('schema_version: 1\n', `schema_version: 1\nlanguage: ${language}\n`));
  return root;
}

/**
 * The document as a person completes it: every commented field uncommented (one level of `# `
 * taken off the lines that hold YAML, keeping the explanations), placeholders replaced by real ids.
 */
function completed(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const field = /^(\s*)# ((?:[a-z_]+:(?: |$)|- |\s+- |\s+[a-z_]+:).*)$/.exec(line);
      return field && !/^\s*# (yaml-language-server|end_date|planned|outcomes|follow_ups|toolbox_module:)/.test(line) ? `${field[1]}${field[2]}` : line;
    })
    .join('\n')
    .replace(/\b(slug|identifiant|identificativo)\b(?![-\w])/g, 'sfax')
    .replace(/\b(practice-id|identifiant-de-pratique|identificativo-della-pratica)\b/g, 'one-stop-shop')
    .replace(/\b(stakeholder-id|identifiant-de-partie-prenante|identificativo-del-soggetto|id)(?=, role:)/g, 'sfax-social-services');
}

describe('lamd new activity', () => {
  for (const language of ['en', 'fr', 'it']) {
    it(`lists each municipality of a peer exchange as a delegation, and a line of participants per municipality of a training (${language})`, async () => {
      const root = workspace(language);
      const facts = await readWorkspaceFacts(root);
      const [exchange] = planActivity(facts, { id: 'exchange', type: 'peer-exchange', title: 'Exchange', date: '2024-03-04', municipalities: ['sfax', 'tangier'] });
      expect(YAML.parse(exchange!.content)).toMatchObject({ delegations: [{ municipality: 'sfax' }, { municipality: 'tangier' }] });
      const [training] = planActivity(facts, { id: 'training', type: 'training', title: 'Training', date: '2022-05-04', municipalities: ['sfax', 'tangier'] });
      expect(training!.content).toMatch(/^# {5}- \{ municipality: sfax, /m);
      expect(training!.content).toMatch(/^# {5}- \{ municipality: tangier, /m);
    });

    it(`has commented fields that, filled in, pass the schema and the rules (${language})`, async () => {
      const root = workspace(language);
      const facts = await readWorkspaceFacts(root);
      for (const answers of [
        { id: 'exchange', type: 'peer-exchange', title: 'Exchange', date: '2022-09-10', municipalities: [] },
        { id: 'training', type: 'training', title: 'Training', date: '2022-05-04', municipalities: ['sfax', 'tangier'] },
      ]) {
        const [file] = planActivity(facts, answers);
        writeFileSync(join(root, file!.path), completed(file!.content));
      }
      const exchange = YAML.parse(readFileSync(join(root, 'activities/2022-09-10-exchange.yaml'), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(exchange)).toEqual(expect.arrayContaining(['format', 'host', 'presentations', 'delegations', 'learning', 'critical_areas', 'co_developed', 'products']));
      const training = YAML.parse(readFileSync(join(root, 'activities/2022-05-04-training.yaml'), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(training)).toEqual(expect.arrayContaining(['format', 'toolbox_modules', 'learning_objectives', 'trainers', 'participants', 'evaluation']));
      const result = await checkLoaded(await loadWorkspace({ cwd: root }), { today: '2024-06-01' });
      // The exchange was made with no municipality named, so its one sample delegation is one
      // municipality: the rule says so, and nothing else is wrong.
      expect(result.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['activities/2022-09-10-exchange.yaml exchange/two-municipalities']);
    });
  }
});
