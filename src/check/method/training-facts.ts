// What a training says about who took part, read defensively from an activity document; shared by the
// training rules.
import type { LoadedDocument } from '../../workspace/load.js';
import { arr, obj, objects, str, type Obj } from '../values.js';
import { documentsOf, type RuleContext } from './rule.js';

/** The trainings of the workspace, leaving out those still marked as lamd init's examples. */
export function trainingsOf(context: RuleContext): LoadedDocument[] {
  return documentsOf(context, 'activity').filter((doc) => doc.value.type === 'training' && doc.value.example !== true);
}

/** The participant groups of a training, with their pointers. */
export function participantGroups(activity: Obj): [Obj, string][] {
  return objects(obj(activity.participants)?.groups, '/participants/groups');
}

/** Every municipality a training names: taking part, or counted among its participants. */
export function trainingMunicipalities(activity: Obj): Set<string> {
  const out = new Set<string>();
  for (const slug of arr(activity.municipalities)) if (typeof slug === 'string') out.add(slug);
  for (const [group] of participantGroups(activity)) {
    const slug = str(group.municipality);
    if (slug) out.add(slug);
  }
  return out;
}
