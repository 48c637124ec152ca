// ESLint for lamd: the recommended JavaScript and typescript-eslint rules (none needs type information,
// so a run takes seconds), and a few more that catch real bugs. `npm run lint`; part of `npm test`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', 'coverage/', '.vitest/', 'node_modules/', 'src/check/generated/', 'src/types/generated/', 'bench/.cache/', 'bench/workspaces/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // lamd strips control characters from user text on purpose, in several places.
      'no-control-regex': 'off',
      // Style, not bugs: two spaces in a pattern that matches aligned columns read better as two spaces.
      'no-regex-spaces': 'off',
      // `_` names what is destructured or iterated only to be left out.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-self-compare': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
      'no-constructor-return': 'error',
      'array-callback-return': 'error',
    },
  },
  {
    // Tests read whatever JSON a command printed; `any` there is the honest type.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
