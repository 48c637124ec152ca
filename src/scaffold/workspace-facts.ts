// Reads what `lamd new` needs to know about an existing workspace: lamd.yaml and stakeholders.yaml
// as text (to edit them), the municipalities and partners, and every id already in use.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { YAML_PACKAGE_OPTIONS } from '../workspace/yaml-options.js';
import { t } from '../i18n/messages.js';
import { UsageError } from '../errors.js';
import { WORKSPACE_FILE } from '../workspace/kinds.js';
import { loadWorkspace } from '../workspace/load.js';
import { readWorkspaceFile } from '../workspace/find.js';
import type { WorkspaceFacts } from './plan-new.js';
import { nameIn } from './names.js';

function records(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)) : [];
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Every spelling of a name: one text, or one per language. */
function spellingsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.values(value).filter((v): v is string => typeof v === 'string');
}

export async function readWorkspaceFacts(root: string): Promise<WorkspaceFacts> {
  const workspaceText = readWorkspaceFile(root).toString('utf8');
  const doc = YAML.parseDocument(workspaceText, YAML_PACKAGE_OPTIONS);
  if (doc.errors.length) {
    throw new UsageError(t('new.workspace-not-yaml', { file: WORKSPACE_FILE, error: doc.errors[0]!.message.split('\n')[0]! }));
  }
  const workspace = (doc.toJS() ?? {}) as Record<string, unknown>;
  const languages = Array.isArray(workspace.languages) ? workspace.languages.filter((l): l is string => typeof l === 'string') : [];
  // A name may be one text or one per language: lamd speaks of it by the workspace's first.
  const nameOf = (value: unknown) => text(value) ?? (value !== null && typeof value === 'object' && !Array.isArray(value) ? nameIn(value as Record<string, string>, languages[0] ?? 'en') : undefined);
  const municipalities = records(workspace.municipalities)
    .map((m) => ({ slug: text(m.slug), name: nameOf(m.name) ?? text(m.slug), names: spellingsOf(m.name), ...(typeof m.country === 'string' ? { country: m.country } : {}) }))
    .filter((m): m is { slug: string; name: string; names: string[]; country?: string } => m.slug !== undefined && m.name !== undefined);
  const partners = records(workspace.partners).map((p) => text(p.id)).filter((id): id is string => id !== undefined);

  const stakeholdersPath = join(root, 'stakeholders.yaml');
  let stakeholdersText: string | undefined;
  try {
    stakeholdersText = existsSync(stakeholdersPath) ? readFileSync(stakeholdersPath, 'utf8') : undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(t('new.stakeholders-unreadable', { code: code === 'EISDIR' ? code : 'other', error: code ?? String(error) }));
  }

  const ids: WorkspaceFacts['ids'] = { practice: new Set(), roadmap: new Set(), activity: new Set(), stakeholder: new Set() };
  const load = await loadWorkspace({ cwd: root, workspace: root });
  for (const d of load.documents) {
    if (d.kind === 'practice' || d.kind === 'roadmap' || d.kind === 'activity') {
      const id = text(d.value.id);
      if (id) ids[d.kind].add(id);
    } else if (d.kind === 'stakeholders') {
      for (const s of records(d.value.stakeholders)) {
        const id = text(s.id);
        if (id) ids.stakeholder.add(id);
      }
    }
  }
  return {
    workspaceText,
    ...(stakeholdersText !== undefined ? { stakeholdersText } : {}),
    municipalities,
    partners,
    ids,
    ...(languages[0] !== undefined ? { language: languages[0] } : {}),
    exists: (path) => existsSync(join(root, ...path.split('/'))),
  };
}
