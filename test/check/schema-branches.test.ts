// An anyOf whose branch is a $ref: ajv reports that branch's errors under the referenced definition's
// path, not under the anyOf, so the branch must be told apart by whether its type fits the value. A
// mapping with a mistyped key under "text or a mapping" is told about the key, not "should be text".
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { pickBranches, schemaProblems } from '../../src/check/schema-messages.js';
import type { AjvError } from '../../src/check/validators.js';
import { validatorsFor } from '../../src/check/validators-for.js';
import { render } from '../../src/i18n/messages.js';

const Ajv2020 = Ajv2020Module.default;

// The options scripts/compile-schemas.mjs compiles lamd's schemas with.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
const link = { type: 'object', properties: { instrument: { $ref: '#/$defs/text' }, section: { $ref: '#/$defs/text' } }, additionalProperties: false };
const validate = ajv.compile({
  $defs: { text: { type: 'string', minLength: 1 }, link },
  type: 'object',
  properties: {
    // Both branches are $refs.
    plan: { anyOf: [{ $ref: '#/$defs/text' }, { $ref: '#/$defs/link' }] },
    // An inline branch beside a $ref branch.
    budget: { anyOf: [{ type: 'string', minLength: 1 }, { $ref: '#/$defs/link' }] },
    // Both inline, as lamd's schemas write them today: the behaviour to keep.
    inline: { anyOf: [{ type: 'string', minLength: 1 }, link] },
  },
});

function messages(data: unknown): string[] {
  validate(data);
  return schemaProblems((validate.errors ?? []) as unknown as AjvError[], 'roadmap').map((p) => `${p.ruleId} ${p.pointer} ${render('en', p.message)}`);
}

describe('an anyOf branch that is a $ref', () => {
  for (const key of ['plan', 'budget', 'inline']) {
    it(`${key}: a mapping with a mistyped key is told about the key, not that it should be text`, () => {
      expect(messages({ [key]: { instrumnet: 'Local development plan' } })).toEqual([
        `schema/unknown-property /${key}/instrumnet \`instrumnet\` is not a field lamd knows in \`${key}\`; did you mean \`instrument\`?`,
      ]);
    });

    it(`${key}: a wrong value inside the mapping is told at that value`, () => {
      expect(messages({ [key]: { instrument: 4 } })).toEqual([expect.stringMatching(new RegExp(`^schema/type /${key}/instrument \`${key}\\.instrument\` should be text`))]);
    });

    it(`${key}: a value that fits neither branch is told what would fit`, () => {
      expect(messages({ [key]: 3 })).toEqual([`schema/type /${key} \`${key}\` should be text or a mapping (key: value lines), not the number 3.`]);
    });

    it(`${key}: text is fine`, () => {
      expect(messages({ [key]: 'Local development plan 2023-2027' })).toEqual([]);
    });
  }

  it('keeps only the fitting branch’s errors', () => {
    validate({ plan: { instrumnet: 'x' } });
    expect(pickBranches((validate.errors ?? []) as unknown as AjvError[]).map((e) => e.keyword)).toEqual(['additionalProperties']);
  });

  it('in lamd’s own schemas: a source given as a mapping with a title that is no text is told at the title', async () => {
    const validate = (await validatorsFor(new Set(['activity']))).activity!;
    validate({ kind: 'activity', schema_version: 1, id: 'x', type: 'training', title: 'Training', sources: [{ title: 4 }] });
    const problems = schemaProblems(validate.errors ?? [], 'activity').map((p) => `${p.ruleId} ${p.pointer} ${render('en', p.message)}`);
    expect(problems).toEqual(['schema/type /sources/0/title `sources[0].title` should be text, not the number 4; put it in quotes: "4".']);
  });
});
