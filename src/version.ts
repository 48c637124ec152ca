// What this build of lamd is, recorded in every output so a result can be traced to its inputs.
declare const __LAMD_VERSION__: string | undefined;

/** lamd's own version, injected at build time (and by vitest.config.ts for the tests run from source). */
export const LAMD_VERSION: string = typeof __LAMD_VERSION__ === 'string' ? __LAMD_VERSION__ : '0.0.0-dev';

/** Version of the document schemas (the `schema_version` documents declare). */
export const SCHEMA_VERSION = 1;

/** The SDG code list lamd ships (see data/sdg/SOURCES.md). */
export const SDG_CODE_LIST_VERSION = 'UN global indicator framework, pre-2025 review, via open-sdg/sdg-translations 0cda585';
