// File paths as CI services want them: lamd shows paths with the separators of the system it runs
// on, but GitHub, GitLab and Jenkins match annotations and test files to the repository with `/`.

/** A Windows path: `C:\…`, `C:/…` or a UNC share `\\server\…`. */
export function isWindowsPath(path: string): boolean {
  return /^[A-Za-z]:[\\/]|^\\\\/.test(path);
}

/** `file` as a CI service reads it: with `/` separators when lamd ran in a Windows folder. */
export function ciPath(file: string, cwd: string): string {
  return isWindowsPath(cwd) ? file.replace(/\\/g, '/') : file;
}
