// "Did you mean…?" for misspelt keys, enumeration values and ids, in time linear in what was typed.

/**
 * Values longer than this get no suggestion: nobody mistypes a 300-character key, and a pasted
 * data URI (hundreds of kilobytes) must not cost a distance computation per candidate.
 */
export const MAX_SUGGESTION_INPUT = 200;

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (`titel` → `title`), or
 * `max + 1` as soon as it is known to exceed `max`. Only the band of cells within `max` of the
 * diagonal is computed, and the work stops when a whole row of it exceeds `max`, so the cost is
 * O(max × min(|a|, |b|)), and nothing at all when the lengths alone differ by more than `max`.
 */
export function editDistance(a: string, b: string, max: number = Math.max(a.length, b.length)): number {
  const n = a.length;
  const m = b.length;
  const over = max + 1;
  if (Math.abs(n - m) > max) return over;
  if (n === 0 || m === 0) return Math.max(n, m);
  // Three rows (for the swap, which looks two rows back); cells outside the band stay `over`.
  let before = new Uint32Array(m + 1).fill(over);
  let previous = new Uint32Array(m + 1).fill(over);
  let current = new Uint32Array(m + 1).fill(over);
  for (let j = 0; j <= Math.min(m, max); j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    current.fill(over);
    if (i <= max) current[0] = i;
    let rowBest = current[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) best = Math.min(best, before[j - 2]! + 1);
      if (best > over) best = over;
      current[j] = best;
      if (best < rowBest) rowBest = best;
    }
    // Every path to the last cell crosses this row, so none can come back under the limit.
    if (rowBest > max) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[m]!, over);
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  if (value.length > MAX_SUGGESTION_INPUT) return undefined;
  const lower = value.toLowerCase();
  // A likely typo: one edit per three characters typed, at least one.
  const limit = Math.max(1, Math.floor(Math.max(value.length, 3) / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    // Only a strictly closer candidate can win, so each one is measured against a shrinking limit.
    const within = bestDistance - 1;
    // Lower-casing never shortens a string, so a candidate already too long is skipped unread.
    if (candidate.length > lower.length + within) continue;
    const d = editDistance(lower, candidate.toLowerCase(), within);
    if (d <= within) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  if (best !== undefined) return best;
  // A candidate that starts with what was typed (`self` → `self-assessed`).
  // Only the candidate's head is lower-cased: an id of a million characters costs no more than a short one.
  if (lower.length < 3) return undefined;
  return candidates.find((c) => c.slice(0, lower.length + 1).toLowerCase().startsWith(lower));
}
