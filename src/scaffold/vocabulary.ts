// The method's closed lists (clusters, stakeholder types, activity types…), read from the shipped
// schemas so the questions offer exactly what the documents accept.
import { readFileSync } from 'node:fs';
import { packageFile } from '../package-root.js';

type Defs = Record<string, { enum?: string[]; markdownEnumDescriptions?: string[] }>;
let defs: Defs | undefined;

function definition(name: string): Defs[string] | undefined {
  defs ??= (JSON.parse(readFileSync(packageFile('schemas', 'common.schema.json'), 'utf8')) as { $defs: Defs }).$defs;
  return defs[name];
}

function vocabulary(name: string): readonly string[] {
  const list = definition(name)?.enum;
  if (!list) throw new Error(`lamd's common.schema.json has no list \`${name}\`; the installation looks damaged.`);
  return list;
}

export const thematicClusters = () => vocabulary('thematicCluster');
export const stakeholderTypes = () => vocabulary('stakeholderType');
export const stakeholderLevels = () => vocabulary('stakeholderLevel');
export const activityTypes = () => vocabulary('activityType');
export const activityModes = () => vocabulary('activityMode');

export type VocabularyName = 'thematicCluster' | 'stakeholderType' | 'stakeholderLevel' | 'activityType' | 'activityMode';

/** A closed list with what each value means, as the schemas describe it to editors (for `--help`). */
export function describedVocabulary(name: VocabularyName): Array<{ value: string; description?: string }> {
  const descriptions = definition(name)?.markdownEnumDescriptions ?? [];
  return vocabulary(name).map((value, i) => ({ value, ...(descriptions[i] ? { description: descriptions[i] } : {}) }));
}
