// `lamd validate <road map>` inside a workspace reports for that file exactly what a run over the whole
// workspace reports for it, while it leaves the other road maps unparsed: on the generated network
// and on odd workspaces (a road map whose `kind:` comes late, quoted or commented; another kind of
// document in a roadmaps/ folder; the same id in two municipalities, either way round).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLoaded, type CheckResult } from '../../src/check/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { runLamd, tempDir } from '../helpers/lamd.js';
import { roadmapPath, writeNetwork } from './network.js';

const TODAY = '2026-06-30';

/** What a result says about one file. */
function about(result: CheckResult, file: string) {
  return {
    diagnostics: result.diagnostics.filter((d) => d.file === file),
    suppressions: result.suppressions.filter((s) => s.file === file),
    suppressed: result.suppressed.filter((d) => d.file === file),
  };
}

/** Every road-map file of the workspace, as the loader shows it. */
function roadmapFiles(dir: string): string[] {
  const out: string[] = [];
  for (const slug of readdirSync(join(dir, 'municipalities')).sort()) {
    for (const name of readdirSync(join(dir, 'municipalities', slug, 'roadmaps')).sort()) out.push(`municipalities/${slug}/roadmaps/${name}`);
  }
  return out;
}

/** Checks every road map named alone against the whole run; returns how many documents each named run loaded. */
async function expectSameAsWhole(dir: string): Promise<Map<string, number>> {
  const whole = await checkLoaded(await loadWorkspace({ cwd: dir }), { today: TODAY });
  const loaded = new Map<string, number>();
  for (const file of roadmapFiles(dir)) {
    const load = await loadWorkspace({ cwd: dir, paths: [file], onlyWhatNamedRoadmapsNeed: true });
    loaded.set(file, load.documents.length);
    const named = await checkLoaded(load, { today: TODAY });
    expect(about(named, file), file).toEqual(about(whole, file));
    expect(named.files).toEqual([file]);
  }
  return loaded;
}

