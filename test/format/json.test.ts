// The `json` format: one document per run that validates against its published schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatJson, type JsonReport } from '../../src/format/json.js';
import { REPO } from '../helpers/lamd.js';
import { CLEAN, EMPTY, FILES, MANY, ODD, ODD_MESSAGE, ONE, ROADMAP, context, diagnostic, manyContext, oneContext, range, zeroContext } from './helpers.js';

// ajv ships CommonJS; under NodeNext the default import is the module object, whose `default` is the class.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

const schema = JSON.parse(readFileSync(join(REPO, 'docs/json-output.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function report(output: string): JsonReport {
  const parsed = JSON.parse(output) as JsonReport;
  const valid = validate(parsed);
  expect(validate.errors ?? [], 'valid against docs/json-output.schema.json').toEqual([]);
  expect(valid).toBe(true);
  return parsed;
}

describe('json', () => {
  it('lists every file checked, even with no problem, and records the versions', () => {
    const out = report(formatJson([], zeroContext()));
    expect(out).toEqual({
      formatVersion: 1,
      language: 'en',
      tool: { name: 'lamd', version: '1.2.3', schemaVersion: 1, sdgCodeList: 'SDG test list 2024 <&> "v1"' },
      summary: { ok: true, strict: false, files: 3, filesWithProblems: 0, errors: 0, warnings: 0, infos: 0 },
      files: [CLEAN, ROADMAP, ODD].map((file) => ({ file, errors: 0, warnings: 0, infos: 0, diagnostics: [] })),
      suppressions: [],
    });
  });

  it('lists the suppressions documents declare, with their reasons and counts', () => {
    const suppressions = [{ file: ROADMAP, ruleId: 'roadmap/evidence', reason: 'Indicators come with the 2025 plan.', silenced: 2 }];
    expect(report(formatJson([], zeroContext({ suppressions }))).suppressions).toEqual(suppressions);
  });

  it('writes one problem with its range, pointer and help, keys in a stable order', () => {
    const output = formatJson(ONE, oneContext());
    report(output);
    expect(output).toBe(`{
  "formatVersion": 1,
  "language": "en",
  "tool": {
    "name": "lamd",
    "version": "1.2.3",
    "schemaVersion": 1,
    "sdgCodeList": "SDG test list 2024 <&> \\"v1\\""
  },
  "summary": {
    "ok": false,
    "strict": false,
    "files": 2,
    "filesWithProblems": 1,
    "errors": 1,
    "warnings": 0,
    "infos": 0
  },
  "files": [
    {
      "file": "lamd.yaml",
      "errors": 0,
      "warnings": 0,
      "infos": 0,
      "diagnostics": []
    },
    {
      "file": "municipalities/milan/roadmaps/governance.yaml",
      "errors": 1,
      "warnings": 0,
      "infos": 0,
      "diagnostics": [
        {
          "ruleId": "schema/type",
          "severity": "error",
          "message": "\`sdg.goal\` is 10, a number: write it in quotes, \\"10\\".",
          "range": {
            "start": {
              "line": 6,
              "column": 14
            },
            "end": {
              "line": 6,
              "column": 16
            }
          },
          "pointer": "/sdg/goal"
        }
      ]
    }
  ],
  "suppressions": []
}
`);
  });

  it('groups many problems by file in checking order, counting per file and for the run', () => {
    const out = report(formatJson(MANY, manyContext()));
    expect(out.files.map((f) => f.file)).toEqual(FILES);
    expect(out.files.map((f) => [f.errors, f.warnings, f.infos])).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [1, 1, 0],
      [1, 0, 1],
      [0, 1, 0],
    ]);
    expect(out.summary).toEqual({ ok: false, strict: false, files: 5, filesWithProblems: 4, errors: 3, warnings: 2, infos: 1 });
    // A problem about the whole file has no range; one without a pointer has no pointer.
    const empty = out.files.find((f) => f.file === EMPTY)!.diagnostics[0]!;
    expect(Object.keys(empty)).toEqual(['ruleId', 'severity', 'message']);
    // Names and messages come back exactly, whatever characters they hold.
    const odd = out.files.find((f) => f.file === ODD)!;
    expect(odd.diagnostics[0]!.message).toBe(ODD_MESSAGE);
  });

  it('links the rule pages only when lamd names a homepage, and never a rule it does not know', () => {
    const linked = report(formatJson(MANY, manyContext({ homepage: 'https://lamd.example.org/' })));
    expect(linked.files.find((f) => f.file === EMPTY)!.diagnostics[0]!.helpUri).toBe('https://lamd.example.org/docs/rules/file/empty.md');
    expect(linked.files.at(-1)!.diagnostics[0]!.helpUri).toBeUndefined();
    expect(formatJson(MANY, manyContext())).not.toContain('helpUri');
  });

  it('is ok with warnings, unless strict', () => {
    const d = [diagnostic(CLEAN, 'warning', 'references/practice', 'w', range(1, 1))];
    expect(report(formatJson(d, context(d))).summary).toMatchObject({ ok: true, strict: false, warnings: 1 });
    expect(report(formatJson(d, context(d, { strict: true }))).summary).toMatchObject({ ok: false, strict: true, warnings: 1 });
  });

  it('keeps the run totals in the summary when --quiet lists errors only', () => {
    const all = [diagnostic(ROADMAP, 'error', 'schema/type', 'e', range(6, 14)), diagnostic(CLEAN, 'warning', 'references/practice', 'w')];
    const out = report(formatJson([all[0]!], context([all[0]!], { files: [CLEAN, ROADMAP], all })));
    expect(out.summary).toMatchObject({ errors: 1, warnings: 1, filesWithProblems: 1 });
    expect(out.files[0]).toEqual({ file: CLEAN, errors: 0, warnings: 0, infos: 0, diagnostics: [] });
  });

  it('still lists a diagnostic about a file the run did not list, rather than lose it', () => {
    const d = [diagnostic('elsewhere.yaml', 'error', 'file/unreadable', 'gone')];
    const out = report(formatJson(d, context(d, { files: [CLEAN] })));
    expect(out.files.map((f) => f.file)).toEqual([CLEAN, 'elsewhere.yaml']);
  });

  it('has a schema strict enough to catch a change of shape', () => {
    const good = JSON.parse(formatJson(ONE, oneContext())) as Record<string, unknown>;
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, extra: 1 })).toBe(false);
    expect(validate({ ...good, formatVersion: 2 })).toBe(false);
    const { files: _files, ...withoutFiles } = good;
    expect(validate(withoutFiles)).toBe(false);
  });

  it('is 2-space indented and ends with a newline', () => {
    const output = formatJson(MANY, manyContext());
    expect(output.endsWith('}\n')).toBe(true);
    expect(output).toBe(`${JSON.stringify(JSON.parse(output), null, 2)}\n`);
  });

  it('matches the example in docs/json-output.md and the schema’s own example', () => {
    const doc = readFileSync(join(REPO, 'docs/json-output.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    report(example!);
    for (const sample of (schema as { examples: unknown[] }).examples) expect(validate(sample)).toBe(true);
  });
});
