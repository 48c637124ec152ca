// The help of `lamd new` for each kind: what it adds, an example, and the values its closed lists
// allow, so an officer learns the command from `lamd new practice --help` alone.
import { describedVocabulary, type VocabularyName } from './vocabulary.js';

interface KindHelp {
  adds: string;
  examples: string[];
  lists: Array<{ flag: string; name: VocabularyName }>;
  notes?: string[];
}

const KINDS: Record<string, KindHelp> = {
  municipality: {
    adds: 'a municipality of the network: its folder, its City Migration Profile and its entry in lamd.yaml. [id] is its slug (folder name); --name its name as written locally, in any script.',
    examples: ['lamd new municipality sousse --name "Sousse" --country TN --lang fr,ar', 'lamd new municipality tunis --name "تونس" --country TN --lead-unit "Direction des affaires sociales"'],
    lists: [],
  },
  practice: {
    adds: "a practice to capitalize (phase 2), in municipalities/<slug>/practices/<id>.yaml. --municipality is the owner's slug.",
    examples: ['lamd new practice one-stop-shop --municipality sousse --cluster access-to-services --title "One-stop shop for newcomers"'],
    lists: [{ flag: '--cluster', name: 'thematicCluster' }],
  },
  roadmap: {
    adds: "a road map (phase 3), linked to one SDG goal, in municipalities/<slug>/roadmaps/<id>.yaml. --municipality is the owner's slug; `lamd sdg` lists the goals.",
    examples: ['lamd new roadmap inclusive-services --municipality sousse --sdg 10 --title "Services open to every resident"'],
    lists: [],
  },
  stakeholder: {
    adds: "an organisation, unit or role to stakeholders.yaml. --name is its name (no personal contact details); --municipality the slug of the municipality it works in, if any.",
    examples: ['lamd new stakeholder welfare-area --name "Welfare Area" --type municipal-department --municipality sousse', 'lamd new stakeholder --name "Association des migrants de Sousse" --type migrant-association --municipality sousse'],
    lists: [
      { flag: '--type', name: 'stakeholderType' },
      { flag: '--level', name: 'stakeholderLevel' },
    ],
  },
  activity: {
    adds: 'a programme activity (training, consultation, peer exchange, final event) in activities/. --municipality lists the slugs of those taking part, comma-separated.',
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

/** A value's description without the title that repeats the value ("Access to services: health…" → "health…"). */
function explain(value: string, description: string): string {
  const [head, ...rest] = description.split(': ');
  return rest.length && head!.toLowerCase().replace(/\W+/g, '') === value.replace(/-/g, '') ? rest.join(': ') : description;
}

function section(kind: string, help: KindHelp, full: boolean): string {
  let text = wrap(`lamd new ${kind}: adds ${help.adds}`, 2) + `  Example${help.examples.length > 1 ? 's' : ''}:\n${help.examples.map((e) => `    ${e}\n`).join('')}`;
  for (const list of help.lists) {
    const values = describedVocabulary(list.name);
    if (full) text += `  ${list.flag} takes one of:\n${values.map((v) => wrap(`    ${v.value}${v.description ? `: ${explain(v.value, v.description)}` : ''}`, 6)).join('')}`;
    else text += wrap(`  ${list.flag}: ${values.map((v) => v.value).join(', ')}`, 4);
  }
  return text;
}

/** Every example the help gives, in order (the first adds the municipality the others use). */
export function newExamples(): string[] {
  return Object.values(KINDS).flatMap((k) => k.examples);
}

/**
 * The text after `lamd new`'s option list: for one kind (`lamd new practice --help`), that kind with
 * each allowed value explained; otherwise every kind, with its example and allowed values.
 */
export function newHelp(kind: string | undefined): string {
  const one = kind !== undefined ? KINDS[kind] : undefined;
  if (one) return `\n${section(kind!, one, true)}\nEach option applies only to the kinds it names above; \`lamd new --help\` shows every kind.\n`;
  return `\n${Object.entries(KINDS).map(([k, h]) => section(k, h, false)).join('\n')}\n\`lamd new <kind> --help\` explains each allowed value.\n`;
}
