// How lamd reads YAML with the `yaml` package, everywhere it does (the slow path, the duplicate-key
// scan, the edits of init and new): YAML 1.2 with the core schema, as YAML_12_CORE reads it with js-yaml.
export const YAML_PACKAGE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: true,
  prettyErrors: false,
} as const;
