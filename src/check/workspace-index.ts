// An index of a workspace's ids — municipalities, partners, stakeholders, practices, road maps,
// activities, challenges — built once so every reference check is a lookup.
import { basename, dirname } from 'node:path';
import { t } from '../i18n/messages.js';
import type { LoadedDocument } from '../workspace/load.js';
import { pointerSegment } from '../diagnostics.js';
import type { Finding } from './finding.js';
import { objects, str, type Obj } from './values.js';

export interface Declaration {
  doc: LoadedDocument;
  /** Pointer to the id's value. */
  pointer: string;
  /** The mapping that declares the id (a stakeholder entry, a municipality entry, a whole document). */
  value: Obj;
}

export interface WorkspaceIndex {
  /** Whether a lamd.yaml was loaded: without it, references to workspace ids are not checked. */
  hasWorkspace: boolean;
  /** Whether a stakeholder registry was loaded. */
  hasStakeholders: boolean;
  /**
   * Whether stakeholder references are checked: a registry was loaded, or the workspace has none at
   * all (so every reference is unresolved). Not when its registry could not be read: that file has
   * its own diagnostic, and reporting every reference as well would bury it.
   */
  checksStakeholders: boolean;
  /**
   * Ids that files lamd could not read would probably declare, from their names and folders
   * (`practices/<id>.yaml`, `activities/<date>-<id>.yaml`): a reference to one is not reported, since
   * the file has its own error.
   */
  unreadableIds: { practices: Set<string>; activities: Set<string> };
  workspace?: LoadedDocument;
  municipalities: Map<string, Declaration>;
  partners: Map<string, Declaration>;
  stakeholders: Map<string, Declaration>;
  practices: Map<string, Declaration>;
  roadmaps: Map<string, Declaration>;
  activities: Map<string, Declaration>;
  profiles: Map<string, Declaration>;
  /** `<municipality>/<challenge id>` → where the challenge is declared. */
  challenges: Map<string, Declaration>;
  /** `<road map id>/<period>` → the progress document of that road map for that period. */
  progress: Map<string, Declaration>;
}

/** The tables of ids, each unique across the workspace (messages name them: catalogue `ids/unique.used`). */
type Table = 'municipalities' | 'partners' | 'stakeholders' | 'practices' | 'roadmaps' | 'activities' | 'profiles' | 'challenges' | 'progress';

/**
 * Builds the index. `workspaceFile` is the root lamd.yaml when there is one: other workspace
 * documents (named on the command line from elsewhere) are checked alone, not merged in.
 */
export function indexWorkspace(
  documents: readonly LoadedDocument[],
  workspaceFile: string | undefined,
  hasStakeholdersFile = false,
  unloaded: readonly string[] = [],
): { index: WorkspaceIndex; findings: Finding[] } {
  const findings: Finding[] = [];
  const index = emptyIndex(unloaded);
  const declare = declarer(index, findings);
  for (const doc of documents) {
    if (doc.kind !== 'workspace') declareIds(doc, index, declare);
    else if (workspaceFile === undefined || doc.file === workspaceFile) indexWorkspaceFile(doc, index, declare, findings);
  }
  index.checksStakeholders = index.hasStakeholders || (index.hasWorkspace && !hasStakeholdersFile);
  return { index, findings };
}

function emptyIndex(unloaded: readonly string[]): WorkspaceIndex {
  return {
    hasWorkspace: false,
    hasStakeholders: false,
    checksStakeholders: false,
    unreadableIds: unreadableIds(unloaded),
    municipalities: new Map(),
    partners: new Map(),
    stakeholders: new Map(),
    practices: new Map(),
    roadmaps: new Map(),
    activities: new Map(),
    profiles: new Map(),
    challenges: new Map(),
    progress: new Map(),
  };
}

type Declare = (table: Table, id: string | undefined, doc: LoadedDocument, pointer: string, value: Obj) => void;

/** Records an id in its table; an id declared twice is an ids/unique finding on the second. */
function declarer(index: WorkspaceIndex, findings: Finding[]): Declare {
  return (map, id, doc, pointer, value) => {
    if (id === undefined) return;
    const table = index[map as 'municipalities'];
    const first = table.get(id);
    if (first) {
      const where = first.doc === doc ? 'here' : 'elsewhere';
      const file = first.doc.file;
      const message =
        map === 'progress'
          ? t('ids/unique.progress', { roadmap: id.slice(0, id.lastIndexOf('/')), period: id.slice(id.lastIndexOf('/') + 1), where, file })
          : t('ids/unique.used', { what: map, id, where, file });
      findings.push({ doc, pointer, ruleId: 'ids/unique', message });
      return;
    }
    table.set(id, { doc, pointer, value });
  };
}

/** The workspace's own lamd.yaml: its municipalities and partners. A second one is refused. */
function indexWorkspaceFile(doc: LoadedDocument, index: WorkspaceIndex, declare: Declare, findings: Finding[]): void {
  if (index.workspace) {
    findings.push({ doc, pointer: '', ruleId: 'workspace/single', message: t('workspace/single.second', { file: index.workspace.file }) });
    return;
  }
  index.workspace = doc;
  index.hasWorkspace = true;
  for (const [m, p] of objects(doc.value.municipalities, '/municipalities')) declare('municipalities', str(m.slug), doc, `${p}/slug`, m);
  for (const [m, p] of objects(doc.value.partners, '/partners')) declare('partners', str(m.id), doc, `${p}/id`, m);
}

/** The ids every other kind of document declares. */
function declareIds(doc: LoadedDocument, index: WorkspaceIndex, declare: Declare): void {
  const v = doc.value;
  switch (doc.kind) {
    case 'stakeholders':
      index.hasStakeholders = true;
      for (const [s, p] of objects(v.stakeholders, '/stakeholders')) declare('stakeholders', str(s.id), doc, `${p}/id`, s);
      break;
    case 'practice':
      declare('practices', str(v.id), doc, '/id', v);
      break;
    case 'roadmap':
      declare('roadmaps', str(v.id), doc, '/id', v);
      break;
    case 'activity':
      declare('activities', str(v.id), doc, '/id', v);
      break;
    case 'progress': {
      const roadmap = str(v.roadmap);
      const period = str(v.period);
      if (roadmap !== undefined && period !== undefined) declare('progress', `${roadmap}/${period}`, doc, '/period', v);
      break;
    }
    case 'profile': {
      const municipality = str(v.municipality);
      declare('profiles', municipality, doc, '/municipality', v);
      if (!municipality) break;
      for (const [c, p] of objects(v.challenges, '/challenges')) {
        const id = str(c.id);
        if (id) declare('challenges', `${municipality}/${id}`, doc, `${p}/id`, c);
      }
      break;
    }
  }
}

export function keyPointer(base: string, key: string): string {
  return `${base}/${pointerSegment(key)}`;
}

/** What unreadable files would declare, guessed from their folder and name (see `unreadableIds`). */
export function unreadableIds(paths: readonly string[]): WorkspaceIndex['unreadableIds'] {
  const out: WorkspaceIndex['unreadableIds'] = { practices: new Set(), activities: new Set() };
  for (const path of paths) {
    const name = basename(path).replace(/\.ya?ml$/i, '');
    if (basename(dirname(path)) === 'practices') out.practices.add(name);
    // Activity files are named with their date, whole or in part: 2020-09-15-x, 2020-09-x or x.
    else if (path.split(/[\\/]/).includes('activities')) out.activities.add(name).add(name.replace(/^\d{4}(?:-\d{2}){0,2}-/, ''));
  }
  return out;
}
