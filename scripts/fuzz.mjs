// `npm run fuzz -- [seed] [count] [limit-ms]`: the fuzz test of test/fuzz/ with as many mutants as
// asked (default: a random seed, 500 mutants, 2,000 ms per mutant, the bound of issue 18). A failure
// names the seed and the mutant's number, so `npm run fuzz -- <seed> <count>` replays it.
import { spawnSync } from 'node:child_process';

const [seedArg, countArg, limitArg] = process.argv.slice(2);
const seed = seedArg === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedArg);
const count = countArg === undefined ? 500 : Number(countArg);
const limit = limitArg === undefined ? 2000 : Number(limitArg);
if (![seed, count, limit].every((n) => Number.isInteger(n) && n >= 0)) {
  process.stderr.write('usage: npm run fuzz -- [seed] [count] [limit-ms]   (whole numbers)\n');
  process.exit(2);
}
process.stderr.write(`fuzz: seed ${seed}, ${count} mutants, ${limit} ms each\n`);
const result = spawnSync('npx', ['vitest', 'run', 'test/fuzz/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, LAMD_FUZZ_SEED: String(seed), LAMD_FUZZ_COUNT: String(count), LAMD_FUZZ_LIMIT_MS: String(limit) },
});
process.exit(result.status ?? 2);
