// Names a place in a document the way a reader would: "action `leaflets`", "the road map `x`".
import { pointerSegments } from '../diagnostics.js';
import type { LoadedDocument } from '../workspace/load.js';
import { obj } from './values.js';
import { t, type Text } from '../i18n/messages.js';

// Lists whose items messages name by a noun ("action `leaflets`"); catalogue `place.item` selects on the key.
const NAMED_LISTS = new Set([
  'actions', 'objectives', 'indicators', 'municipalities', 'partners', 'stakeholders', 'constraints', 'framework',
  'initiatives', 'city_networks', 'challenges', 'risks', 'working_group', 'endorsements', 'progress',
  'migration_history', 'borrowed_by', 'history', 'top_origins', 'institutionalisation',
]);

function label(item: Record<string, unknown>): string | undefined {
  for (const key of ['id', 'slug', 'stakeholder', 'title', 'name']) {
    const v = item[key];
    if (typeof v === 'string' && v.length <= 80) return v;
  }
  return undefined;
}

/**
 * A noun phrase for the mapping at `pointer` in `doc`, as the subject that starts a sentence
 * ("Action `leaflets`", "The profile of `milan`").
 */
export function describeAt(doc: LoadedDocument, pointer: string): Text {
  const segments = pointerSegments(pointer);
  let node: unknown = doc.value;
  let phrase: Text | undefined;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const container = node;
    node = Array.isArray(container) ? container[Number(segment)] : obj(container)?.[segment];
    if (Array.isArray(container)) {
      const list = segments[i - 1] ?? '';
      const item = obj(node);
      const name = item ? label(item) : undefined;
      const number = String(Number(segment) + 1);
      if (!NAMED_LISTS.has(list)) phrase = t(name ? 'place.item-of-named' : 'place.item-of', { number, list, name: name ?? '' });
      else phrase = t(name ? 'place.item-named' : 'place.item-numbered', { list, number, name: name ?? '' });
    }
  }
  if (phrase) return phrase;
  const id = typeof doc.value.id === 'string' ? doc.value.id : undefined;
  if (doc.kind === 'profile' && typeof doc.value.municipality === 'string') return t('place.profile-of', { municipality: doc.value.municipality });
  return t(id ? 'place.document-named' : 'place.document', { kind: doc.kind, id: id ?? '' });
}
