// What a peer exchange says about who took part and who presented, read defensively from an activity
// document; shared by the exchange rules and the capitalization report's reading of the same facts.
import { arr, obj, objects, str, type Obj } from '../values.js';

/** Every municipality an activity names: taking part, sending a delegation, presenting, hosting or learning. */
export function exchangeMunicipalities(activity: Obj): Set<string> {
  const out = new Set<string>();
  for (const slug of arr(activity.municipalities)) if (typeof slug === 'string') out.add(slug);
  for (const key of ['delegations', 'presentations', 'learning'] as const) {
    for (const [item] of objects(activity[key], '')) {
      const slug = str(item.municipality);
      if (slug) out.add(slug);
    }
  }
  const host = str(activity.host);
  if (host) out.add(host);
  return out;
}

/**
 * Who presented at an exchange: its `presentations`, or, when it records none, the owners of the
 * practices it lists as presented or discussed (`practices`), which is all an older record says.
 */
export function exchangePresenters(activity: Obj, practiceOwner: (id: string) => string | undefined): Set<string> {
  const out = new Set<string>();
  const presentations = arr(activity.presentations);
  if (presentations.length > 0) {
    for (const item of presentations) {
      const slug = str(obj(item)?.municipality);
      if (slug) out.add(slug);
    }
    return out;
  }
  for (const id of arr(activity.practices)) {
    const owner = typeof id === 'string' ? practiceOwner(id) : undefined;
    if (owner) out.add(owner);
  }
  return out;
}

/** The practices an activity is about: listed, presented, learned from, or developed together. */
export function exchangePractices(activity: Obj): Set<string> {
  const out = new Set<string>();
  for (const id of [...arr(activity.practices), ...arr(activity.co_developed)]) if (typeof id === 'string') out.add(id);
  for (const key of ['presentations', 'learning'] as const) {
    for (const [item] of objects(activity[key], '')) {
      const id = str(item.practice);
      if (id) out.add(id);
    }
  }
  return out;
}
