// Resolving an id against the workspace index, shared by the references rules: when a reference is
// checked at all, what counts as found, and the closest id to suggest.
import type { LoadedDocument } from '../../workspace/load.js';
import { t, type Text } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import type { RuleContext } from '../rule-module.js';
import { closest } from '../suggest.js';
import { objects, str, strings } from '../values.js';

/** The tables of the index a reference can point into. */
export type Table = 'municipalities' | 'partners' | 'stakeholders' | 'practices' | 'activities' | 'roadmaps';

/** The message for an id that is not in its table, given the closest id that is (if any). */
export type Missing = (id: string, guess: string | undefined) => Text;

/** Collects one rule's findings for references into one table of the index. */
export class References {
  readonly findings: Finding[] = [];

  constructor(
    private readonly context: RuleContext,
    private readonly table: Table,
    private readonly ruleId: string,
    private readonly missing: Missing,
  ) {}

  /** One id at `pointer`; nothing when it resolves, or when the table cannot be checked. */
  ref(doc: LoadedDocument, id: string | undefined, pointer: string): void {
    const { index } = this.context;
    const known = this.table === 'stakeholders' ? index.checksStakeholders : index.hasWorkspace;
    if (id === undefined || !known || index[this.table].has(id)) return;
    // A file lamd could not read probably declares it, and has its own error.
    if ((this.table === 'practices' || this.table === 'activities') && index.unreadableIds[this.table].has(id)) return;
    const guess = closest(id, [...index[this.table].keys()]);
    this.findings.push({ doc, pointer, ruleId: this.ruleId, message: this.missing(id, guess) });
  }

  /** A list of ids, at `pointer` or, with `key`, under it (see objects). */
  refs(doc: LoadedDocument, list: unknown, pointer: string, key?: string): void {
    for (const [id, p] of strings(list, pointer, key)) this.ref(doc, id, p);
  }

  /** A list of `{ stakeholder: <id>, … }` entries (working groups, participants); `key` as in refs. */
  participations(doc: LoadedDocument, list: unknown, pointer: string, key?: string): void {
    for (const [item, p] of objects(list, pointer, key)) this.ref(doc, str(item.stakeholder), `${p}/stakeholder`);
  }
}

/**
 * The message `<id>` of a missing reference, or `<id>-did-you-mean` when there is a close id to
 * suggest (`guess` among its values).
 */
export function missing(id: string, values: { id: string; guess: string | undefined } & Record<string, string | undefined>): Text {
  const { guess } = values;
  const given = Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
  return t(guess ? `${id}-did-you-mean` : id, given);
}
