// Types of scripts/test-setup.mjs, for the tests that import it.
export interface MachinePackage {
  /** The Debian package that provides the program. */
  debian: string;
  /** The command that proves the package is there (looked up on PATH). */
  command: string;
  /** A file that must exist as well, where several packages provide the same command. */
  file?: string;
  /** An environment variable that may point at another copy of the program instead. */
  env?: string;
  /** Which tests need it, and why. */
  neededBy: string;
}
export const MACHINE_PACKAGES: MachinePackage[];
export function findCommand(command: string, path?: string): string | undefined;
export function missingPackages(list?: readonly MachinePackage[], env?: NodeJS.ProcessEnv): MachinePackage[];
export type SetupPlan = { action: 'none' } | { action: 'install'; packages: string[]; sudo?: boolean } | { action: 'fail'; message: string };
export function plan(missing: readonly MachinePackage[], machine: { hasAptGet: boolean; isRoot: boolean; canSudo?: boolean; env: NodeJS.ProcessEnv }): SetupPlan;
