// references/action: every action a progress report names is an action of its road map.
import type { RuleModule } from '../rule-module.js';
import { listed, unknownItems } from './roadmap-items.js';
import { missing } from './resolve.js';

export const rule: RuleModule = {
  meta: { id: 'references/action', severity: 'error', adjustable: true },
  check(context) {
    return unknownItems(context, 'action', (roadmap, id, guess, known) =>
      missing(known.length ? 'references/action.missing' : 'references/action.none', { roadmap, id, guess, known: listed(known) }),
    );
  },
};
