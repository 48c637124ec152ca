// The kinds of document a workspace holds, and where each lives (DESIGN.md, "The workspace").

export const DOCUMENT_KINDS = ['workspace', 'profile', 'practice', 'roadmap', 'stakeholders', 'activity', 'progress'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export const WORKSPACE_FILE = 'lamd.yaml';

/**
 * Whether `path` (as the loader records it) is the lamd.yaml at the root of the workspace `root`: the
 * one whose settings and municipalities count. A workspace document named from elsewhere is not it.
 */
export function isRootWorkspaceFile(path: string, root: string): boolean {
  return path === `${root}/${WORKSPACE_FILE}` || path === `${root}\\${WORKSPACE_FILE}`;
}
