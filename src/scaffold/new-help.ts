// The help of `lamd new` for each kind: what it adds, an example, and the values its closed lists
// allow, so an officer learns the command from `lamd new practice --help` alone.
import { render, t, type MessageLanguage, type Text } from '../i18n/messages.js';
import { describedVocabulary, type VocabularyName } from './vocabulary.js';

/**
 * A kind's help; what it adds is the catalogue's `new-help.adds.<kind>`. An example with a title or
 * name in words is a catalogue message, so that a French officer reads a French title.
 */
interface KindHelp {
  examples: Array<string | Text>;
  lists: Array<{ flag: string; name: VocabularyName }>;
  notes?: string[];
}

const KINDS: Record<string, KindHelp> = {
  municipality: {
    examples: ['lamd new municipality sousse --name "Sousse" --country TN --lang fr,ar', 'lamd new municipality tunis --name "تونس" --country TN --lead-unit "Direction des affaires sociales"'],
    lists: [],
  },
  practice: {
    examples: [t('new-help.example.practice')],
    lists: [{ flag: '--cluster', name: 'thematicCluster' }],
  },
  roadmap: {
    examples: [t('new-help.example.roadmap')],
    lists: [],
  },
  stakeholder: {
    examples: [t('new-help.example.stakeholder'), 'lamd new stakeholder --name "Association des migrants de Sousse" --type migrant-association --municipality sousse'],
    lists: [
      { flag: '--type', name: 'stakeholderType' },
      { flag: '--level', name: 'stakeholderLevel' },
    ],
  },
  activity: {
    examples: ['lamd new activity --type peer-exchange --date 2025-03-04 --mode online --municipality sousse,sfax'],
    lists: [
      { flag: '--type', name: 'activityType' },
      { flag: '--mode', name: 'activityMode' },
    ],
  },
};

/** `text` wrapped at `width` columns, every line after the first indented by `hang` spaces; commands are never broken. */
function wrap(text: string, hang: number, width = 80): string {
  const lead = /^ */.exec(text)![0];
  const lines: string[] = [];
  let line = '';
  for (const word of text.slice(lead.length).split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(hang) + word;
    } else line = line ? `${line} ${word}` : lead + word;
  }
  return `${[...lines, line].join('\n')}\n`;
}

/**
 * A value's description without the title that repeats the value or its label ("Access to services:
 * health…" → "health…"; "Accès aux services : santé…" → "santé…"), French spacing before the colon included.
 */
function explain(value: string, label: string, description: string): string {
  const match = /^(.*?)\u00a0?\s?: (.*)$/s.exec(description);
  if (!match) return description;
  const fold = (text: string) => text.toLowerCase().replace(/[\W_]+/gu, '');
  const head = fold(match[1]!);
  return head === value.replace(/-/g, '') || head === fold(label) ? match[2]! : description;
}

function section(kind: string, help: KindHelp, full: boolean, language: MessageLanguage): string {
  const say = (id: string, values?: Parameters<typeof t>[1]) => render(language, t(id, values));
  let text = wrap(say('new-help.section', { kind, adds: t(`new-help.adds.${kind}`) }), 2) + `  ${say('new-help.examples', { count: help.examples.length })}\n${help.examples.map((e) => `    ${render(language, e)}\n`).join('')}`;
  for (const list of help.lists) {
    const values = describedVocabulary(list.name);
    if (full) {
      const described = values.map((v) => {
        const about = language === 'en' ? v.description : say(`choice.about.${list.name}.${v.value}`);
        return wrap(`    ${v.value}${about ? `: ${explain(v.value, say(`choice.${list.name}.${v.value}`), about)}` : ''}`, 6);
      });
      text += `  ${say('new-help.takes-one-of', { flag: list.flag })}\n${described.join('')}`;
    } else text += wrap(`  ${list.flag}: ${values.map((v) => v.value).join(', ')}`, 4);
  }
  return text;
}

/** Every example the help gives in `language`, in order (the first adds the municipality the others use). */
export function newExamples(language: MessageLanguage = 'en'): string[] {
  return Object.values(KINDS).flatMap((k) => k.examples.map((e) => render(language, e)));
}

/**
 * The text after `lamd new`'s option list: for one kind (`lamd new practice --help`), that kind with
 * each allowed value explained; otherwise every kind, with its example and allowed values.
 */
export function newHelp(kind: string | undefined, language: MessageLanguage = 'en'): string {
  const one = kind !== undefined ? KINDS[kind] : undefined;
  if (one) return `\n${section(kind!, one, true, language)}\n${render(language, t('new-help.one-kind'))}\n`;
  return `\n${Object.entries(KINDS).map(([k, h]) => section(k, h, false, language)).join('\n')}\n${render(language, t('new-help.every-kind'))}\n`;
}
