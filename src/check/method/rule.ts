// What a method rule is: a rule module that also names the section of the publication it encodes.
import type { RuleMeta } from '../rule-meta.js';
import type { RuleModule } from '../rule-module.js';

export { documentsOf, type RuleContext } from '../rule-module.js';

export interface MethodRule extends RuleModule {
  meta: RuleMeta & { section: string };
}
