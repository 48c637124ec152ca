// The part of npm-package-arg (npm's own parser of package specs, which ships no types) lamd uses.
declare module 'npm-package-arg' {
  interface Result {
    type: 'git' | 'tag' | 'version' | 'range' | 'file' | 'directory' | 'remote' | 'alias';
    registry: boolean;
    name: string | null;
    raw: string;
    rawSpec: string;
    fetchSpec: string | null;
  }
  function npa(spec: string, where?: string): Result;
  export default npa;
}
