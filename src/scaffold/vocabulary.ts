// The method's closed lists (clusters, stakeholder types, activity types…), read from the shipped
// schemas so the questions offer exactly what the documents accept.
import { readFileSync } from 'node:fs';
import { packageFile } from '../package-root.js';

type Defs = Record<string, { enum?: string[] }>;
let defs: Defs | undefined;

function vocabulary(name: string): readonly string[] {
  defs ??= (JSON.parse(readFileSync(packageFile('schemas', 'common.schema.json'), 'utf8')) as { $defs: Defs }).$defs;
  const list = defs[name]?.enum;
  if (!list) throw new Error(`lamd's common.schema.json has no list \`${name}\`; the installation looks damaged.`);
  return list;
}

export const thematicClusters = () => vocabulary('thematicCluster');
export const stakeholderTypes = () => vocabulary('stakeholderType');
export const stakeholderLevels = () => vocabulary('stakeholderLevel');
export const activityTypes = () => vocabulary('activityType');
export const activityModes = () => vocabulary('activityMode');
