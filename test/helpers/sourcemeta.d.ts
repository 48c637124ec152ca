// Types of @sourcemeta/jsonschema's programmatic entry (the package ships none): its CLI, run as a child process.
declare module '@sourcemeta/jsonschema' {
  export function spawn(args: string[], options?: import('node:child_process').SpawnOptions & { json?: boolean }): Promise<{ code: number | null; stdout: string; stderr: string }>;
}
