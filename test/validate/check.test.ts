import { describe, expect, it } from 'vitest';
import { check, lines, STAKEHOLDERS_YAML, WORKSPACE_YAML } from '../helpers/workspace.js';

const roadmap = (body: string) => `kind: roadmap
schema_version: 1
id: governance
municipality: milan
title: Intersectoral governance
${body}`;

describe('schema diagnostics', () => {
  it('reports every error of a document, each at its own line and column', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap(`sdg:
  goal: 10
  targets: ["10.7", "10.7"]
actions:
  - id: Leaflets
    title: Leaflets
    start: 2021-13-01
    status: finished
    lead: Welfare
`),
    });
    expect(lines(result)).toEqual([
      'municipalities/milan/roadmaps/governance.yaml:7:9 error schema/type `sdg.goal` should be text, not the number 10; put it in quotes: "10".',
      'municipalities/milan/roadmaps/governance.yaml:8:21 error schema/duplicate-item `sdg.targets` lists "10.7" twice.',
      'municipalities/milan/roadmaps/governance.yaml:10:9 error schema/format `actions[0].id` is "Leaflets", which is not a safe id: use lowercase letters a-z, digits and single hyphens, like `pal-policy-paper`.',
      'municipalities/milan/roadmaps/governance.yaml:12:12 error schema/format `actions[0].start` is "2021-13-01", which is not a date: write YYYY-MM-DD, or YYYY-MM or YYYY when only that is known.',
      'municipalities/milan/roadmaps/governance.yaml:13:13 error schema/enum `actions[0].status` is "finished", which is not one of: planned, in-progress, done, postponed, cancelled, not-recorded.',
      'municipalities/milan/roadmaps/governance.yaml:14:5 error schema/unknown-property `lead` is not a field lamd knows in `actions[0]`; did you mean `lead_unit`?',
    ]);
  });

  it('points at the parent when something required is missing', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap('sdg:\n  targets: ["10.7"]\n'),
    });
    expect(lines(result)).toEqual([
      'municipalities/milan/roadmaps/governance.yaml:6:1 error schema/required `sdg` needs one of `goal` or `not_recorded`.',
    ]);
  });

  it('reports the likeliest branch of an anyOf, not every alternative', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap(`sdg: { goal: "10" }
sources:
  - { titel: Box 3 }
  - 42
  - Plain citation
`),
    });
    expect(lines(result)).toEqual([
      'municipalities/milan/roadmaps/governance.yaml:8:5 error schema/required `sources[0]` is missing `title` (Title of the publication, page or dataset).',
      'municipalities/milan/roadmaps/governance.yaml:8:7 error schema/unknown-property `titel` is not a field lamd knows in `sources[0]`; did you mean `title`?',
      'municipalities/milan/roadmaps/governance.yaml:9:5 error schema/type `sources[1]` should be text or a mapping (key: value lines), not the number 42.',
    ]);
  });

  it('asks for a value or not_recorded on a figure', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/profile.yaml': 'kind: profile\nschema_version: 1\nmunicipality: milan\npopulation: { as_of: "2020" }\n',
    });
    expect(lines(result)).toEqual([
      'municipalities/milan/profile.yaml:4:1 error schema/required `population` needs one of `value` or `not_recorded`.',
    ]);
  });

  it('names the schema version a document must follow', async () => {
    const result = await check({ 'lamd.yaml': WORKSPACE_YAML.replace('schema_version: 1', 'schema_version: 2') });
    expect(lines(result)).toEqual(['lamd.yaml:2:17 error schema/version `schema_version` is the number 2, but this version of lamd reads documents of schema version 1.']);
  });
});

