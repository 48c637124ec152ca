// exchange/two-municipalities in a network of one: lamd.yaml lists a single municipality, so the
// peers of its exchange cannot be named yet, and the finding is information, not an error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLoaded } from '../../src/check/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { tempDir } from '../helpers/lamd.js';

async function findings(municipalities: string[]): Promise<string[]> {
  const root = tempDir();
  const entries = municipalities.map((slug) => `  - { slug: ${slug}, name: ${slug}, country: TN }`).join('\n');
  writeFileSync(join(root, 'lamd.yaml'), `kind: workspace\nschema_version: 1\nprogramme: { name: Test }\nmunicipalities:\n${entries}\n`);
  mkdirSync(join(root, 'activities'));
  writeFileSync(join(root, 'activities/2025-03-04-peer-exchange.yaml'), 'kind: activity\nschema_version: 1\nid: peer-exchange\ntype: peer-exchange\ntitle: Exchange\ndate: 2025-03-04\nmunicipalities: [sfax]\n');
  const result = await checkLoaded(await loadWorkspace({ cwd: root }), { today: '2025-06-01' });
  return result.diagnostics.filter((d) => d.ruleId === 'exchange/two-municipalities').map((d) => `${d.severity} ${d.message}`);
}

describe('exchange/two-municipalities', () => {
  it('is information in a workspace of one municipality, whose peers are not listed yet', async () => {
    expect(await findings(['sfax'])).toEqual([expect.stringMatching(/^info This peer exchange names only `sfax`, the one municipality of lamd\.yaml\. Add its peers/)]);
  });

  it('is an error once lamd.yaml lists the peers and the exchange still names one', async () => {
    expect(await findings(['sfax', 'sousse'])).toEqual([expect.stringMatching(/^error This peer exchange names only `sfax`\./)]);
  });
});
