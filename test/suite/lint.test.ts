// The code passes ESLint (eslint.config.js): checked here too, so that every `vitest run` lints, not only `npm test`.
import { ESLint } from 'eslint';
import { expect, it } from 'vitest';
import { REPO } from '../helpers/lamd.js';

it('passes ESLint', { timeout: 180_000 }, async () => {
  // The cache `npm run lint` keeps: after it, only changed files are linted again.
  const eslint = new ESLint({ cwd: REPO, cache: true, cacheLocation: 'node_modules/.cache/lamd/eslint/' });
  const results = await eslint.lintFiles(['.']);
  const problems = results.filter((r) => r.errorCount + r.warningCount > 0);
  const report = problems.length === 0 ? '' : await (await eslint.loadFormatter('stylish')).format(problems);
  expect(report, 'npm run lint shows these; fix them or, for a deliberate exception, say why in an eslint-disable comment').toBe('');
});