describe('workspace checks', () => {
  it('accepts a workspace whose references all resolve', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'stakeholders.yaml': STAKEHOLDERS_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap(`sdg: { goal: "10", targets: ["10.2"] }
working_group:
  - { stakeholder: welfare, involvement: both }
`),
    });
    expect(lines(result)).toEqual([]);
  });

  it('reports references that lead nowhere, with a suggestion', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'stakeholders.yaml': STAKEHOLDERS_YAML,
      'municipalities/milan/roadmaps/governance.yaml': `kind: roadmap
schema_version: 1
id: governance
municipality: milano
title: Governance
sdg: { goal: "10", targets: ["10.99", "10.c"] }
builds_on: [one-stop-shop]
objectives:
  - { id: coordination, title: Coordination }
actions:
  - id: meetings
    title: Meetings
    objective: coordinaton
    stakeholders:
      - stakeholder: welfar
`,
    });
    expect(lines(result)).toEqual([
      'municipalities/milan/roadmaps/governance.yaml:4:15 error references/municipality There is no municipality `milano` in the municipalities of lamd.yaml; did you mean `milan`?',
      'municipalities/milan/roadmaps/governance.yaml:6:30 error references/sdg-target There is no SDG target 10.99. `lamd sdg 10` lists the targets of goal 10.',
      'municipalities/milan/roadmaps/governance.yaml:7:13 error references/practice There is no practice `one-stop-shop` among the practices of the workspace (municipalities/<slug>/practices/).',
      'municipalities/milan/roadmaps/governance.yaml:13:16 error references/objective This road map has no objective `coordinaton`; did you mean `coordination`?',
      'municipalities/milan/roadmaps/governance.yaml:15:22 error references/stakeholder There is no stakeholder `welfar` in stakeholders.yaml; did you mean `welfare`?',
    ]);
  });

  it('reports stakeholder references when the workspace has no stakeholders.yaml, not when it has an unreadable one', async () => {
    const files = {
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap(`sdg: { goal: "10", targets: ["10.2"] }
working_group:
  - { stakeholder: nobody-at-all, involvement: both }
`),
    };
    expect(lines(await check(files))).toEqual([
      'municipalities/milan/roadmaps/governance.yaml:8:20 error references/stakeholder There is no stakeholder `nobody-at-all`: the workspace has no stakeholders.yaml yet. Create it with `lamd new stakeholder nobody-at-all`, which also adds this one.',
    ]);
    // An unreadable registry has its own diagnostic; every reference would be noise on top of it.
    const broken = await check({ ...files, 'stakeholders.yaml': 'kind: stakeholders\nstakeholders: [\n' });
    expect(lines(broken).map((l) => l.split(' ')[2])).toEqual(['yaml/syntax']);
  });

  it('reports partner, activity, challenge and country references that lead nowhere', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML.replace('local_partner: partner', 'local_partner: partnr').replace('{ id: partner, name: Partner, country: IT', '{ id: partner, name: Partner, country: ZZ'),
      'stakeholders.yaml': STAKEHOLDERS_YAML,
      'municipalities/milan/profile.yaml': 'kind: profile\nschema_version: 1\nmunicipality: milan\nchallenges:\n  - { id: housing, title: Housing, cluster: access-to-services }\n',
      'municipalities/milan/practices/desk.yaml': `kind: practice
schema_version: 1
id: desk
title: Desk
municipality: milan
cluster: access-to-services
answers_challenges: [milan/housing, milan/jobs]
capitalization:
  stage: shared
  history:
    - { stage: shared, activity: peer-exchange }
`,
    });
    expect(lines(result)).toEqual([
      'lamd.yaml:5:44 error references/country `ZZ` is not an ISO 3166-1 country code. Write the two-letter code, like IT, AL, TN or MA.',
      'lamd.yaml:7:79 error references/partner There is no partner `partnr` among the implementing partners of lamd.yaml; did you mean `partner`?',
      'municipalities/milan/practices/desk.yaml:7:37 error references/challenge The profile of `milan` lists no challenge `jobs`.',
      'municipalities/milan/practices/desk.yaml:11:34 error references/activity There is no activity `peer-exchange` among the activities of the workspace (activities/).',
    ]);
  });

  it('reports an end before a start in the words of the document', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap(`sdg: { goal: "10" }
period: { start: 2021-05, end: 2021-04-30 }
actions:
  - { id: leaflets, title: Leaflets, start: 2021-05-01, end: 2021-03-01 }
  - { id: same-day, title: One day, start: 2021-05-01, end: 2021-05-01 }
  - { id: month, title: A month, start: 2021-05-10, end: 2021-05 }
  - { id: leap, title: Leap day, start: 2021-02-29 }
`),
    });
    expect(lines(result)).toEqual([
      'municipalities/milan/roadmaps/governance.yaml:7:32 error dates/order Road map `governance`: its period ends 2021-04-30, before it starts 2021-05.',
      'municipalities/milan/roadmaps/governance.yaml:9:62 error dates/order Action `leaflets` ends 2021-03-01, before it starts 2021-05-01.',
      'municipalities/milan/roadmaps/governance.yaml:12:41 error dates/valid 2021-02-29 is not a day of the calendar; check the month and the day.',
    ]);
  });

  it('reports ids used twice', async () => {
    const practice = (file: string) => `kind: practice\nschema_version: 1\nid: forum\ntitle: Forum (${file})\nmunicipality: milan\ncluster: participation-and-active-citizenship\n`;
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/practices/forum.yaml': practice('a'),
      'municipalities/milan/practices/forum-2.yaml': practice('b'),
    });
    expect(lines(result)).toEqual([
      'municipalities/milan/practices/forum-2.yaml:3:5 warning ids/file-name The practice\'s id is `forum` but its file is named `forum-2.yaml`. Other documents refer to it by its id, and people look for it by its file: rename the file to `forum.yaml`, or change the id to `forum-2` (and every reference to it).',
      'municipalities/milan/practices/forum.yaml:3:5 error ids/unique The practice id `forum` is already used in municipalities/milan/practices/forum-2.yaml; ids must be unique.',
    ]);
  });

  it('lets lamd.yaml turn an adjustable rule down', async () => {
    const result = await check({
      'lamd.yaml': `${WORKSPACE_YAML}rules:\n  references/practice: warning\n  dates/order: off\n`,
      'municipalities/milan/roadmaps/governance.yaml': roadmap(`sdg: { goal: "10" }
builds_on: [nowhere]
period: { start: 2021-05-01, end: 2021-04-30 }
`),
    });
    expect(lines(result)).toEqual([
      'municipalities/milan/roadmaps/governance.yaml:7:13 warning references/practice There is no practice `nowhere` among the practices of the workspace (municipalities/<slug>/practices/).',
    ]);
  });
});

