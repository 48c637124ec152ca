// references/indicator: every indicator a progress report names is an indicator of its road map.
import type { RuleModule } from '../rule-module.js';
import { listed, unknownItems } from './roadmap-items.js';
import { didYouMean } from './resolve.js';

export const rule: RuleModule = {
  meta: { id: 'references/indicator', severity: 'error', summary: 'Every indicator a progress report names is an indicator of its road map.', adjustable: true },
  check(context) {
    return unknownItems(context, 'indicator', (roadmap, id, guess, known) =>
      `Road map \`${roadmap}\` has no indicator \`${id}\`${didYouMean(guess, known.length ? `. Its indicators are: ${listed(known)}.` : ': it gives no indicator an `id` yet. Add `id:` to each indicator of the road map.')}`,
    );
  },
};
