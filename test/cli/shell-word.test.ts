// The commands lamd suggests quote a path only when a shell would read something into it.
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../src/shell-word.js';

describe('shellWord', () => {
  it('leaves a plain path as it is, and quotes one a shell would split or expand', () => {
    expect(shellWord('progress/2025-H1.xlsx')).toBe('progress/2025-H1.xlsx');
    expect(shellWord('a@b%c+d=e:f,g')).toBe('a@b%c+d=e:f,g');
    expect(shellWord('Rapports 2025/progress.xlsx')).toBe("'Rapports 2025/progress.xlsx'");
    expect(shellWord("l'Ariana.xlsx")).toBe("'l'\\''Ariana.xlsx'");
    expect(shellWord('$HOME')).toBe("'$HOME'");
    expect(shellWord('')).toBe("''");
  });
});
