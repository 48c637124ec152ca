// Issue 13 item 6: checks that were missing: id vs file name, target before baseline, done things
// dated in the future, phone numbers without spaces, and contact data refused by `lamd new`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contactDataIn } from '../../src/check/contact-data.js';
import { runLamd, tempDir } from '../helpers/lamd.js';
import { check, lines, WORKSPACE_YAML } from '../helpers/workspace.js';

const roadmap = (id: string, body: string) => `kind: roadmap
schema_version: 1
id: ${id}
municipality: milan
title: Intersectoral governance
sdg: { goal: "10" }
${body}`;

const only = (result: Awaited<ReturnType<typeof check>>, rule: string) => lines(result, { methodRules: true }).filter((l) => l.includes(` ${rule} `));

describe('missing checks', () => {
  it('a road map whose id differs from its file name', async () => {
    const result = await check({ 'lamd.yaml': WORKSPACE_YAML, 'municipalities/milan/roadmaps/governance.yaml': roadmap('services-for-all', '') });
    expect(only(result, 'ids/file-name')).toEqual([
      'municipalities/milan/roadmaps/governance.yaml:3:5 warning ids/file-name The road map\'s id is `services-for-all` but its file is named `governance.yaml`. Other documents refer to it by its id, and people look for it by its file: rename the file to `services-for-all.yaml`, or change the id to `governance` (and every reference to it).',
    ]);
  });

  it('a file name that is no id is not offered as the id', async () => {
    const result = await check({ 'lamd.yaml': WORKSPACE_YAML, 'municipalities/milan/roadmaps/Governance plan, v2.yaml': roadmap('services-for-all', '') });
    expect(only(result, 'ids/file-name')).toEqual([
      'municipalities/milan/roadmaps/Governance plan, v2.yaml:3:5 warning ids/file-name The road map\'s id is `services-for-all` but its file is named `Governance plan, v2.yaml`. Other documents refer to it by its id, and people look for it by its file: rename the file to `services-for-all.yaml`.',
    ]);
  });

  it('an indicator target dated before its baseline', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap('governance', `objectives:
  - id: access
    title: Access
    indicators:
      - name: Departments taking part
        baseline: { value: 1, date: 2025-01 }
        target: { value: 4, date: 2024-12 }
      - name: Same year is fine
        baseline: { value: 1, date: 2025-03 }
        target: { value: 4, date: "2025" }
`),
    });
    expect(only(result, 'dates/target-before-baseline')).toEqual([
      'municipalities/milan/roadmaps/governance.yaml:13:35 error dates/target-before-baseline The target of `Departments taking part` is dated 2024-12, before its baseline (2025-01). A target is the value aimed for after the baseline: check both dates.',
    ]);
  });

  it('an endorsement or an adoption dated in the future', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap('governance', `endorsements:
  - { type: council-resolution, date: 2099-03-12 }
adoption: { status: approved, date: 2099-04 }
`),
    });
    const found = only(result, 'dates/future');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^municipalities\/milan\/roadmaps\/governance.yaml:8:39 warning dates\/future An endorsement is dated 2099-03-12, after today \(\d{4}-\d{2}-\d{2}\): it records something already done/);
  });

  it.each([
    ['0661234567', 'phone'],
    ['06 61 23 45 67', 'phone'],
    ['06.61.23.45.67', 'phone'],
    ['+212 661-234567', 'phone'],
    ['+212661234567', 'phone'],
    ['00212 6 61 23 45 67', 'phone'],
    ['Ali, ali@example.org', 'email'],
    ['population 1000000', undefined],
    ['a share of 0.661234567', undefined],
    ['2025-01-01', undefined],
    ['target 10.7 and 10.c', undefined],
    ['id 0123456789abc', undefined],
  ])('contact data in %j: %s', (text, expected) => {
    expect(contactDataIn(text)).toBe(expected);
  });

  it('lamd new stakeholder refuses contact data before writing', async () => {
    const cwd = tempDir();
    expect((await runLamd(['init', 'demo', '--yes', '--name', 'Sfax', '--country', 'TN', '--lang', 'fr', '--start', '2025-01-01', '--end', '2025-12-31'], { cwd })).status).toBe(0);
    const root = join(cwd, 'demo');
    const before = readFileSync(join(root, 'stakeholders.yaml'), 'utf8');
    const result = await runLamd(['new', 'stakeholder', 'ali', '--name', 'Ali Ben Salah, 0661234567', '--type', 'expert'], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('The name contains a phone number.');
    expect(readFileSync(join(root, 'stakeholders.yaml'), 'utf8')).toBe(before);
  });
});
