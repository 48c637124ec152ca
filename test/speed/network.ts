// A generated workspace for the speed tests: the illustrative monitoring example (two municipalities,
// practices, an exchange, progress reports) grown to tens of road maps carrying findings of several
// kinds, so cold, cached, parallel and lazy runs can be held to the same output.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../helpers/lamd.js';

const EXAMPLE = join(REPO, 'examples/illustrative-monitoring');
const BASE = 'municipalities/valmare/roadmaps/valmare-inclusive-services.yaml';

/** The path of generated road map `i`. */
export const roadmapPath = (i: number) => `municipalities/valmare/roadmaps/gen-${String(i).padStart(3, '0')}.yaml`;

/**
 * Writes the network into `dir`: the example's documents and `count` road maps, one in seven of
 * each kind of mistake in turn, a few suppressing a rule, one with a YAML syntax error and one with a
 * duplicate key, and a progress report on a generated road map naming an indicator it does not have.
 */
export function writeNetwork(dir: string, count = 40): void {
  cpSync(EXAMPLE, dir, { recursive: true });
  const base = readFileSync(join(EXAMPLE, BASE), 'utf8');
  for (let i = 0; i < count; i++) {
    const id = `gen-${String(i).padStart(3, '0')}`;
    let text = base.replace('id: valmare-inclusive-services', `id: ${id}`).replace('title: Servizi comunali accessibili a tutti', `title: Servizi accessibili ${i}`);
    switch (i % 7) {
      case 1: // no endorsement recorded: endorsement/roadmap
        text = text.replace(/endorsements:\n  - \{[^\n]*\n/, '').replace(/adoption: \{[^\n]*\n/, '');
        break;
      case 2: // a day that does not exist: dates/valid
        text = text.replace('start: 2025-10-01', 'start: 2025-02-30');
        break;
      case 3: // an action that ends before it starts: dates/order
        text = text.replace('end: 2026-10-31', 'end: 2024-10-31');
        break;
      case 4: // a practice that does not exist: references/practice
        text = text.replace('builds_on: [info-desk]', 'builds_on: [info-desks]');
        break;
      case 5: // a status outside the list: schema/enum
        text = text.replace('status: in-progress', 'status: ongoing');
        break;
      case 6: // an e-mail address: privacy/contact-data
        text = text.replace('role: Runs the desk', 'role: Runs the desk (desk@valmare.example.org)');
        break;
    }
    if (i % 10 === 8) text += 'suppress:\n  - { rule: endorsement/roadmap, reason: Approved orally; the minutes follow. }\n';
    if (i % 10 === 9) text = text.replace(/endorsements:\n  - \{[^\n]*\n/, '').replace(/adoption: \{[^\n]*\n/, '') + 'suppress:\n  - { rule: endorsement/roadmap, reason: The council votes in May. }\n';
    writeFileSync(join(dir, roadmapPath(i)), text);
  }
  // The same id twice (ids/unique on the later file, ids/file-name too), a syntax error, a duplicate key.
  writeFileSync(join(dir, 'municipalities/valmare/roadmaps/gen-copy.yaml'), readFileSync(join(dir, roadmapPath(0)), 'utf8'));
  writeFileSync(join(dir, 'municipalities/valmare/roadmaps/gen-broken.yaml'), 'kind: roadmap\nid: gen-broken\ntitle: [unclosed\n');
  writeFileSync(join(dir, 'municipalities/valmare/roadmaps/gen-twice.yaml'), base.replace('id: valmare-inclusive-services', 'id: gen-twice').replace('schema_version: 1\n', 'schema_version: 1\nschema_version: 1\n'));
  // A road map with an anchor (read by the slow path too), and a progress report where road maps go.
  writeFileSync(join(dir, 'municipalities/valmare/roadmaps/gen-anchored.yaml'), base.replace('id: valmare-inclusive-services', 'id: gen-anchored').replace('lead_unit: Area Politiche Sociali', 'lead_unit: &social Area Politiche Sociali'));
  const report = readFileSync(join(EXAMPLE, 'municipalities/valmare/progress/valmare-inclusive-services-2026-H1.yaml'), 'utf8');
  writeFileSync(join(dir, 'municipalities/valmare/roadmaps/gen-005-2026-H1.yaml'), report.replace('roadmap: valmare-inclusive-services', 'roadmap: gen-005'));
  // A progress report on a generated road map, naming an indicator it does not declare.
  const progress = readFileSync(join(EXAMPLE, 'municipalities/valmare/progress/valmare-inclusive-services-2025-H2.yaml'), 'utf8');
  writeFileSync(join(dir, 'municipalities/valmare/progress/gen-003-2025-H2.yaml'), progress.replace('roadmap: valmare-inclusive-services', 'roadmap: gen-003').replace('indicator: dup-objectives', 'indicator: dup-objective'));
}
