// plainData: what templates see of a view. JSON data only, undefined as null, and the catalogue's
// frozen tree shared rather than copied, wherever in the view it sits.
import { describe, expect, it } from 'vitest';
import { plainData, sharePlainData } from '../../src/report/plain-data.js';
import { loadCatalogue, Messages } from '../../src/report/i18n.js';
import { templateSources } from '../../src/report/template-files.js';

describe('plainData', () => {
  it('copies a view as JSON would, with undefined as null, and shares the frozen data marked as such', () => {
    const tree = sharePlainData(Object.freeze({ heading: Object.freeze({ network: 'The network' }) }));
    const nested = { deep: [1, undefined, { when: new Date('2024-06-01T00:00:00Z') }] };
    const view = { t: tree, list: [tree], gone: undefined, nested, run: () => 1 };
    const copy = plainData(view) as Record<string, any>;
    expect(copy).toEqual({ t: { heading: { network: 'The network' } }, list: [{ heading: { network: 'The network' } }], gone: null, nested: { deep: [1, null, { when: '2024-06-01T00:00:00.000Z' }] } });
    expect(copy.t).toBe(tree);
    expect(copy.list[0]).toBe(tree);
    expect(copy.nested).not.toBe(nested);
    // Data that is not marked is copied, frozen or not.
    const frozen = Object.freeze({ a: 1 });
    expect((plainData({ frozen }) as { frozen: unknown }).frozen).not.toBe(frozen);
  });

  it('shares the catalogue tree every report view holds', () => {
    const tree = new Messages({ lang: 'fr', catalogue: loadCatalogue(templateSources(undefined), 'fr') }).tree();
    expect((plainData({ t: tree }) as { t: unknown }).t).toBe(tree);
  });
});
