// references/action: every action a progress report names is an action of its road map.
import type { RuleModule } from '../rule-module.js';
import { listed, unknownItems } from './roadmap-items.js';
import { didYouMean } from './resolve.js';

export const rule: RuleModule = {
  meta: { id: 'references/action', severity: 'error', summary: 'Every action a progress report names is an action of its road map.', adjustable: true },
  check(context) {
    return unknownItems(context, 'action', (roadmap, id, guess, known) =>
      `Road map \`${roadmap}\` has no action \`${id}\`${didYouMean(guess, known.length ? `. Its actions are: ${listed(known)}.` : ' (it lists no actions).')}`,
    );
  },
};
