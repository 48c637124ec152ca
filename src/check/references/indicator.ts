// references/indicator: every indicator a progress report names is an indicator of its road map.
import type { RuleModule } from '../rule-module.js';
import { listed, unknownItems } from './roadmap-items.js';
import { missing } from './resolve.js';

export const rule: RuleModule = {
  meta: { id: 'references/indicator', severity: 'error', adjustable: true },
  check(context) {
    return unknownItems(context, 'indicator', (roadmap, id, guess, known) =>
      missing(known.length ? 'references/indicator.missing' : 'references/indicator.none', { roadmap, id, guess, known: listed(known) }),
    );
  },
};