describe('calendar dates', () => {
  it('reads full and partial dates as the schema does, and knows the calendar', async () => {
    const { isCalendarDate, firstDay, lastDay } = await import('../../src/calendar/dates.js');
    for (const good of ['2024-02-29', '2000-02-29', '2023-12-31', '2023-05', '2023', '0001-01-01']) expect(isCalendarDate(good), good).toBe(true);
    for (const bad of ['2023-02-29', '1900-02-29', '2023-04-31', '2023-13', '2023-00', '2023-01-00', '2023-1-01', '202', '2023-05-1', '2023/05/01', 'abcd', '2023-05-01x']) expect(isCalendarDate(bad), bad).toBe(false);
    expect([firstDay('2023'), firstDay('2023-05'), firstDay('2023-05-17')]).toEqual(['2023-01-01', '2023-05-01', '2023-05-17']);
    expect([lastDay('2023'), lastDay('2024-02'), lastDay('2023-02'), lastDay('2023-05-17')]).toEqual(['2023-12-31', '2024-02-29', '2023-02-28', '2023-05-17']);
  });

  it('agrees with the Gregorian calendar and the schema’s date pattern on every day, month and year around the rules', async () => {
    const { isCalendarDate, schemaDateShape } = await import('../../src/calendar/dates.js');
    const schemaPattern = /^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/;
    const two = (n: number) => String(n).padStart(2, '0');
    const wrong: string[] = [];
    for (const year of [1, 1600, 1899, 1900, 2000, 2023, 2024, 2100, 9999]) {
      const y = String(year).padStart(4, '0');
      for (const text of [y, ...Array.from({ length: 14 }, (_, m) => `${y}-${two(m)}`)]) {
        if (schemaDateShape(text) !== schemaPattern.test(text) || isCalendarDate(text) !== schemaPattern.test(text)) wrong.push(text);
      }
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${y}-${two(month)}-${two(day)}`;
          const utc = new Date(0);
          utc.setUTCFullYear(year, month - 1, day);
          const real = month >= 1 && month <= 12 && day >= 1 && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
          if (isCalendarDate(text) !== real || schemaDateShape(text) !== schemaPattern.test(text)) wrong.push(text);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('an election with an impossible date', () => {
  it('is reported once, by dates/valid, not taken for an undated one', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/profile.yaml': 'kind: profile\nschema_version: 1\nmunicipality: milan\nconstraints:\n  - { type: election, title: Municipal elections, date: 2023-02-30 }\n',
      'municipalities/milan/roadmaps/governance.yaml': roadmap('sdg: { goal: "10", targets: ["10.2"] }\nactions:\n  - { id: a, title: A, start: 2023-01-01, end: 2023-12-31, status: done }\n'),
    });
    const ids = lines(result, { methodRules: true }).map((l) => l.split(' ')[2]);
    expect(ids).toContain('dates/valid');
    expect(ids).not.toContain('roadmap/continuity');
  });
});
