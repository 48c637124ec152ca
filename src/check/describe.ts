// Names a place in a document the way a reader would: "action `leaflets`", "the road map `x`".
import { pointerSegments } from '../diagnostics.js';
import type { LoadedDocument } from '../workspace/load.js';
import { obj } from './values.js';

const SINGULAR: Record<string, string> = {
  actions: 'action',
  objectives: 'objective',
  indicators: 'indicator',
  municipalities: 'municipality',
  partners: 'partner',
  stakeholders: 'stakeholder',
  constraints: 'constraint',
  framework: 'framework entry',
  initiatives: 'initiative',
  city_networks: 'city network',
  challenges: 'challenge',
  risks: 'risk',
  working_group: 'working group member',
  endorsements: 'endorsement',
  progress: 'progress note',
  migration_history: 'history entry',
  borrowed_by: 'borrowing',
  history: 'capitalization step',
  top_origins: 'country of origin',
  institutionalisation: 'instrument',
};

const DOCUMENT_NOUN: Record<string, string> = {
  workspace: 'the workspace',
  profile: 'the profile',
  practice: 'practice',
  roadmap: 'road map',
  stakeholders: 'the stakeholder registry',
  activity: 'activity',
  progress: 'progress report',
};

function label(item: Record<string, unknown>): string | undefined {
  for (const key of ['id', 'slug', 'stakeholder', 'title', 'name']) {
    const v = item[key];
    if (typeof v === 'string' && v.length <= 80) return v;
  }
  return undefined;
}

/** A noun phrase for the mapping at `pointer` in `doc`. */
export function describeAt(doc: LoadedDocument, pointer: string): string {
  const segments = pointerSegments(pointer);
  let node: unknown = doc.value;
  let phrase: string | undefined;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const container = node;
    node = Array.isArray(container) ? container[Number(segment)] : obj(container)?.[segment];
    if (Array.isArray(container)) {
      const noun = SINGULAR[segments[i - 1] ?? ''] ?? `item ${Number(segment) + 1} of \`${segments[i - 1]}\``;
      const item = obj(node);
      const name = item ? label(item) : undefined;
      phrase = name ? `${noun} \`${name}\`` : SINGULAR[segments[i - 1] ?? ''] ? `${noun} ${Number(segment) + 1}` : noun;
    }
  }
  if (phrase) return phrase;
  const noun = DOCUMENT_NOUN[doc.kind] ?? 'the document';
  const id = typeof doc.value.id === 'string' ? doc.value.id : undefined;
  if (doc.kind === 'profile' && typeof doc.value.municipality === 'string') return `the profile of \`${doc.value.municipality}\``;
  return id ? `${noun} \`${id}\`` : noun.startsWith('the') ? noun : `the ${noun}`;
}