describe('lamd validate <road map> in a workspace', () => {
  it('reports for the road map what the whole run reports for it, the duplicate id included', async () => {
    const dir = tempDir();
    writeNetwork(dir, 20);
    const loaded = await expectSameAsWhole(dir);
    // gen-copy repeats gen-000's id: named alone, it is still told so.
    const whole = await checkLoaded(await loadWorkspace({ cwd: dir }), { today: TODAY });
    const copy = 'municipalities/valmare/roadmaps/gen-copy.yaml';
    expect(about(whole, copy).diagnostics.map((d) => d.ruleId)).toContain('ids/unique');
    // Other road maps are left out (the progress report in roadmaps/ and the doubtful files are not).
    const all = (await loadWorkspace({ cwd: dir })).documents.length;
    expect(loaded.get(roadmapPath(3))).toBeLessThan(all - 20);
    // So are the practices, activities and profiles it does not name: bahra's practice and profile.
    const files = (await loadWorkspace({ cwd: dir, paths: [roadmapPath(3)], onlyWhatNamedRoadmapsNeed: true })).documents.map((d) => d.file);
    expect(files).toContain('municipalities/valmare/practices/info-desk.yaml');
    expect(files).toContain('municipalities/valmare/profile.yaml');
    expect(files).not.toContain('municipalities/bahra/practices/diaspora-desk.yaml');
    expect(files).not.toContain('municipalities/bahra/profile.yaml');
    // Named with the file it repeats, in either order, the later one in the workspace gets the finding.
    for (const paths of [[roadmapPath(0), copy], [copy, roadmapPath(0)]]) {
      const named = await checkLoaded(await loadWorkspace({ cwd: dir, paths, onlyWhatNamedRoadmapsNeed: true }), { today: TODAY });
      for (const file of paths) expect(about(named, file), file).toEqual(about(whole, file));
    }
  });

  it('stays exact in odd workspaces', async () => {
    const dir = tempDir();
    writeNetwork(dir, 8);
    const roadmaps = join(dir, 'municipalities/valmare/roadmaps');
    const base = readFileSync(join(dir, roadmapPath(1)), 'utf8');
    // The kind line late, quoted, commented; a road map whose id is quoted; one with no kind line.
    const late = base.replace(/^kind: roadmap\n/m, '').replace('id: gen-001', 'id: gen-late') + 'kind: "roadmap" # at the end\n';
    writeFileSync(join(roadmaps, 'gen-late.yaml'), late);
    writeFileSync(join(roadmaps, 'gen-quoted.yaml'), base.replace('id: gen-001', "id: 'gen-quoted'"));
    writeFileSync(join(roadmaps, 'gen-kindless.yaml'), base.replace(/^kind: roadmap\n/m, '').replace('id: gen-001', 'id: gen-kindless'));
    // A practice where road maps go, which a road map builds on; and a practice whose id a road map's repeats.
    const practice = readFileSync(join(dir, 'municipalities/valmare/practices/info-desk.yaml'), 'utf8');
    writeFileSync(join(roadmaps, 'aa-practice.yaml'), practice.replace('id: info-desk', 'id: desk-in-roadmaps'));
    writeFileSync(join(dir, roadmapPath(2)), readFileSync(join(dir, roadmapPath(2)), 'utf8').replace('builds_on: [info-desk]', 'builds_on: [info-desk, desk-in-roadmaps]'));
    // The same road-map id in two municipalities: bahra's comes first in the workspace, valmare's later.
    writeFileSync(join(dir, 'municipalities/bahra/roadmaps/gen-004.yaml'), readFileSync(join(dir, roadmapPath(4)), 'utf8').replace('municipality: valmare', 'municipality: bahra'));
    writeFileSync(join(dir, 'municipalities/valmare/roadmaps/zz-bahra-twin.yaml'), readFileSync(join(dir, 'municipalities/bahra/roadmaps/bahra-diaspora-investment.yaml'), 'utf8'));
    // A road map that repeats its id in a quoted key, where a glance could not tell.
    writeFileSync(join(roadmaps, 'gen-quoted-key.yaml'), base.replace('id: gen-001', '"id": gen-000'));
    // Practices and activities a road map names, or nearly: one that does not read (by its id, or by
    // its file's name only), one whose id a glance cannot tell, and names only a document left out
    // comes closest to (the suggestion is drawn from every practice or activity).
    const bahra = join(dir, 'municipalities/bahra/practices');
    writeFileSync(join(bahra, 'ghost-desk.yaml'), 'kind: practice\nid: ghost-desk\ntitle: [unclosed\n');
    writeFileSync(join(bahra, 'lost-desk.yaml'), 'kind: practice\nid: lost-desk-2\ntitle: [unclosed\n');
    writeFileSync(join(bahra, 'quoted-desk.yaml'), practice.replace('id: info-desk', '"id": quoted-desk'));
    const naming = (id: string, builds: string, consults = 'peer-exchange-services') =>
      writeFileSync(join(roadmaps, `${id}.yaml`), base.replace('id: gen-001', `id: ${id}`).replace('builds_on: [info-desk]', `builds_on: [${builds}]`).replace('consultations: [peer-exchange-services]', `consultations: [${consults}]`));
    naming('gen-ghost', 'ghost-desk');
    naming('gen-lost', 'lost-desk');
    naming('gen-quoted-desk', 'quoted-desk');
    naming('gen-near', 'diaspora-desks');
    naming('gen-near-exchange', 'info-desk', 'peer-exchange-service');
    await expectSameAsWhole(dir);
    const whole = await checkLoaded(await loadWorkspace({ cwd: dir }), { today: TODAY });
    for (const file of ['municipalities/valmare/roadmaps/gen-004.yaml', 'municipalities/valmare/roadmaps/zz-bahra-twin.yaml', 'municipalities/valmare/roadmaps/gen-quoted-key.yaml']) {
      expect(about(whole, file).diagnostics.map((d) => d.ruleId), file).toContain('ids/unique');
    }
  });

  it('tells the named file of the id it repeats, in every format', async () => {
    const dir = tempDir();
    writeNetwork(dir, 12);
    const copy = 'municipalities/valmare/roadmaps/gen-copy.yaml';
    for (const format of ['json', 'pretty', 'sarif']) {
      const run = await runLamd(['validate', '--format', format, '--today', TODAY, copy], { cwd: dir });
      expect(run.status, format).toBe(1);
      expect(run.stdout, format).toContain(format === 'sarif' ? 'ids/unique' : 'gen-000');
    }
  });
});
